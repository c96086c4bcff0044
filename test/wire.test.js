'use strict';
// The exact wire format of every operation: for each operation, the first request the simulator
// recorded (method, path, query, body) must equal the request its source describes. Expectations live in
// wire.cases.json, each with its source: the provider's reference page, or "assumed" where no public page
// exists. Operations whose wire format has its own detailed test elsewhere (LoyaltyLion orders, customer update
// and transactions; Loyalife transactions; Frederick batch sync; Cardlytics downloads) are not repeated here.
const { Engine, useSandbox } = require('./harness');
const { demoCredentials } = require('../sandbox/demo-credentials');
const CASES = require('./wire.cases.json');

const box = useSandbox();

test('every case names its source', () => {
	for (const c of CASES)
		expect(c.source).toMatch(
			/^(assumed|attribute keys documented|seed \d{3}|(developers\.loyaltylion\.com|help-loyalife\.xoxoday\.com|platform\.cardlytics\.com|developers\.hirefrederick\.com)\/)/,
		);
});

test.each(
	CASES.map((c) => [
		`${c.node} ${c.parameters.resource} → ${c.parameters.operation} (${c.source})`,
		c,
	]),
)('%s', async (_label, c) => {
	const engine = new Engine();
	const credential = demoCredentials(box.sim.baseUrl).find((x) => x.type === c.credential);
	const credentials = engine.addCredential(
		credential.id,
		credential.type,
		credential.data,
		credential.name,
	);
	await engine.runNode({ type: c.node, credentials, parameters: c.parameters });
	const first = box.sim.stats.log.find((r) => !/token|oauth|Auth\/Token/i.test(r.route));
	expect(first).toBeDefined();
	const sent = {
		method: first.method,
		path: first.path.replace(/^\/[a-z]+/, ''),
		query: first.query,
		...(first.body !== undefined ? { body: first.body } : {}),
	};
	expect(sent).toEqual(c.wire);
});
