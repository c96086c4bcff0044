/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions, no-console -- an end-to-end test that drives real n8n processes, never loaded by n8n */
// n8n in queue mode: one main process receiving webhooks, two workers executing, Redis between them (Debian's
// redis-server, started here on a free port), one shared database. Purchases posted to the Loyalife webhook
// example are executed by the workers; Loyalife's token is fetched once and then found by both workers in
// n8n's credential store: nothing the nodes need lives in one process's memory. Then two executions of 300
// LoyaltyLion point additions run at once on the two workers through one API key (the simulator keeps
// LoyaltyLion's 20/s per key): every write applied once, none failed; the time and the 429s are printed (the
// benchmark reports them; a timed assertion here would be flaky on a loaded machine).
// Opt-in (it needs redis-server): `npm run test:queue`.
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
	ensureRuntime,
	N8nInstance,
	packTarball,
	freePort,
	startSandbox,
	demoCredentials,
	type Simulator,
} from './harness';
import { waitFor, type N8nJson, type Workflow } from './rest';

const ROOT = path.resolve(__dirname, '../..');
const WORKFLOW = path.join(ROOT, 'examples', 'loyalife-purchase-webhook.json');
/** A LoyaltyLion API key credential, its `processes` setting, and the workflow that adds points through it. */
interface Scenario {
	credential: string;
	processes: number;
	path: string;
	workflow: string;
}

/** One credential each: the processes sharing it set to the two workers, and left at 1 (429s adapt the rate). */
const SHARED: Scenario[] = [
	{
		credential: 'LlQueueShared002',
		processes: 2,
		path: 'll-queue-shared',
		workflow: 'LlQueueShared2Wf',
	},
	{
		credential: 'LlQueueShared001',
		processes: 1,
		path: 'll-queue-adapt',
		workflow: 'LlQueueAdapt01Wf',
	},
];

/** Webhook → Split Out (body.items) → LoyaltyLion Points → Add, answering with every item once done. */
function pointsWorkflow({ credential, path: hookPath, workflow }: Scenario): Workflow {
	return {
		id: workflow,
		name: `LoyaltyLion points in queue mode (${hookPath})`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				parameters: {
					httpMethod: 'POST',
					path: hookPath,
					responseMode: 'lastNode',
					responseData: 'allEntries',
					options: {},
				},
				name: 'Points to add',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				id: 'hook',
				webhookId: `${hookPath}-0000-0000-0000-000000000000`,
			},
			{
				parameters: { fieldToSplitOut: 'body.items', options: {} },
				name: 'One item each',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [240, 0],
				id: 'split',
			},
			{
				parameters: {
					authentication: 'apiKey',
					resource: 'points',
					operation: 'add',
					merchantId: { __rl: true, mode: 'id', value: '={{ $json.merchantId }}' },
					points: 1,
					reason: '={{ $json.reason }}',
				},
				name: 'Add points',
				type: 'n8n-nodes-loyalty.loyaltyLion',
				typeVersion: 1.1,
				position: [480, 0],
				id: 'add',
				credentials: { loyaltyLionApiKeyApi: { id: credential, name: credential } },
			},
		],
		connections: {
			'Points to add': { main: [[{ node: 'One item each', type: 'main', index: 0 }]] },
			'One item each': { main: [[{ node: 'Add points', type: 'main', index: 0 }]] },
		},
	};
}

let sim: Simulator;
let main: N8nInstance;
let redis: ChildProcess;
const workers: Array<Awaited<ReturnType<N8nInstance['launch']>>> = [];

function ensureRedis(): void {
	if (fs.existsSync('/usr/bin/redis-server')) return;
	const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
	execSync(
		`${sudo}apt-get update -qq && DEBIAN_FRONTEND=noninteractive ${sudo}apt-get install -y -qq --no-install-recommends redis-server`,
		{ stdio: 'inherit' },
	);
}

beforeAll(async () => {
	ensureRedis();
	const runtime = await ensureRuntime({ log: (line) => process.stdout.write(line + '\n') });
	const redisPort: number = await freePort();
	redis = spawn(
		'/usr/bin/redis-server',
		['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
		{ stdio: 'ignore' },
	);
	sim = await startSandbox({ port: 0 });
	const home = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-loyalty-queue-'));
	const queueEnv: Record<string, string> = {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redisPort),
		N8N_LOG_LEVEL: 'debug',
	};
	main = new N8nInstance({ runtime, userFolder: home, env: queueEnv });
	main.installPack(packTarball(path.join(home, 'pack')));
	await main.importCredentials(demoCredentials(sim.baseUrl));
	await main.importWorkflow(WORKFLOW);
	await main.activate('ExXlPurchaseHook');
	const ll = demoCredentials(sim.baseUrl).find((c) => c.id === 'LlApiKeySandbx01');
	if (!ll) throw new Error('the simulator has no LlApiKeySandbx01 demo credential');
	await main.importCredentials(
		SHARED.map(({ credential, processes }) => ({
			...ll,
			id: credential,
			name: `LoyaltyLion API key, ${processes} process(es) (simulator)`,
			data: { ...ll.data, processes },
		})),
	);
	for (const scenario of SHARED) {
		const file = path.join(home, `${scenario.path}.json`);
		fs.writeFileSync(file, JSON.stringify(pointsWorkflow(scenario)));
		await main.importWorkflow(file);
		await main.activate(scenario.workflow);
	}
	await main.start();
	for (let i = 0; i < 2; i++) {
		const worker = await main.launch(['worker', '--concurrency=1'], {
			env: { QUEUE_HEALTH_CHECK_PORT: String(await freePort()) },
		});
		workers.push(worker);
	}
	await waitFor(
		() =>
			workers.every((w) =>
				/worker.*(ready|started)|Listening for jobs|n8n worker is now ready/i.test(w.log),
			),
		'both workers to be ready',
		120_000,
	);
}, 900_000);

afterAll(async () => {
	await main?.stop();
	redis?.kill('SIGTERM');
	await sim?.stop();
});

test('purchases posted to the main process are executed by workers; one Loyalife token serves every worker', async () => {
	const before: number = sim.instances.loyalife.pointsOf('MEM0005');
	const purchases = Array.from({ length: 6 }, (_, i) => ({
		transaction_id: `QUEUE-${Date.now()}-${i}`,
		member: 'MEM0005',
		amount: 200,
		date: '2026-11-20',
	}));
	for (const purchase of purchases) {
		const answer = await fetch(`${main.url}/webhook/loyalife-purchase`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(purchase),
		});
		expect(answer.status).toBe(200);
		// One at a time, so each worker in turn is free to take the next job.
		await waitFor(
			() => sim.instances.loyalife.state.transactionIds.has(purchase.transaction_id),
			`purchase ${purchase.transaction_id}`,
			60_000,
		);
	}
	expect(sim.instances.loyalife.pointsOf('MEM0005')).toBe(before + 6 * 20);
	expect(sim.stats.tokens.loyalife).toBe(1);
	const ran = workers.map(
		(w) =>
			(w.log.match(/Worker (started|finished) execution|Running node "Record purchase"/gi) ?? [])
				.length,
	);
	console.log(`executions seen in worker logs: ${ran.join(' and ')}`);
	// Both workers took jobs, and the second one found the token the first one stored.
	expect(ran.every((n) => n > 0)).toBe(true);
	expect(main.log).not.toMatch(/Running node "Record purchase"/);
});

for (const scenario of SHARED) {
	test(`two executions of 300 point additions at once on two workers, one API key, ${scenario.processes} process(es) set on the credential: each write applied once, none failed`, async () => {
		sim.network.set({ latencyMs: 50 });
		sim.stats.reset();
		const state = sim.instances.loyaltylion.state;
		const run = `${scenario.path}-${Date.now()}`;
		const batch = (name: string): Array<{ merchantId: string; reason: string }> =>
			Array.from({ length: 300 }, (_, i) => ({
				merchantId: `cust-${(i % 50) + 1}`,
				reason: `${run}-${name}-${i}`,
			}));
		const started = Date.now();
		const answers = await Promise.all(
			['a', 'b'].map((name) =>
				fetch(`${main.url}/webhook/${scenario.path}`, {
					method: 'POST',
					headers: { 'Content-Type': 'application/json' },
					body: JSON.stringify({ items: batch(name) }),
				}).then(async (r) => ({ status: r.status, body: (await r.json()) as N8nJson[] })),
			),
		);
		const seconds = (Date.now() - started) / 1000;
		sim.network.set({ latencyMs: 0 });
		for (const answer of answers) {
			expect(answer.status).toBe(200);
			expect(answer.body).toHaveLength(300);
		}
		const reasons = (state.transactions as Array<{ adjustment?: { reason?: unknown } }>)
			.map((t) => t.adjustment?.reason)
			.filter((r): r is string => typeof r === 'string' && r.startsWith(`${run}-`));
		expect(reasons).toHaveLength(600);
		expect(new Set(reasons).size).toBe(600);
		const throttled = sim.stats.statuses.loyaltylion?.['429'] ?? 0;
		const sent = Object.values(sim.stats.statuses.loyaltylion ?? {}).reduce((a, b) => a + b, 0);
		if (process.env.BENCH_QUEUE_OUT)
			fs.appendFileSync(
				process.env.BENCH_QUEUE_OUT,
				JSON.stringify({
					processes: scenario.processes,
					writes: reasons.length,
					seconds,
					requests: sent,
					throttled,
					failed: answers.reduce((n, a) => n + 300 - a.body.length, 0),
					doubled: reasons.length - new Set(reasons).size,
				}) + '\n',
			);
		console.log(
			`queue mode, ${scenario.processes} process(es) on the credential: 600 writes in ${seconds.toFixed(1)} s (bound 30 s at 20/s: ${(seconds / 30).toFixed(2)}x), ${sent} requests, ${throttled} answered 429`,
		);
	}, 600_000);
}
