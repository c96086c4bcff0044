import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import { processesField, requestsPerSecondField } from './loyaltyLionFields';

const OAUTH_BASE =
	'String($self["oauthBaseUrl"] || "https://app.loyaltylion.com").replace(/\\/+$/, "")';

export class LoyaltyLionOAuth2Api implements ICredentialType {
	name = 'loyaltyLionOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'LoyaltyLion OAuth2 API';

	documentationUrl = 'https://developers.loyaltylion.com/api-reference/authentication/oauth';

	icon: Icon = {
		light: 'file:../icons/loyaltylion.svg',
		dark: 'file:../icons/loyaltylion.dark.svg',
	};

	properties: INodeProperties[] = [
		{
			displayName:
				'For LoyaltyLion partner apps. Register the app with LoyaltyLion (partnersupport@loyaltylion.com) and give them the OAuth Redirect URL shown above. For a single store, use the LoyaltyLion API credential (an API key) instead. The test checks only that the token is accepted; Identity → Get in the LoyaltyLion node shows the scopes it was granted.',
			name: 'partnerNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Scopes',
			name: 'scopes',
			type: 'multiOptions',
			options: [
				{
					name: 'Read Customers',
					value: 'read_customers',
					description: 'Customers, points, tiers, rewards, activities (not orders)',
				},
				{ name: 'Read Orders', value: 'read_orders' },
				{
					name: 'Read Unsubscribes',
					value: 'read_unsubscribes',
					description: 'The loyalty email unsubscribes list and its webhook',
				},
				{
					name: 'Write Customers',
					value: 'write_customers',
					description: 'Add and remove points, change tiers, trigger activities',
				},
				{
					name: 'Write Orders',
					value: 'write_orders',
					description: 'Create, update and cancel orders',
				},
				{ name: 'Write Unsubscribes', value: 'write_unsubscribes' },
			],
			default: ['read_customers', 'write_customers', 'read_orders', 'write_orders'],
			description:
				'What the merchant is asked to approve; the node operations you use need the matching scopes',
		},
		{
			displayName: 'OAuth Base URL',
			name: 'oauthBaseUrl',
			type: 'string',
			default: 'https://app.loyaltylion.com',
			description: 'Host of the authorize and token pages. Change it only to use a simulator.',
		},
		{
			displayName: 'API Base URL',
			name: 'apiBaseUrl',
			type: 'string',
			default: 'https://api.loyaltylion.com/v2',
			description: 'Base of the API paths. Change it only to use a simulator.',
		},
		requestsPerSecondField,
		processesField,
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: `={{ ${OAUTH_BASE} + "/oauth/authorize" }}`,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: `={{ ${OAUTH_BASE} + "/oauth/access-token" }}`,
		},
		{
			// LoyaltyLion wants the scopes COMMA-separated. n8n ignores a typed scope on non-generic OAuth2 types, so
			// it is built here from the multi-select; a comma in it makes n8n join the scopes with commas.
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: '={{ ($self["scopes"] || []).join(",") }}',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			// The code exchange sends client_id and client_secret in the form body, as documented; n8n's client
			// also sends grant_type and redirect_uri, which the documented example lacks (accepted: assumed).
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
	];

	// developers.loyaltylion.com/api-reference/v2/resources/whoami: 200 for a valid token, 401 otherwise. That
	// it needs no scope is assumed (per-endpoint scopes are not public).
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ String($credentials.apiBaseUrl).replace(/\\/+$/, "") }}',
			url: '/identity/whoami',
		},
	};
}
