import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import { clientCredentialsHiddenFields } from './clientCredentialsFields';
import { maxRequestsPerSecondField } from './maxRateField';

/**
 * The API base for the chosen environment, as an n8n expression. Inside the credential's own fields the
 * credential is `$self`; in its test request it is `$credentials`.
 */
const baseUrlExpression = (of: '$self' | '$credentials') =>
	`${of}["environment"] === "custom" ? String(${of}["customBaseUrl"]).replace(/\\/+$/, "") : ${of}["environment"] === "sandbox" ? "https://api-sandbox.cardlytics.com" : "https://api.cardlytics.com"`;

export class CardlyticsOAuth2Api implements ICredentialType {
	name = 'cardlyticsOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Cardlytics OAuth2 API';

	documentationUrl = 'https://platform.cardlytics.com/advertisers/docs/api-access-authorization';

	icon: Icon = { light: 'file:../icons/cardlytics.svg', dark: 'file:../icons/cardlytics.dark.svg' };

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Production', value: 'production', description: 'https://api.cardlytics.com' },
				{ name: 'Sandbox', value: 'sandbox', description: 'https://api-sandbox.cardlytics.com' },
				{
					name: 'Custom Base URL',
					value: 'custom',
					description: 'Another host, e.g. a local simulator',
				},
			],
			default: 'production',
			description:
				'Which Cardlytics environment to call. Cardlytics issues your client ID and secret at onboarding; if it has IP allow-listing on for your client, only the allow-listed IPs get answers.',
		},
		{
			displayName: 'Base URL',
			name: 'customBaseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://api.cardlytics.com',
			required: true,
			displayOptions: { show: { environment: ['custom'] } },
			description: 'Base URL that /api/v1/... paths are appended to, without a trailing slash',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: `={{ (${baseUrlExpression('$self')}) + "/api/v1/idp/oauth2/token" }}`,
		},
		// Cardlytics reads client_id and client_secret from the form body, not from Basic auth.
		maxRequestsPerSecondField,
		...clientCredentialsHiddenFields('body'),
		{
			// Cardlytics' token request takes no extra fields: keep the generic OAuth2 option out of the form.
			displayName: 'Send Additional Body Properties',
			name: 'sendAdditionalBodyProperties',
			type: 'hidden',
			default: false,
		},
	];

	// Asking for yesterday's (UTC) redemption file link proves the client id/secret get a token and the token
	// is accepted; it changes nothing on the account. UTC: the API refuses today's UTC date, which a local
	// "yesterday" east of UTC can be.
	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{ ${baseUrlExpression('$credentials')} }}`,
			url: '/api/v1/partner/redemptions',
			qs: { date: '={{ $now.toUTC().minus({ days: 1 }).toFormat("yyyy-MM-dd") }}' },
		},
	};
}
