/* eslint-disable @n8n/community-nodes/no-restricted-globals -- an end-to-end test that drives a real n8n process, never loaded by n8n */
// n8n's own HTTP Request node with each credential of the pack under Authentication → Predefined Credential
// Type, in a real n8n (CLI): each one calls a simulator endpoint the nodes do not need to cover and gets the
// answer, with the credential's own authorization on the request (API key, HTTP Basic, OAuth2 tokens n8n
// fetches or holds, and the token chains that preAuthentication runs for Loyalife and Frederick).
import {
	ensureRuntime,
	preparedInstance,
	startSandbox,
	demoCredentials,
	requireFromRoot,
	must,
	type DemoCredential,
	type Simulator,
} from './harness';
import {
	manualWorkflow,
	executeOrThrow,
	taskOf,
	type Item,
	type Run,
	type TaskData,
	type Workflow,
} from './rest';

const WORKFLOW_ID = 'E2eHttpRequest01';
const REDIRECT_URI = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';
let sim: Simulator;
let credentials: DemoCredential[];
let oauthToken: string;
let run: Run;

/** What one HTTP Request node calls, and with which credential. */
interface Call {
	name: string;
	type: string;
	id: string;
	method: string;
	url: string;
	query?: Record<string, string>;
	headers?: Record<string, string>;
	body?: Record<string, unknown>;
	options?: Record<string, unknown>;
}

/** The partner app of the LoyaltyLion OAuth2 demo credential (the fields "Connect my account" uses). */
type PartnerApp = {
	oauthBaseUrl: string;
	clientId: string;
	clientSecret: string;
	scopes: string[];
};

/** The token answer of the simulator's OAuth2 token endpoint. */
interface TokenAnswer {
	access_token: string;
	[key: string]: unknown;
}

/** A credential class of the pack, as dist/ exports it (the parts the test reads). */
interface CredentialClass {
	new (): { name: string; extends?: string[]; [key: string]: unknown };
}

/** n8n's HTTP Request node, version 3, from n8n-nodes-base (the parts the test reads). */
interface HttpRequestV3Module {
	HttpRequestV3: new (base: { displayName: string; name: string }) => {
		description: { properties: Array<{ name: string; credentialTypes: string[] }> };
	};
}

const yesterday = (): string => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

const credentialById = (id: string): DemoCredential =>
	must(
		credentials.find((c) => c.id === id),
		`the demo credential ${id}`,
	);

/** One HTTP Request node per credential: what it calls, and with which credential. */
function calls(base: Simulator['baseUrl']): Call[] {
	return [
		{
			name: 'LoyaltyLion API key',
			type: 'loyaltyLionApiKeyApi',
			id: 'LlApiKeySandbx01',
			method: 'GET',
			url: `${base('loyaltylion')}/v2/identity/whoami`,
		},
		{
			name: 'LoyaltyLion token and secret',
			type: 'loyaltyLionApi',
			id: 'LlStoreSandbox01',
			method: 'GET',
			url: `${base('loyaltylion')}/v2/identity/whoami`,
		},
		{
			name: 'LoyaltyLion OAuth2',
			type: 'loyaltyLionOAuth2Api',
			id: 'LlPartnerSandbx1',
			method: 'GET',
			url: `${base('loyaltylion')}/v2/customers`,
			query: { limit: '1' },
		},
		{
			name: 'Loyalistic',
			type: 'loyalisticOAuth2Api',
			id: 'LylSandboxCred01',
			method: 'GET',
			url: `${base('loyalistic')}/v1/lists`,
		},
		{
			name: 'Cardlytics',
			type: 'cardlyticsOAuth2Api',
			id: 'CdlxSandbox00001',
			method: 'GET',
			url: `${base('cardlytics')}/api/v1/partner/redemptions`,
			query: { date: yesterday() },
		},
		{
			name: 'Loyalife',
			type: 'loyalifeApi',
			id: 'XlSandboxCred001',
			method: 'POST',
			url: `${base('loyalife')}/lbms-ingress/pg-lm/API/PG/CheckAvailability`,
			body: {
				RelationReference: 'MEM0001',
				TransactionCurrency: 'DEFAULT',
				RelationType: 4,
				ProgramId: Number(credentialById('XlSandboxCred001').data.programId),
			},
		},
		{
			name: 'Frederick',
			type: 'frederickApi',
			id: 'FredSandboxCred1',
			method: 'GET',
			url: `${base('frederick')}/v2/locations`,
			query: { 'page.size': '1' },
			// V2 wants the JSON:API media type both ways on every request, GET included (a 415 otherwise).
			headers: {
				Accept: 'application/vnd.api+json',
				'Content-Type': 'application/vnd.api+json',
			},
			// n8n reads only application/json as JSON: without this the answer is one string.
			options: { response: { response: { responseFormat: 'json' } } },
		},
	];
}

function httpNode(call: Call, index: number): Workflow['nodes'][number] {
	const credential = credentialById(call.id);
	const pairs = (o: Record<string, string>): Array<{ name: string; value: string }> =>
		Object.entries(o).map(([name, value]) => ({ name, value }));
	return {
		id: `http-${index}`,
		name: call.name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [300, index * 160],
		// Every node runs even when another fails, so each credential's result is seen.
		onError: 'continueRegularOutput',
		parameters: {
			method: call.method,
			url: call.url,
			authentication: 'predefinedCredentialType',
			nodeCredentialType: call.type,
			sendQuery: Boolean(call.query),
			queryParameters: { parameters: call.query ? pairs(call.query) : [] },
			sendHeaders: Boolean(call.headers),
			headerParameters: { parameters: call.headers ? pairs(call.headers) : [] },
			sendBody: Boolean(call.body),
			...(call.body
				? { contentType: 'json', specifyBody: 'json', jsonBody: JSON.stringify(call.body) }
				: {}),
			options: call.options ?? {},
		},
		credentials: { [call.type]: { id: credential.id, name: credential.name } },
	};
}

function workflow(all: Call[]): Workflow {
	return manualWorkflow({
		id: WORKFLOW_ID,
		name: 'HTTP Request node with each credential (e2e)',
		nodes: all.map(httpNode),
		connections: {
			Start: { main: [all.map((c) => ({ node: c.name, type: 'main', index: 0 }))] },
		},
	});
}

/** The partner app approved in the simulator, as "Connect my account" does: the token n8n would store. */
async function partnerToken(partner: DemoCredential): Promise<TokenAnswer> {
	const app = partner.data as PartnerApp;
	const authorize = new URL(`${app.oauthBaseUrl}/oauth/authorize`);
	authorize.search = new URLSearchParams({
		client_id: app.clientId,
		redirect_uri: REDIRECT_URI,
		response_type: 'code',
		scope: app.scopes.join(','),
		state: 'e2e',
	}).toString();
	const approved = await fetch(authorize, { redirect: 'manual' });
	expect(approved.status).toBe(302);
	const code = must(
		new URL(must(approved.headers.get('location'), 'the redirect')).searchParams.get('code'),
		'the authorization code',
	);
	const answer = await fetch(`${app.oauthBaseUrl}/oauth/access-token`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			grant_type: 'authorization_code',
			code,
			client_id: app.clientId,
			client_secret: app.clientSecret,
			redirect_uri: REDIRECT_URI,
		}).toString(),
	});
	expect(answer.status).toBe(200);
	return (await answer.json()) as TokenAnswer;
}

/** The simulator's log entries of one node's request (the token requests are logged apart). */
const logged = (provider: string, route: string): Simulator['stats']['log'] =>
	sim.stats.log.filter((r) => r.provider === provider && r.route === route);

function output(name: string): { task: TaskData | undefined; items: Item[]; error: unknown } {
	const { task, items, error } = taskOf(run, name);
	return { task, items, error: error ?? items[0]?.json?.error };
}

beforeAll(async () => {
	const runtime = await ensureRuntime({ log: (line) => process.stdout.write(line + '\n') });
	sim = await startSandbox({ port: 0 });
	credentials = demoCredentials(sim.baseUrl);
	const partner = credentialById('LlPartnerSandbx1');
	const token = await partnerToken(partner);
	oauthToken = token.access_token;
	partner.data.oauthTokenData = token;
	const n8n = await preparedInstance({
		runtime,
		credentials,
		name: 'http-request',
		workflow: workflow(calls(sim.baseUrl)),
		activate: false,
	});
	sim.stats.reset();
	run = await executeOrThrow(n8n, WORKFLOW_ID);
}, 900_000);

afterAll(async () => {
	await sim?.stop();
});

test('the run succeeded and every HTTP Request node answered one item', () => {
	expect(run.data.resultData.error).toBeUndefined();
	for (const { name } of calls(sim.baseUrl)) {
		const { items, error } = output(name);
		expect([name, error]).toEqual([name, undefined]);
		expect([name, items.length]).toEqual([name, 1]);
	}
});

test('LoyaltyLion API key: Authorization Bearer pat_… on whoami', () => {
	const key = credentialById('LlApiKeySandbx01').data.apiKey;
	const [request] = logged('loyaltylion', '/v2/identity/whoami').filter((r) => {
		const authorization = r.headers.authorization;
		return typeof authorization === 'string' && authorization.startsWith('Bearer ');
	});
	expect(request.headers.authorization).toBe(`Bearer ${key}`);
	expect(output('LoyaltyLion API key').items[0].json).toEqual(expect.any(Object));
	expect(Object.keys(output('LoyaltyLion API key').items[0].json).length).toBeGreaterThan(0);
});

test('LoyaltyLion deprecated token and secret: HTTP Basic token:secret on whoami', () => {
	const { token, secret } = credentialById('LlStoreSandbox01').data;
	const basic = `Basic ${Buffer.from(`${token}:${secret}`).toString('base64')}`;
	const requests = logged('loyaltylion', '/v2/identity/whoami');
	expect(requests.map((r) => r.headers.authorization).sort()).toEqual(
		[basic, `Bearer ${credentialById('LlApiKeySandbx01').data.apiKey}`].sort(),
	);
	expect(Object.keys(output('LoyaltyLion token and secret').items[0].json).length).toBeGreaterThan(
		0,
	);
});

test('LoyaltyLion OAuth2: the stored partner-app token as Bearer on list customers', () => {
	const [request] = logged('loyaltylion', '/v2/customers');
	expect(request.headers.authorization).toBe(`Bearer ${oauthToken}`);
	expect(output('LoyaltyLion OAuth2').items[0].json.customers).toHaveLength(1);
});

test('Loyalistic: n8n fetched a client-credentials token and sent it as Bearer', () => {
	const [request] = logged('loyalistic', '/v1/lists');
	const issued = [...sim.instances.loyalistic.state.tokens.tokens.keys()];
	expect(issued).toHaveLength(1);
	expect(request.headers.authorization).toBe(`Bearer ${issued[0]}`);
	expect(output('Loyalistic').items[0].json).toEqual(expect.any(Object));
});

test('Cardlytics: n8n fetched a client-credentials token and sent it as Bearer; the answer is the file link', () => {
	const [request] = logged('cardlytics', '/api/v1/partner/redemptions');
	const issued = [...sim.instances.cardlytics.state.tokens.tokens.keys()];
	expect(issued).toHaveLength(1);
	expect(request.headers.authorization).toBe(`Bearer ${issued[0]}`);
	expect(output('Cardlytics').items[0].json.url).toMatch(/\/files\/redemptions\/.+\.csv\?/);
});

test("Loyalife: preAuthentication's token as bearer on Check Availability; the member's points come back", () => {
	const [request] = logged('loyalife', '/lbms-ingress/pg-lm/API/PG/CheckAvailability');
	const issued = [...sim.instances.loyalife.state.tokens.tokens.keys()];
	expect(issued).toHaveLength(1);
	expect(request.headers.authorization).toBe(`bearer ${issued[0]}`);
	const answer = output('Loyalife').items[0].json;
	expect(answer.results.IsSucessful).toBe(true);
});

test('Frederick: x-api-key and the location token of the chain (user token, then location token) as Bearer', () => {
	const [request] = logged('frederick', '/v2/locations');
	const apiKey = credentialById('FredSandboxCred1').data.apiKey;
	expect(request.headers['x-api-key']).toBe(apiKey);
	const issued = [...sim.instances.frederick.state.locationTokens.tokens.keys()];
	expect(issued).toHaveLength(1);
	expect(request.headers.authorization).toBe(`Bearer ${issued[0]}`);
	expect(output('Frederick').items[0].json.data).toHaveLength(1);
});

test("every credential of the pack is offered under Predefined Credential Type: it meets the HTTP Request node's own rule (extends oAuth2Api, or has authenticate)", () => {
	const { HttpRequestV3 } =
		// eslint-disable-next-line @typescript-eslint/no-require-imports -- n8n's own node, loaded only by this test
		require('n8n-nodes-base/dist/nodes/HttpRequest/V3/HttpRequestV3.node') as HttpRequestV3Module;
	const description = new HttpRequestV3({ displayName: 'HTTP Request', name: 'httpRequest' })
		.description;
	const field = must(
		description.properties.find((p) => p.name === 'nodeCredentialType'),
		'the nodeCredentialType field',
	);
	expect(field.credentialTypes).toEqual([
		'extends:oAuth2Api',
		'extends:oAuth1Api',
		'has:authenticate',
	]);
	const pkg = requireFromRoot<{ n8n: { credentials: string[] } }>('package.json');
	const offered = pkg.n8n.credentials.map((entry): [string, boolean] => {
		const Type = must(
			Object.values(requireFromRoot<Record<string, unknown>>(entry)).find(
				(v): v is CredentialClass => typeof v === 'function',
			),
			`the credential class of ${entry}`,
		);
		const credential = new Type();
		const ok = field.credentialTypes.some((rule) => {
			const [kind, what] = rule.split(':');
			return kind === 'extends'
				? (credential.extends ?? []).includes(what)
				: credential[what] !== undefined;
		});
		return [credential.name, ok];
	});
	expect(offered).toHaveLength(7);
	for (const [name, ok] of offered) expect([name, ok]).toEqual([name, true]);
	// Each of them is one of the calls above.
	expect(offered.map(([name]) => name).sort()).toEqual(
		calls(sim.baseUrl)
			.map((c) => c.type)
			.sort(),
	);
});
