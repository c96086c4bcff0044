import type { INodeProperties } from 'n8n-workflow';

/**
 * The generic OAuth2 fields a client-credentials credential hides: the grant, the authorize URL and query
 * parameters (unused by this grant), the scope, and where the client id and secret go on the token request.
 */
export function clientCredentialsHiddenFields(
	authentication: 'body' | 'header',
): INodeProperties[] {
	return [
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'clientCredentials' },
		{ displayName: 'Auth URL', name: 'authUrl', type: 'hidden', default: '' },
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: '' },
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: authentication,
		},
	];
}
