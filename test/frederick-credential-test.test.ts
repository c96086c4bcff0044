// The Frederick credential's Test button, through n8n's credential-test path (RoutingNode with the credential
// as typed): its V2 request carries the JSON:API media type, as every V2 request of the nodes does.
import type { IDataObject } from 'n8n-workflow';
import { Engine, useSandbox } from './harness';
import { demoCredentials, type DemoCredential } from './harness/sandbox';

const box = useSandbox();

/** The demo Frederick credential of this file's simulator. */
const frederick = (): DemoCredential => {
	const c = demoCredentials(box.sim.baseUrl).find((x) => x.type === 'frederickApi');
	if (!c) throw new Error('no frederickApi demo credential');
	return c;
};

test('the credential test passes with good secrets, sending the JSON:API media type, and fails with a wrong API key', async () => {
	const engine = new Engine();
	const c = frederick();
	const good = await engine.testCredential(
		engine.addCredential(c.id, c.type, c.data as IDataObject, c.name),
	);
	expect(good).toMatchObject({ status: 'OK', message: 'Connection successful!' });
	const call = box.sim.stats.log.find((r) => String(r.path).endsWith('/v2/locations'));
	expect(call?.headers).toMatchObject({
		accept: 'application/vnd.api+json',
		'content-type': 'application/vnd.api+json',
	});
	const bad = await engine.testCredential(
		engine.addCredential('bad', c.type, { ...(c.data as IDataObject), apiKey: 'wrong-key' }, 'bad'),
	);
	expect(bad.status).toBe('Error');
});

test('a 403 or 404 on the V2 call after the tokens were issued says V2 is not public and the sync calls may still work', async () => {
	const engine = new Engine();
	const c = frederick();
	for (const status of [403, 404]) {
		box.sim.faults.add('frederick', { type: 'status', status, path: '/v2/locations', count: 1 });
		const result = await engine.testCredential(
			engine.addCredential(`v2-${status}`, c.type, c.data as IDataObject, c.name),
		);
		expect(result).toMatchObject({
			status: 'Error',
			message: `The tokens were issued, but GET /v2/locations answered ${status}. The Test lists a location through V2, which Frederick has not made public: a key that covers only the public sync calls can fail here while Sync Start, Sync Finish and Batch Sync work.`,
		});
	}
	box.sim.faults.clear('frederick');
});
