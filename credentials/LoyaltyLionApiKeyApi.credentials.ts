import type {
	Icon,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

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
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'e.g. pat_e1c7…',
			description:
				'Create it in the LoyaltyLion admin under Manage → API keys → Create API key, with the scopes your workflows need (it is shown once). The operations name the scope they need when it is missing.',
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
		{
			displayName: 'Requests per Second',
			name: 'requestsPerSecond',
			type: 'number',
			default: 20,
			typeOptions: { minValue: 1 },
			description:
				'The rate the nodes keep to. LoyaltyLion allows 20 per second; raise it only if LoyaltyLion granted your account more.',
		},
		{
			displayName: 'API Base URL',
			name: 'apiBaseUrl',
			type: 'string',
			default: 'https://api.loyaltylion.com/v2',
			description: 'Base of the API paths. Change it only to use a simulator.',
		},
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
