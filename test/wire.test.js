'use strict';
// The exact wire format of every operation: for each operation, the first request the simulator
// recorded (method, path, query, body) must equal the request its source describes. Expectations live in
// wire.cases.json, each with its source: the provider's reference page, or "assumed" where no public page
// exists. Operations whose wire format has its own detailed test elsewhere (Loyalife transactions; Cardlytics
// downloads) are not repeated here.
//
// Optional case fields:
// - `headers`: request headers by lower-case name, each compared exactly (null: the header must be absent);
//   headers not listed are not compared (an Authorization bearer token changes on every run).
// - `request`: which logged request to compare, `{ "route": "<simulator route pattern>", "index": n }`
//   (index counts that route's requests from 0); without it, the first request that is not a token request.
//   This is how the token requests themselves are pinned.
// - `poll`: the node is a polling trigger, polled once in this mode ("trigger" as an active workflow does,
//   "manual" as Fetch Test Event does) through n8n-core's PollContext.
const { Engine, useSandbox } = require('./harness');
const { pollingTrigger } = require('./harness/polling');
const { demoCredentials } = require('../sandbox/demo-credentials');
const CASES = require('./wire.cases.json');

const box = useSandbox();
const TOKEN_ROUTE = /token|oauth|Auth\/Token/i;

test('every case names its source', () => {
	for (const c of CASES)
		expect(c.source).toMatch(
			/^(assumed|attribute keys documented|seed \d{3}|(developers\.loyaltylion\.com|help-loyalife\.xoxoday\.com|platform\.cardlytics\.com|developers\.hirefrederick\.com|help\.loyalistic\.com)\/)/,
		);
});

test('header names in cases are lower-case, and a chosen request names a route', () => {
	for (const c of CASES) {
		for (const name of Object.keys(c.headers ?? {})) expect(name).toBe(name.toLowerCase());
		if (c.request) expect(typeof c.request.route).toBe('string');
	}
});

const label = (c) =>
	`${c.node} ${c.parameters.resource ?? 'poll'} → ${c.parameters.operation ?? c.parameters.event ?? c.poll}` +
	`${c.request ? ` [${c.request.route}]` : ''} (${c.source})`;

test.each(CASES.map((c) => [label(c), c]))('%s', async (_label, c) => {
	const engine = new Engine();
	const credential = demoCredentials(box.sim.baseUrl).find((x) => x.type === c.credential);
	const credentials = engine.addCredential(
		credential.id,
		credential.type,
		credential.data,
		credential.name,
	);
	if (c.poll) {
		await pollingTrigger(engine, { type: c.node, credentials, parameters: c.parameters }).poll(
			c.poll,
		);
	} else {
		await engine.runNode({ type: c.node, credentials, parameters: c.parameters });
	}
	const logged = c.request
		? box.sim.stats.log.filter((r) => r.route === c.request.route)[c.request.index ?? 0]
		: box.sim.stats.log.find((r) => !TOKEN_ROUTE.test(r.route));
	expect(logged).toBeDefined();
	const sent = {
		method: logged.method,
		path: logged.path.replace(/^\/[a-z]+/, ''),
		query: logged.query,
		...(logged.body !== undefined ? { body: logged.body } : {}),
	};
	expect(sent).toEqual(c.wire);
	if (c.headers) {
		const got = Object.fromEntries(
			Object.keys(c.headers).map((name) => [name, logged.headers[name] ?? null]),
		);
		expect(got).toEqual(c.headers);
	}
});
