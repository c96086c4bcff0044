/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-hardcoded-secrets -- an end-to-end test that drives a real n8n process, never loaded by n8n */
// The LoyaltyLion Trigger in a real n8n 2.41: activated from the CLI, subscribed in the
// simulator, and attacked the way a real n8n was: replays of a captured signed event, concurrent copies,
// other Content-Types, a body that is not an event; then n8n is restarted and the replay tried again. Every
// case is counted in n8n's own executions (its REST API), not in our node's memory.
import * as crypto from 'node:crypto';
import {
	ensureRuntime,
	freePort,
	preparedInstance,
	startSandbox,
	demoCredentials,
	must,
	type N8nInstance,
	type Simulator,
} from './harness';
import {
	waitFor,
	login as loginAs,
	executions as executionsOf,
	loyaltyLionTriggerWorkflow,
} from './rest';

const OWNER = {
	email: 'webhook-test@n8n-nodes-loyalty.local',
	firstName: 'Hook',
	lastName: 'Test',
	password: 'Webhook-test-password-1',
};
const WORKFLOW_ID = 'E2eLlTriggerWf01';
const login = () => loginAs(n8n, OWNER);
const executions = () => executionsOf(n8n, cookie, WORKFLOW_ID);
let sim: Simulator;
let n8n: N8nInstance;
let port: number;
let cookie: string;

/** A signed body as sent: its bytes and their signature. */
interface Signed {
	bytes: Buffer;
	signature: string;
}

/** Waits until n8n has recorded `count` executions, and a moment more to see that no other one comes. */
async function settle(count: number): Promise<number> {
	await waitFor(async () => (await executions()).length >= count, `${count} executions`);
	await new Promise((r) => setTimeout(r, 1500));
	return (await executions()).length;
}

function signed(event: string | Record<string, unknown>, secret = 'll-demo-site-secret'): Signed {
	const bytes = Buffer.from(typeof event === 'string' ? event : JSON.stringify(event));
	return { bytes, signature: crypto.createHmac('sha256', secret).update(bytes).digest('base64') };
}

async function post(
	address: string,
	{ bytes, signature }: Signed,
	contentType = 'application/json',
): Promise<{ status: number; body: string }> {
	const answer = await fetch(address, {
		method: 'POST',
		headers: {
			'Content-Type': contentType,
			'x-loyaltylion-hmac-sha256': signature,
			'x-loyaltylion-topic': 'customers/update',
		},
		body: bytes,
	});
	return { status: answer.status, body: await answer.text() };
}

async function startN8n(): Promise<void> {
	await n8n.start({ port, env: { WEBHOOK_URL: `http://127.0.0.1:${port}/` } });
	cookie = await login();
}

beforeAll(async () => {
	const runtime = await ensureRuntime({ log: (line: string) => process.stdout.write(line + '\n') });
	sim = await startSandbox({ port: 0 });
	const credential = must(
		demoCredentials(sim.baseUrl).find((c) => c.type === 'loyaltyLionApi'),
		'the loyaltyLionApi demo credential',
	);
	const workflow = loyaltyLionTriggerWorkflow({
		id: WORKFLOW_ID,
		name: 'LoyaltyLion trigger (e2e)',
		webhookId: '6f0c1a0e-5b8e-4c56-9d7a-1e2f3a4b5c6d',
		topics: ['customers/update'],
		authentication: 'apiToken',
		type: 'loyaltyLionApi',
		credential,
	});
	n8n = await preparedInstance({ runtime, sim, demoCredentials, name: 'webhook', workflow });
	port = await freePort();
	await startN8n();
	await waitFor(
		() => sim.instances.loyaltylion.state.webhooks.size > 0,
		'the trigger to subscribe in LoyaltyLion',
	);
}, 900_000);

afterAll(async () => {
	await n8n?.stop();
	await sim?.stop();
});

test('replays, concurrent copies, other Content-Types and non-events: each event runs the workflow exactly once, across a restart', async () => {
	const [subscription] = [...sim.instances.loyaltylion.state.webhooks.values()];
	expect(subscription.address).toBe(
		`http://127.0.0.1:${port}/webhook/6f0c1a0e-5b8e-4c56-9d7a-1e2f3a4b5c6d/webhook`,
	);
	const address = subscription.address;
	const event = (id: string) => ({
		id,
		topic: 'customers/update',
		created_at: new Date().toISOString(),
		payload: { customer: { id: 1, merchant_id: 'cust-1' } },
	});

	// A genuine delivery from the simulator: one run, answered {"received":true} (not n8n's "firstEntryJson").
	const genuine = await sim.instances.loyaltylion.deliver('customers/update', {
		customer: { id: 1 },
	});
	expect(genuine.results.map((r: { status: number }) => r.status)).toEqual([200]);
	expect(await settle(1)).toBe(1);
	const captured = genuine.event;

	// The captured signed event replayed, sequentially and under other Content-Types: 200, no run.
	for (const type of [
		'application/json',
		'text/plain',
		'application/x-www-form-urlencoded',
		'application/octet-stream',
	]) {
		const answer = await post(address, signed(captured), type);
		expect([type, answer.status, JSON.parse(answer.body)]).toEqual([
			type,
			200,
			{ received: true, duplicate: true },
		]);
	}
	// Six concurrent copies of a new event: one run.
	const copies = await Promise.all(
		Array.from({ length: 6 }, () => post(address, signed(event('evt_e2e_concurrent')))),
	);
	expect(copies.map((c) => c.status)).toEqual([200, 200, 200, 200, 200, 200]);
	// A new event sent as octet-stream: read from its bytes, one run (it used to crash the node).
	expect(
		(await post(address, signed(event('evt_e2e_octet')), 'application/octet-stream')).status,
	).toBe(200);
	// Signed bodies that are not events: 400, no run.
	expect((await post(address, signed('a=b'), 'application/x-www-form-urlencoded')).status).toBe(
		400,
	);
	expect((await post(address, signed('{"topic":"customers/update"}'))).status).toBe(400);
	// Forged: 401, no run.
	expect((await post(address, signed(event('evt_e2e_forged'), 'wrong-secret'))).status).toBe(401);
	expect(await settle(3)).toBe(3);
	const runs = await executions();
	expect(runs.filter((r) => r.status === 'error')).toHaveLength(0);

	// n8n restarts: the ids it saved in the workflow's static data still stop the replay.
	await n8n.stop();
	await startN8n();
	const afterRestart = await post(address, signed(captured), 'application/json');
	expect(afterRestart.status).toBe(200);
	expect(JSON.parse(afterRestart.body)).toEqual({ received: true, duplicate: true });
	expect(await settle(3)).toBe(3);
});
