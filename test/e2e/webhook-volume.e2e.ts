/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-hardcoded-secrets -- an end-to-end test that drives a real n8n process, never loaded by n8n */
// The LoyaltyLion Trigger at volume in a real n8n 2.41: more signed deliveries than any count-bounded list of
// ids held (1,500, most of them ten at a time, so n8n's static data saves overlap), the ids read back from
// the workflow's stored static data, n8n restarted on the same data folder and early events replayed: no new
// execution. And what n8n answers to a 20 MiB unsigned delivery. Runs are counted in n8n's own executions.
// What this file tests is the trigger's store at volume, not n8n's expression engine: its n8n evaluates
// expressions with the legacy engine. Under n8n 2.41.1's default engine each execution builds and disposes of
// an isolated-vm isolate: 87 ms a delivery one after the other against 10 ms with the legacy one (measured on
// this machine, 200 deliveries each way), and this file took 202 s against 67 s. The default engine runs the
// same trigger's replays, concurrent copies and restart in webhook.e2e.ts.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
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
	loyaltyLionTriggerWorkflow,
	executionCount as countExecutions,
	type N8nJson,
} from './rest';

const OWNER = {
	email: 'webhook-volume@n8n-nodes-loyalty.local',
	firstName: 'Hook',
	lastName: 'Volume',
	password: 'Webhook-volume-password-1',
};
const WORKFLOW_ID = 'E2eLlTriggerVol1';
const WEBHOOK_ID = '0b7e3c52-4a1d-4f0e-9c3b-6a2d8e1f5a77';
const TOTAL = 1500;
let sim: Simulator;
let n8n: N8nInstance;
let port: number;
let cookie: string;

const event = (n: number) => ({
	id: `evt_vol_${n}`,
	topic: 'customers/update',
	created_at: new Date().toISOString(),
	payload: { customer: { id: n, merchant_id: `cust-${n}` } },
});
/** Each event's bytes as first sent: a retry sends the same bytes. */
const sent = new Map<number, Buffer>();

/** n8n's answer to a delivery, and how long it took. */
interface Delivered {
	status: number | undefined;
	body: N8nJson;
	ms: number;
}

async function deliver(address: string, n: number): Promise<Delivered> {
	const bytes = sent.get(n) ?? Buffer.from(JSON.stringify(event(n)));
	sent.set(n, bytes);
	const signature = crypto
		.createHmac('sha256', 'll-demo-site-secret')
		.update(bytes)
		.digest('base64');
	const started = process.hrtime.bigint();
	const answer = await send(address, bytes, {
		'Content-Type': 'application/json',
		'x-loyaltylion-hmac-sha256': signature,
	});
	return {
		status: answer.status,
		body: JSON.parse(answer.body),
		ms: Number(process.hrtime.bigint() - started) / 1e6,
	};
}

/** How many executions n8n recorded for the workflow. */
const executionCount = () => countExecutions(n8n, cookie, WORKFLOW_ID);

/** The workflow's static data as n8n stored it in its database (exported by n8n's CLI while it is stopped). */
async function storedStaticData(): Promise<N8nJson> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-export-'));
	const file = path.join(dir, 'workflow.json');
	const result = await n8n.cli(['export:workflow', `--id=${WORKFLOW_ID}`, `--output=${file}`]);
	if (result.code !== 0) throw new Error(`export:workflow failed: ${result.stderr}`);
	// The file holds an array of workflows or one workflow: read as a list either way.
	const [workflow]: N8nJson[] = [JSON.parse(fs.readFileSync(file, 'utf8'))].flat();
	fs.rmSync(dir, { recursive: true, force: true });
	return typeof workflow.staticData === 'string'
		? JSON.parse(workflow.staticData)
		: workflow.staticData;
}

/**
 * POSTs `body` (bytes, or a size to send that many filler bytes) on a connection of its own, as a webhook
 * sender does, and returns n8n's status and body, even when n8n answers before the body is sent.
 */
function send(
	address: string,
	body: Buffer | number,
	headers: Record<string, string>,
): Promise<{ status: number | undefined; body: string }> {
	const size = typeof body === 'number' ? body : body.length;
	return new Promise((resolve, reject) => {
		const req = http.request(
			address,
			{ method: 'POST', agent: false, headers: { 'Content-Length': String(size), ...headers } },
			(res) => {
				let text = '';
				res.on('data', (c) => (text += c));
				res.on('end', () => resolve({ status: res.statusCode, body: text }));
			},
		);
		req.on('error', reject);
		if (typeof body !== 'number') {
			req.end(body);
			return;
		}
		const chunk = Buffer.alloc(1024 * 1024, 'a');
		let left = size;
		const write = () => {
			while (left > 0) {
				left -= chunk.length;
				if (!req.write(left < 0 ? chunk.subarray(0, chunk.length + left) : chunk)) {
					req.once('drain', write);
					return;
				}
			}
			req.end();
		};
		write();
	});
}

async function startN8n(): Promise<void> {
	await n8n.start({
		port,
		env: { WEBHOOK_URL: `http://127.0.0.1:${port}/`, N8N_EXPRESSION_ENGINE: 'legacy' },
	});
	cookie = await loginAs(n8n, OWNER);
}

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

beforeAll(async () => {
	const runtime = await ensureRuntime({ log: (line: string) => process.stdout.write(line + '\n') });
	sim = await startSandbox({ port: 0 });
	const credential = must(
		demoCredentials(sim.baseUrl).find((c) => c.type === 'loyaltyLionApi'),
		'the loyaltyLionApi demo credential',
	);
	const workflow = loyaltyLionTriggerWorkflow({
		id: WORKFLOW_ID,
		name: 'LoyaltyLion trigger at volume (e2e)',
		webhookId: WEBHOOK_ID,
		topics: ['customers/update'],
		authentication: 'apiToken',
		type: 'loyaltyLionApi',
		credential,
	});
	n8n = await preparedInstance({ runtime, sim, demoCredentials, name: 'webhook-volume', workflow });
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

test('1,500 deliveries, ten at a time: every id is in the stored static data; after a restart, replays of early ones start nothing', async () => {
	const address = `http://127.0.0.1:${port}/webhook/${WEBHOOK_ID}/webhook`;
	const times: number[] = [];
	// The first 300 one after the other, the rest ten at once (their static data saves overlap).
	for (let n = 0; n < 300; n++) {
		const answer = await deliver(address, n);
		expect([n, answer.status, answer.body]).toEqual([n, 200, { received: true }]);
		times.push(answer.ms);
	}
	for (let n = 300; n < TOTAL; n += 10) {
		const answers = await Promise.all(
			Array.from({ length: 10 }, (_, k) => deliver(address, n + k)),
		);
		expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
		expect(answers.filter((a) => a.body.duplicate)).toHaveLength(0);
		times.push(...answers.map((a) => a.ms));
	}
	await waitFor(async () => (await executionCount()) >= TOTAL, `${TOTAL} executions`, 300_000);
	await new Promise((r) => setTimeout(r, 1500));
	expect(await executionCount()).toBe(TOTAL);

	await n8n.stop();
	// The trigger's remembered ids: per hour, the ids joined by spaces.
	const stored: { h: Record<string, string> } = (await storedStaticData())[
		'node:LoyaltyLion Trigger'
	].events;
	const ids = new Set(Object.values(stored.h).flatMap((joined) => joined.split(' ')));
	const missing = Array.from({ length: TOTAL }, (_, n) => `evt_vol_${n}`).filter(
		(id) => !ids.has(id),
	);
	expect(missing).toEqual([]);
	expect(ids.size).toBe(TOTAL);
	const bytes = Buffer.byteLength(JSON.stringify(stored));
	process.stdout.write(
		`webhook volume: ${TOTAL} ids stored in ${bytes} bytes (${(bytes / TOTAL).toFixed(1)} per id); answer time median ${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms\n`,
	);

	// A restart on the same data folder: LoyaltyLion's retries of early events, one by one and ten at once.
	await startN8n();
	for (const n of [0, 1, 2, 150, 299]) {
		const answer = await deliver(address, n);
		expect([n, answer.status, answer.body]).toEqual([n, 200, { received: true, duplicate: true }]);
	}
	const again = await Promise.all(Array.from({ length: 10 }, (_, k) => deliver(address, 300 + k)));
	expect(again.map((a) => a.body)).toEqual(Array(10).fill({ received: true, duplicate: true }));
	await new Promise((r) => setTimeout(r, 3000));
	expect(await executionCount()).toBe(TOTAL);
	// 1,500 workflow starts on two cores, beside another e2e file: up to several minutes.
}, 900_000);

test('a 20 MiB unsigned delivery: n8n refuses it before the node runs, and nothing starts', async () => {
	const address = `http://127.0.0.1:${port}/webhook/${WEBHOOK_ID}/webhook`;
	const before = await executionCount();
	const answer = await send(address, 20 * 1024 * 1024, { 'Content-Type': 'application/json' });
	// n8n reads a JSON body before the node runs, up to N8N_PAYLOAD_SIZE_MAX (16 MiB): the reader refuses the
	// declared length at once, and n8n wraps that error as a failed workflow start.
	expect(answer.status).toBe(500);
	expect(JSON.parse(answer.body).message).toBe('There was a problem executing the workflow');
	// An unsigned event within the limit reaches the node: 401.
	const small = await send(address, Buffer.from(JSON.stringify(event(9999))), {
		'Content-Type': 'application/json',
	});
	expect(small.status).toBe(401);
	await new Promise((r) => setTimeout(r, 1500));
	expect(await executionCount()).toBe(before);
});
