/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test tooling run by jest and the benchmark, never loaded by n8n */
// What n8n's "Connect my account" button does for an authorization-code OAuth2 credential, done with n8n's
// own OAuth2 client (@n8n/client-oauth2) the way packages/cli's OAuth2 credential controller does it: the
// scope split on commas and joined with commas when it holds one, state checked, client id/secret in the
// token request body when the credential's authentication is "body", the token data saved on the credential.
import * as crypto from 'node:crypto';
import { ClientOAuth2, type ClientOAuth2Options } from '@n8n/client-oauth2';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import type { Engine } from './engine';

export const REDIRECT_URI = 'http://localhost:5678/rest/oauth2-credential/callback';

export interface OAuth2Connection {
	authorizeUrl: string;
	callbackUrl: string;
	tokenData: ICredentialDataDecryptedObject;
}

/**
 * Runs authorize → (the provider auto-approves and redirects with code and state) → token exchange, and
 * stores oauthTokenData on the credential. Returns {authorizeUrl, callbackUrl, tokenData}.
 */
export async function connectOAuth2(
	engine: Engine,
	credentialId: string,
): Promise<OAuth2Connection> {
	const entry = engine.credentials.store.get(credentialId);
	if (!entry) throw new Error(`Credential ${credentialId} does not exist`);
	const data = (await engine.credentials.getDecrypted(
		// The stored credential needs no execution: n8n's controller decrypts it outside one too.
		{} as Parameters<Engine['credentials']['getDecrypted']>[0],
		{ id: credentialId, name: entry.name },
		entry.type,
		'internal',
	)) as Record<string, string | undefined>;
	const scope = data.scope ?? '';
	const state = Buffer.from(
		JSON.stringify({ token: crypto.randomBytes(8).toString('hex'), cid: credentialId }),
	).toString('base64');
	const options: ClientOAuth2Options = {
		clientId: data.clientId ?? '',
		clientSecret: data.clientSecret,
		accessTokenUri: data.accessTokenUrl ?? '',
		authorizationUri: data.authUrl,
		redirectUri: REDIRECT_URI,
		scopes: scope.split(','),
		scopesSeparator: scope.includes(',') ? ',' : ' ',
		state,
		authentication: (data.authentication ?? 'header') as ClientOAuth2Options['authentication'],
	};
	let tokenOptions: Partial<ClientOAuth2Options> = {};
	if (data.authentication === 'body') {
		tokenOptions = { body: { client_id: data.clientId, client_secret: data.clientSecret } };
		delete options.clientSecret;
	}
	const client = new ClientOAuth2(options);
	const authorizeUrl = client.code.getUri();
	const answer = await fetch(authorizeUrl, { redirect: 'manual' });
	const location = answer.headers.get('location');
	if (answer.status !== 302 || !location) {
		throw new Error(`Authorize page answered ${answer.status}: ${await answer.text()}`);
	}
	const callbackUrl = `${REDIRECT_URI}?${new URL(location).searchParams.toString()}`;
	const token = await client.code.getToken(callbackUrl, tokenOptions);
	entry.data = { ...entry.data, oauthTokenData: token.data as ICredentialDataDecryptedObject };
	return {
		authorizeUrl,
		callbackUrl,
		tokenData: token.data as unknown as ICredentialDataDecryptedObject,
	};
}
