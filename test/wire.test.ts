// The exact wire format of every operation: for each operation, the first request the simulator
// recorded (method, path, query, body) must equal the request its source describes. Expectations live in
// wire.cases.json, each with its source: the provider's reference page, or "assumed" where no public page
// exists. Details a single request cannot show have their own tests elsewhere (Loyalife batch chunking and
// polling; Cardlytics downloads).
//
// Optional case fields:
// - `headers`: request headers by lower-case name, each compared exactly (null: the header must be absent), or
//   `{ "matches": "<regular expression>" }` for a value that changes on every run (an issued bearer token:
//   the scheme is pinned, the token is not); headers not listed are not compared.
// - `request`: which logged request to compare, `{ "route": "<simulator route pattern>", "index": n }`
//   (index counts that route's requests from 0); without it, the first request that is not a token request.
//   This is how the token requests themselves are pinned.
// - `poll`: the node is a polling trigger, polled once in this mode ("trigger" as an active workflow does,
//   "manual" as Fetch Test Event does) through n8n-core's PollContext.
// A string "{{daysAgo:N}}" anywhere in a case's parameters or wire is the UTC day N days before today
// (YYYY-MM-DD), for inputs that must stay inside a moving window (e.g. a two-year look-back).
import type { IDataObject } from 'n8n-workflow';
import { Engine, useSandbox } from './harness';
import { pollingTrigger } from './harness/polling';
import { demoCredentials } from './harness/sandbox';
import { CASES, resolve, daysAgo, type WireCase } from './wire-cases';
import { must } from './harness/must';

const box = useSandbox();
const TOKEN_ROUTE = /token|oauth|Auth\/Token/i;

test('every case names its source', () => {
	for (const c of CASES)
		expect(c.source).toMatch(
			/^(assumed|attribute keys documented|seed \d{3}|(developers\.loyaltylion\.com|help-loyalife\.xoxoday\.com|platform\.cardlytics\.com|developers\.hirefrederick\.com|help\.loyalistic\.com)\/)/,
		);
});

test('"{{daysAgo:N}}" resolves to the day N days before today, inside parameters and wire alike', () => {
	expect(resolve({ a: ['{{daysAgo:0}}'], b: '{{daysAgo:1}}x' })).toEqual({
		a: [new Date().toISOString().slice(0, 10)],
		b: '{{daysAgo:1}}x',
	});
	expect(resolve('{{daysAgo:30}}')).toBe(daysAgo(30));
	expect(daysAgo(30) < daysAgo(29)).toBe(true);
});

test('header names in cases are lower-case, and a chosen request names a route', () => {
	for (const c of CASES) {
		for (const [name, want] of Object.entries(c.headers ?? {})) {
			expect(name).toBe(name.toLowerCase());
			if (want && typeof want === 'object') expect(Object.keys(want)).toEqual(['matches']);
		}
		if (c.request) expect(typeof c.request.route).toBe('string');
	}
});

const label = (c: WireCase) =>
	`${c.node} ${c.parameters.resource ?? 'poll'} → ${c.parameters.operation ?? c.parameters.event ?? c.poll}` +
	`${c.request ? ` [${c.request.route}]` : ''} (${c.source})`;

test.each(CASES.map((c): [string, WireCase] => [label(c), c]))('%s', async (_label, c) => {
	const engine = new Engine();
	const credential = must(
		demoCredentials(box.sim.baseUrl).find((x) => x.type === c.credential),
		`the demo credential of type ${c.credential}`,
	);
	const credentials = engine.addCredential(
		credential.id,
		credential.type,
		credential.data as IDataObject,
		credential.name,
	);
	if (c.poll) {
		await pollingTrigger(engine, { type: c.node, credentials, parameters: c.parameters }).poll(
			c.poll,
		);
	} else {
		await engine.runNode({ type: c.node, credentials, parameters: c.parameters });
	}
	const { request } = c;
	const found = request
		? box.sim.stats.log.filter((r) => r.route === request.route)[request.index ?? 0]
		: box.sim.stats.log.find((r) => !TOKEN_ROUTE.test(r.route));
	expect(found).toBeDefined();
	const logged = must(found, 'the logged request');
	const sent = {
		method: logged.method,
		path: logged.path.replace(/^\/[a-z]+/, ''),
		query: logged.query,
		...(logged.body !== undefined ? { body: logged.body } : {}),
	};
	expect(sent).toEqual(c.wire);
	if (c.headers) {
		const got = Object.fromEntries(
			Object.entries(c.headers).map(([name, want]) => {
				const value = logged.headers[name] ?? null;
				// A pattern that matches stands for the value itself, so a mismatch shows both.
				const matched =
					want &&
					typeof want === 'object' &&
					value !== null &&
					new RegExp(want.matches).test(String(value));
				return [name, matched ? want : value];
			}),
		);
		expect(got).toEqual(c.headers);
	}
});
