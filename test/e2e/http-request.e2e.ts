'use strict';
// n8n's own HTTP Request node with each credential of the pack under Authentication → Predefined Credential
// Type, in a real n8n (CLI): each one calls a simulator endpoint the nodes do not need to cover and gets the
// answer, with the credential's own authorization on the request (API key, HTTP Basic, OAuth2 tokens n8n
// fetches or holds, and the token chains that preAuthentication runs for Loyalife and Frederick).
const path = require('node:path');
const { ensureRuntime } = require('../../scripts/n8n-runtime');
const { preparedInstance } = require('../../scripts/n8n-instance');
const { manualWorkflow, executeOrThrow, taskOf } = require('./rest');
const { startSandbox } = require('../../sandbox');
const { demoCredentials } = require('../../sandbox/demo-credentials');

const WORKFLOW_ID = 'E2eHttpRequest01';
const REDIRECT_URI = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';
let sim;
let credentials;
let oauthToken;
let run;

const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

/** One HTTP Request node per credential: what it calls, and with which credential. */
function calls(base) {
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
				ProgramId: Number(credentials.find((c) => c.id === 'XlSandboxCred001').data.programId),
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

function httpNode(call, index) {
	const credential = credentials.find((c) => c.id === call.id);
	const pairs = (o) => Object.entries(o).map(([name, value]) => ({ name, value }));
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

function workflow(all) {
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
async function partnerToken(partner) {
	const authorize = new URL(`${partner.data.oauthBaseUrl}/oauth/authorize`);
	authorize.search = new URLSearchParams({
		client_id: partner.data.clientId,
		redirect_uri: REDIRECT_URI,
		response_type: 'code',
		scope: partner.data.scopes.join(','),
		state: 'e2e',
	}).toString();
	const approved = await fetch(authorize, { redirect: 'manual' });
	expect(approved.status).toBe(302);
	const code = new URL(approved.headers.get('location')).searchParams.get('code');
	const answer = await fetch(`${partner.data.oauthBaseUrl}/oauth/access-token`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			grant_type: 'authorization_code',
			code,
			client_id: partner.data.clientId,
			client_secret: partner.data.clientSecret,
			redirect_uri: REDIRECT_URI,
		}).toString(),
	});
	expect(answer.status).toBe(200);
	return await answer.json();
}

/** The simulator's log entries of one node's request (the token requests are logged apart). */
const logged = (provider, route) =>
	sim.stats.log.filter((r) => r.provider === provider && r.route === route);

function output(name) {
	const { task, items, error } = taskOf(run, name);
	return { task, items, error: error ?? items[0]?.json?.error };
}

beforeAll(async () => {
	const runtime = await ensureRuntime({ log: (line) => process.stdout.write(line + '\n') });
	sim = await startSandbox({ port: 0 });
	credentials = demoCredentials(sim.baseUrl);
	const partner = credentials.find((c) => c.id === 'LlPartnerSandbx1');
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
	const key = credentials.find((c) => c.id === 'LlApiKeySandbx01').data.apiKey;
	const [request] = logged('loyaltylion', '/v2/identity/whoami').filter((r) =>
		r.headers.authorization?.startsWith('Bearer '),
	);
	expect(request.headers.authorization).toBe(`Bearer ${key}`);
	expect(output('LoyaltyLion API key').items[0].json).toEqual(expect.any(Object));
	expect(Object.keys(output('LoyaltyLion API key').items[0].json).length).toBeGreaterThan(0);
});

test('LoyaltyLion deprecated token and secret: HTTP Basic token:secret on whoami', () => {
	const { token, secret } = credentials.find((c) => c.id === 'LlStoreSandbox01').data;
	const basic = `Basic ${Buffer.from(`${token}:${secret}`).toString('base64')}`;
	const requests = logged('loyaltylion', '/v2/identity/whoami');
	expect(requests.map((r) => r.headers.authorization).sort()).toEqual(
		[basic, `Bearer ${credentials.find((c) => c.id === 'LlApiKeySandbx01').data.apiKey}`].sort(),
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
	const apiKey = credentials.find((c) => c.id === 'FredSandboxCred1').data.apiKey;
	expect(request.headers['x-api-key']).toBe(apiKey);
	const issued = [...sim.instances.frederick.state.locationTokens.tokens.keys()];
	expect(issued).toHaveLength(1);
	expect(request.headers.authorization).toBe(`Bearer ${issued[0]}`);
	expect(output('Frederick').items[0].json.data).toHaveLength(1);
});

test("every credential of the pack is offered under Predefined Credential Type: it meets the HTTP Request node's own rule (extends oAuth2Api, or has authenticate)", () => {
	const { HttpRequestV3 } = require('n8n-nodes-base/dist/nodes/HttpRequest/V3/HttpRequestV3.node');
	const description = new HttpRequestV3({ displayName: 'HTTP Request', name: 'httpRequest' })
		.description;
	const field = description.properties.find((p) => p.name === 'nodeCredentialType');
	expect(field.credentialTypes).toEqual([
		'extends:oAuth2Api',
		'extends:oAuth1Api',
		'has:authenticate',
	]);
	const pkg = require('../../package.json');
	const offered = pkg.n8n.credentials.map((entry) => {
		const Type = Object.values(require(path.join(__dirname, '../..', entry))).find(
			(v) => typeof v === 'function',
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
