'use strict';
// The Frederick credential's Test button, through n8n's credential-test path (RoutingNode with the credential
// as typed): its V2 request carries the JSON:API media type, as every V2 request of the nodes does.
const { Engine, useSandbox } = require('./harness');
const { demoCredentials } = require('../sandbox/demo-credentials');

const box = useSandbox();

test('the credential test passes with good secrets, sending the JSON:API media type, and fails with a wrong API key', async () => {
	const engine = new Engine();
	const c = demoCredentials(box.sim.baseUrl).find((x) => x.type === 'frederickApi');
	const good = await engine.testCredential(engine.addCredential(c.id, c.type, c.data, c.name));
	expect(good).toMatchObject({ status: 'OK', message: 'Connection successful!' });
	const call = box.sim.stats.log.find((r) => String(r.path).endsWith('/v2/locations'));
	expect(call.headers).toMatchObject({
		accept: 'application/vnd.api+json',
		'content-type': 'application/vnd.api+json',
	});
	const bad = await engine.testCredential(
		engine.addCredential('bad', c.type, { ...c.data, apiKey: 'wrong-key' }, 'bad'),
	);
	expect(bad.status).toBe('Error');
});
