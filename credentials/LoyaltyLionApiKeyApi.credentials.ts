import type {
	Icon,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { apiBaseUrlField, processesField, requestsPerSecondField } from './loyaltyLionFields';

/**
 * A LoyaltyLion API key for one store, sent as `Authorization: Bearer pat_…`
 * (developers.loyaltylion.com/api-reference/authentication/api-keys). The successor of token and secret.
 */
export class LoyaltyLionApiKeyApi implements ICredentialType {
	name = 'loyaltyLionApiKeyApi';

	displayName = 'LoyaltyLion API';

	documentationUrl = 'https://developers.loyaltylion.com/api-reference/authentication/api-keys';

	icon: Icon = {
		light: 'file:../icons/loyaltylion.svg',
		dark: 'file:../icons/loyaltylion.dark.svg',
	};

	properties: INodeProperties[] = [
		{
			// n8n's credential test only passes or fails; it cannot show the answer's body (the scopes).
			displayName:
				'Test checks only that LoyaltyLion accepts the key. To see which scopes it has, run Identity → Get in the LoyaltyLion node.',
			name: 'scopesNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'e.g. pat_e1c7…',
			description:
				'Create it in the LoyaltyLion admin under Manage → API keys → Create API key, with the scopes your workflows need (it is shown once). An operation without the scope it needs is refused (assumed: with a 403; the Admin API does not document the status).',
		},
		{
			displayName: 'Site Secret',
			name: 'siteSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Needed only by the LoyaltyLion Trigger: LoyaltyLion signs the webhooks created with an API key with your site secret, and the trigger refuses deliveries it cannot verify. Where LoyaltyLion shows it is not public (assumed: the secret of your token and secret, in the LoyaltyLion admin settings).',
		},
		requestsPerSecondField,
		processesField,
		apiBaseUrlField,
	];

	// A function rather than a `generic` block: n8n calls it directly, without evaluating an expression for
	// every request.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		requestOptions.headers = {
			...requestOptions.headers,
			Authorization: `Bearer ${String(credentials.apiKey ?? '').trim()}`,
		};
		return requestOptions;
	}

	// developers.loyaltylion.com/api-reference/v2/resources/whoami: 200 for a valid key, 401 otherwise.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ String($credentials.apiBaseUrl).replace(/\\/+$/, "") }}',
			url: '/identity/whoami',
		},
	};
}
