// Ready credentials for every provider, pointing at a running simulator: what `npm start` imports into n8n
// and what the end-to-end tests use. Ids and names match the credentials referenced by examples/*.json.
import * as cardlytics from './providers/cardlytics/index.cjs';
import * as loyalistic from './providers/loyalistic/index.cjs';
import * as loyalife from './providers/loyalife/index.cjs';
import * as frederick from './providers/frederick/index.cjs';
import * as loyaltylion from './providers/loyaltylion/index.cjs';

/** @param {(provider: string) => string} baseUrl  e.g. sim.baseUrl */
/** One credential as n8n's CLI imports it: its fields are the credential type's. */
interface DemoCredential {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

function demoCredentials(baseUrl: (provider: string) => string): DemoCredential[] {
	const c = cardlytics.DEFAULTS.clients[0];
	const ly = loyalistic.DEFAULTS.clients[0];
	const xl = loyalife.DEFAULTS.clients[0];
	const fr = frederick.DEFAULTS;
	const ll = loyaltylion.DEFAULTS;
	return [
		{
			id: 'CdlxSandbox00001',
			name: 'Cardlytics (simulator)',
			type: 'cardlyticsOAuth2Api',
			data: {
				environment: 'custom',
				customBaseUrl: baseUrl('cardlytics'),
				clientId: c.clientId,
				clientSecret: c.clientSecret,
				grantType: 'clientCredentials',
				authentication: 'body',
			},
		},
		{
			id: 'LlStoreSandbox01',
			name: 'LoyaltyLion store (simulator)',
			type: 'loyaltyLionApi',
			data: {
				token: ll.stores[0].token,
				secret: ll.stores[0].secret,
				apiBaseUrl: `${baseUrl('loyaltylion')}/v2`,
			},
		},
		// API keys (Bearer pat_...): all six scopes, and read_customers only; the site secret signs the
		// deliveries of webhooks they create.
		{
			id: 'LlApiKeySandbx01',
			name: 'LoyaltyLion API key, all scopes (simulator)',
			type: 'loyaltyLionApiKeyApi',
			data: {
				apiKey: ll.apiKeys[0].token,
				siteSecret: ll.siteSecret,
				apiBaseUrl: `${baseUrl('loyaltylion')}/v2`,
			},
		},
		{
			id: 'LlApiKeyReadCus1',
			name: 'LoyaltyLion API key, read_customers only (simulator)',
			type: 'loyaltyLionApiKeyApi',
			data: {
				apiKey: ll.apiKeys[1].token,
				siteSecret: ll.siteSecret,
				apiBaseUrl: `${baseUrl('loyaltylion')}/v2`,
			},
		},
		{
			id: 'LlPartnerSandbx1',
			name: 'LoyaltyLion partner app (simulator)',
			type: 'loyaltyLionOAuth2Api',
			data: {
				clientId: ll.oauthClients[0].clientId,
				clientSecret: ll.oauthClients[0].clientSecret,
				scopes: ['read_customers', 'write_customers', 'read_orders', 'write_orders'],
				oauthBaseUrl: baseUrl('loyaltylion'),
				apiBaseUrl: `${baseUrl('loyaltylion')}/v2`,
			},
		},
		{
			id: 'XlSandboxCred001',
			name: 'Loyalife (simulator)',
			type: 'loyalifeApi',
			data: {
				baseUrl: baseUrl('loyalife'),
				clientId: xl.clientId,
				clientSecret: xl.clientSecret,
				programId: xl.programId,
				memberReference: '',
				token: '',
			},
		},
		{
			id: 'LylSandboxCred01',
			name: 'Loyalistic (simulator)',
			type: 'loyalisticOAuth2Api',
			data: {
				apiBaseUrl: `${baseUrl('loyalistic')}/v1`,
				accessTokenUrl: `${baseUrl('loyalistic')}/token`,
				clientId: ly.clientId,
				clientSecret: ly.clientSecret,
				grantType: 'clientCredentials',
				authentication: 'header',
			},
		},
		{
			id: 'FredSandboxCred1',
			name: 'Frederick (simulator)',
			type: 'frederickApi',
			data: {
				environment: 'custom',
				customBaseUrl: baseUrl('frederick'),
				apiKey: fr.apiKey,
				clientId: fr.clients[0].clientId,
				clientSecret: fr.clients[0].clientSecret,
				email: fr.owners[0].email,
				password: fr.owners[0].password,
				dataSourceName: fr.dataSourceNames[0],
				userGrantPath: '/oauth/token',
				locationGrantPath: '/oauth/location_token',
				accessToken: '',
			},
		},
	];
}

/**
 * LoyaltyLion API keys of the simulator's demo program (`Authorization: Bearer pat_...`): `all` has the six
 * scopes, `readCustomers` only read_customers (demoCredentials() has both as loyaltyLionApiKeyApi credentials).
 */
const loyaltyLionApiKeys = {
	all: loyaltylion.DEFAULTS.apiKeys[0].token,
	readCustomers: loyaltylion.DEFAULTS.apiKeys[1].token,
};
/**
 * The LoyaltyLion site secret: it signs deliveries of webhooks created with an API key or token & secret
 * (OAuth-created webhooks are signed with the OAuth client secret). Equal to the demo store's token & secret
 * secret (whether the two are the same value is not public).
 */
const loyaltyLionSiteSecret = loyaltylion.DEFAULTS.siteSecret;

export { demoCredentials, loyaltyLionApiKeys, loyaltyLionSiteSecret };
export type { DemoCredential };
