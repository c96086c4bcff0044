// The Test button of each LoyaltyLion credential, run through n8n's credential-test machinery (the credential's
// declarative test request routed by n8n's RoutingNode): every kind calls GET /v2/identity/whoami
// (developers.loyaltylion.com/api-reference/v2/resources/whoami), which is open to API keys, OAuth tokens and
// token and secret alike (only GET /v2/sites refuses token and secret).
import type { IDataObject } from 'n8n-workflow';
import { Engine, useSandbox, connectOAuth2 } from './harness';
import { demoCredentials } from './harness/sandbox';

const box = useSandbox();
const apiBaseUrl = () => `${box.sim.baseUrl('loyaltylion')}/v2`;
const demo = <T extends IDataObject = IDataObject>(type: string): T[] =>
	demoCredentials((name) => box.sim.baseUrl(name))
		.filter((c) => c.type === type)
		.map((c) => c.data as T);
const whoamiCalls = () => box.sim.stats.log.filter((r) => r.route === '/v2/identity/whoami');

/** The HTTP status of the response a failed credential test's error carries as its cause. */
const causeStatus = (error: Error | undefined) =>
	(error?.cause as { response?: { status?: number } } | undefined)?.response?.status;

async function testOf(type: string, data: IDataObject, { connect = false } = {}) {
	const engine = new Engine();
	const credentials = engine.addCredential('ll-test', type, { ...data, apiBaseUrl: apiBaseUrl() });
	if (connect) await connectOAuth2(engine, 'll-test');
	const before = whoamiCalls().length;
	const result = await engine.testCredential(credentials);
	return { result, calls: whoamiCalls().slice(before), engine };
}

describe('LoyaltyLion credential tests call Identity → Get (whoami)', () => {
	test('API key: a good key passes with Bearer on GET /v2/identity/whoami, a wrong key fails', async () => {
		const [key] = demo<{ apiKey: string }>('loyaltyLionApiKeyApi');
		const good = await testOf('loyaltyLionApiKeyApi', key);
		expect(good.result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(good.calls).toHaveLength(1);
		expect(good.calls[0].headers.authorization).toBe(`Bearer ${key.apiKey}`);
		const bad = await testOf('loyaltyLionApiKeyApi', { ...key, apiKey: 'pat_wrong' });
		expect(bad.result.status).toBe('Error');
		expect(causeStatus(bad.result.error)).toBe(401);
		// n8n may repeat a request answered 401 once; every attempt went to whoami.
		expect(bad.calls.length).toBeGreaterThanOrEqual(1);
	});

	test('token and secret: a good pair passes with Basic on GET /v2/identity/whoami, a wrong secret fails', async () => {
		const [pair] = demo<{ token: string; secret: string }>('loyaltyLionApi');
		const good = await testOf('loyaltyLionApi', pair);
		expect(good.result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(good.calls).toHaveLength(1);
		expect(good.calls[0].headers.authorization).toBe(
			`Basic ${Buffer.from(`${pair.token}:${pair.secret}`).toString('base64')}`,
		);
		const bad = await testOf('loyaltyLionApi', { ...pair, secret: 'wrong-secret' });
		expect(bad.result.status).toBe('Error');
		expect(causeStatus(bad.result.error)).toBe(401);
		// n8n may repeat a request answered 401 once; every attempt went to whoami.
		expect(bad.calls.length).toBeGreaterThanOrEqual(1);
	});

	test('OAuth2: a connected credential passes with its Bearer token on GET /v2/identity/whoami, a revoked one fails', async () => {
		const data = {
			clientId: 'll-demo-client',
			clientSecret: 'll-demo-oauth-secret',
			scopes: ['read_customers'],
			oauthBaseUrl: box.sim.baseUrl('loyaltylion'),
		};
		const good = await testOf('loyaltyLionOAuth2Api', data, { connect: true });
		expect(good.result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(good.calls).toHaveLength(1);
		const token = (
			good.engine.credentials.stored('ll-test')?.oauthTokenData as
				| { access_token?: string }
				| undefined
		)?.access_token;
		expect(good.calls[0].headers.authorization).toBe(`Bearer ${token}`);
		// A token LoyaltyLion does not know (e.g. the app was uninstalled) fails the test.
		const engine = new Engine();
		const credentials = engine.addCredential('ll-test', 'loyaltyLionOAuth2Api', {
			...data,
			apiBaseUrl: apiBaseUrl(),
			oauthTokenData: { access_token: 'not-a-token', scope: 'read_customers' },
		});
		const before = whoamiCalls().length;
		const bad = await engine.testCredential(credentials);
		expect(bad.status).toBe('Error');
		expect(whoamiCalls().slice(before).length).toBeGreaterThanOrEqual(1);
	});
});
