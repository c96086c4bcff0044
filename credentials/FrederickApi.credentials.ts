import type {
	Icon,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { maxRequestsPerSecondField } from './maxRateField';
import { CredentialRefusedError } from '../nodes/shared/http/credential-error';
import { joinOnOrigin } from '../nodes/shared/http/path';

// Both hosts come from Frederick's client library (github.com/HireFrederick/frederick_api_gem), not from the
// public docs: assumed.
const HOSTS: Record<string, string> = {
	production: 'https://api.hirefrederick.com',
	staging: 'https://api.staging.hirefrederick.com',
};

/** The API host for the credential's environment. */
export function frederickBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const environment = String(credentials.environment ?? 'production');
	const base =
		environment === 'custom'
			? String(credentials.customBaseUrl ?? '')
			: (HOSTS[environment] ?? HOSTS.production);
	return base.replace(/\/+$/, '');
}

const BASE_URL_EXPRESSION =
	'$credentials.environment === "custom" ? String($credentials.customBaseUrl).replace(/\\/+$/, "") : $credentials.environment === "staging" ? "https://api.staging.hirefrederick.com" : "https://api.hirefrederick.com"';

async function post(
	helper: IHttpRequestHelper,
	url: string,
	apiKey: string,
	body: object,
	bearer?: string,
) {
	return (await helper.helpers.httpRequest({
		method: 'POST',
		url,
		// JSON with application/json both ways, as the authentication page shows both token requests
		// (developers.hirefrederick.com/api-docs/authentication); not the JSON:API type of V2.
		headers: {
			'x-api-key': apiKey,
			'Content-Type': 'application/json',
			Accept: 'application/json',
			...(bearer ? { Authorization: `Bearer ${bearer}` } : {}),
		},
		body,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	})) as {
		statusCode: number;
		body: {
			access_token?: string;
			error?: string;
			error_description?: string;
			errors?: Array<{ detail?: string }>;
		};
	};
}

function refusal(
	step: string,
	response: { statusCode: number; body: Record<string, unknown> },
): CredentialRefusedError {
	const body = (response.body ?? {}) as {
		error?: string;
		error_description?: string;
		errors?: Array<{ detail?: string }>;
	};
	const said =
		body.error_description ??
		body.errors?.[0]?.detail ??
		body.error ??
		`HTTP ${response.statusCode}`;
	let fix = '';
	if (response.statusCode === 403) fix = ': check the API Key';
	// Frederick publishes no error codes: these read the OAuth 2.0 codes (RFC 6749 5.2), assumed to be sent.
	else if (body.error === 'invalid_grant')
		fix = ': probably the owner email and password (OAuth error invalid_grant; assumed meaning)';
	else if (body.error === 'invalid_client')
		fix =
			': probably the Client ID and Client Secret (OAuth error invalid_client; assumed meaning)';
	return new CredentialRefusedError(
		'Frederick',
		`the ${step} was refused (${said})${fix}`,
		response.statusCode,
	);
}

export class FrederickApi implements ICredentialType {
	name = 'frederickApi';

	displayName = 'Frederick API';

	documentationUrl = 'https://developers.hirefrederick.com/api-docs/authentication';

	icon: Icon = { light: 'file:../icons/frederick.svg', dark: 'file:../icons/frederick.dark.svg' };

	properties: INodeProperties[] = [
		{
			// The location access token, filled by preAuthentication. It does not expire, but if Frederick
			// revokes it (401), n8n runs the token chain again. The user token is never stored.
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{
					name: 'Production',
					value: 'production',
					description:
						"https://api.hirefrederick.com (from Frederick's client library, not the public docs: assumed)",
				},
				{
					name: 'Staging',
					value: 'staging',
					description:
						"https://api.staging.hirefrederick.com (from Frederick's client library, not the public docs: assumed)",
				},
				{
					name: 'Custom Base URL',
					value: 'custom',
					description: 'Another host, e.g. a local simulator',
				},
			],
			default: 'production',
			description: 'Production and Staging have separate credentials',
		},
		{
			displayName: 'Base URL',
			name: 'customBaseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://api.staging.hirefrederick.com',
			displayOptions: { show: { environment: ['custom'] } },
			description: 'Host that API paths are appended to, without a trailing slash',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Sent as the x-api-key header on every request',
		},
		{ displayName: 'Client ID', name: 'clientId', type: 'string', default: '', required: true },
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Owner Email',
			name: 'email',
			type: 'string',
			placeholder: 'e.g. name@email.com',
			default: '',
			required: true,
			description: "Email of the location's owner; the node acts as that owner",
		},
		{
			displayName: 'Owner Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Data Source Name',
			name: 'dataSourceName',
			type: 'string',
			default: '',
			description:
				'Issued by Frederick for syncing data from your management system (needed by the Sync operations)',
		},
		{
			displayName: 'User Token Path',
			name: 'userGrantPath',
			type: 'string',
			default: '/oauth/token',
			description:
				'Path that exchanges email, password, client ID and secret for a user token. Assumed default: confirm it with Frederick.',
		},
		{
			displayName: 'Location Token Path',
			name: 'locationGrantPath',
			type: 'string',
			default: '/oauth/location_token',
			description:
				'Path that exchanges the user token for a location token. Assumed default: confirm it with Frederick.',
		},
		maxRequestsPerSecondField,
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const base = frederickBaseUrl(credentials);
		const apiKey = String(credentials.apiKey ?? '');
		const client = { client_id: credentials.clientId, client_secret: credentials.clientSecret };
		let user;
		let location;
		const userGrant = joinOnOrigin(base, String(credentials.userGrantPath));
		const locationGrant = joinOnOrigin(base, String(credentials.locationGrantPath));
		for (const grant of [userGrant, locationGrant]) {
			if (!grant.url)
				throw new CredentialRefusedError(
					'Frederick',
					`a token path leads to another host (${grant.foundOrigin}): token paths must start with "/"`,
				);
		}
		try {
			user = await post(this, userGrant.url!, apiKey, {
				email: credentials.email,
				password: credentials.password,
				...client,
			});
			if (!user.body?.access_token) throw refusal('user token request', user);
			location = await post(this, locationGrant.url!, apiKey, client, user.body.access_token);
			if (!location.body?.access_token) throw refusal('location token request', location);
		} catch (error) {
			if (error instanceof CredentialRefusedError) throw error;
			throw new CredentialRefusedError(
				'Frederick',
				`the token endpoints at ${base} could not be reached (${(error as Error).message})`,
			);
		}
		// Only the location token is kept; the user token stays in this function.
		return { accessToken: location.body.access_token };
	}

	// x-api-key on every request, and the location token as Bearer. A function rather than a `generic` block:
	// n8n calls it directly instead of evaluating two expressions for every request.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		requestOptions.headers = {
			...(requestOptions.headers ?? {}),
			'x-api-key': String(credentials.apiKey ?? ''),
			Authorization: `Bearer ${String(credentials.accessToken ?? '')}`,
		};
		return requestOptions;
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{ ${BASE_URL_EXPRESSION} }}`,
			// V2 as Frederick's own client sends it (dot-notation paging); V2 is not a public API.
			url: '/v2/locations',
			qs: { 'page.size': 1 },
			// The JSON:API media type on every V2 request, as the nodes send it.
			headers: {
				Accept: 'application/vnd.api+json',
				'Content-Type': 'application/vnd.api+json',
			},
		},
		// The token chain has worked by now (it runs first); a refusal here is the V2 call itself.
		rules: [403, 404].map((value) => ({
			type: 'responseCode' as const,
			properties: {
				value,
				message: `The tokens were issued, but GET /v2/locations answered ${value}. The Test lists a location through V2, which Frederick has not made public: a key that covers only the public sync calls can fail here while Sync Start, Sync Finish and Batch Sync work.`,
			},
		})),
	};
}
