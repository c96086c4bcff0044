import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import { clientCredentialsHiddenFields } from './clientCredentialsFields';
import { maxRequestsPerSecondField } from './maxRateField';
import { SWAGGER_PATH } from '../nodes/Loyalistic/swaggerCheck';

export class LoyalisticOAuth2Api implements ICredentialType {
	name = 'loyalisticOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Loyalistic OAuth2 API';

	documentationUrl = 'https://help.loyalistic.com/help/using-loyalistic-api';

	icon: Icon = { light: 'file:../icons/loyalistic.svg', dark: 'file:../icons/loyalistic.dark.svg' };

	properties: INodeProperties[] = [
		{
			// help.loyalistic.com/help/using-loyalistic-api: where keys are made, by whom, and that the secret shows once.
			displayName:
				'The Client ID and Client Secret are a Loyalistic API key (the id and secret pair; there is no separate API key header). Only a Loyalistic Admin can create one, at https://app.loyalistic.com/Suite/Settings/ApiKeys, and the secret is shown once: copy it then.',
			name: 'whereToGetNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'API Base URL',
			name: 'apiBaseUrl',
			type: 'string',
			default: 'https://api.loyalistic.com/v1',
			required: true,
			description:
				'Base of every API path, without a trailing slash. The default is inferred from the Swagger URL the guide gives (assumed). Change it only for another host (e.g. a local simulator).',
		},
		{
			// The public guide leaves the token URL blank; /token on the API host is an assumption (ASP.NET
			// OWIN default), so the field stays editable.
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'string',
			default: 'https://api.loyalistic.com/token',
			required: true,
			description:
				'Where client credentials are exchanged for a token. Assumed default: the guide leaves the token URL blank, so ask Loyalistic for it.',
		},
		// Loyalistic wants the client id and secret as HTTP Basic on the token request.
		maxRequestsPerSecondField,
		...clientCredentialsHiddenFields('header'),
	];

	// The token, then the one resource URL the public guide gives (help.loyalistic.com/help/using-loyalistic-api:
	// Loyalistic's Swagger JSON), rather than an assumed path. Whether the node's assumed paths fit the account
	// is what Account → Check API Paths reports.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ String($credentials.apiBaseUrl).replace(/\\/+$/, "") }}',
			url: SWAGGER_PATH,
		},
	};
}
