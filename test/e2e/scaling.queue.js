'use strict';
// n8n in queue mode: one main process receiving webhooks, two workers executing, Redis between them (Debian's
// redis-server, started here on a free port), one shared database. Purchases posted to the Loyalife webhook
// example are executed by the workers; Loyalife's token is fetched once and then found by both workers in
// n8n's credential store: nothing the nodes need lives in one process's memory.
// Opt-in (it needs redis-server): `npm run test:queue`.
const { execSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ensureRuntime } = require('../../scripts/n8n-runtime');
const { N8nInstance, packTarball, freePort } = require('../../scripts/n8n-instance');
const { startSandbox } = require('../../sandbox');
const { demoCredentials } = require('../../sandbox/demo-credentials');

const ROOT = path.resolve(__dirname, '../..');
const WORKFLOW = path.join(ROOT, 'examples', 'loyalife-purchase-webhook.json');
let sim;
let main;
let redis;
const workers = [];

function ensureRedis() {
	if (fs.existsSync('/usr/bin/redis-server')) return;
	const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
	execSync(
		`${sudo}apt-get update -qq && DEBIAN_FRONTEND=noninteractive ${sudo}apt-get install -y -qq --no-install-recommends redis-server`,
		{ stdio: 'inherit' },
	);
}

const waitFor = async (check, what, timeoutMs = 60_000) => {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 250));
	}
};

beforeAll(async () => {
	ensureRedis();
	const runtime = await ensureRuntime({ log: (line) => process.stdout.write(line + '\n') });
	const redisPort = await freePort();
	redis = spawn(
		'/usr/bin/redis-server',
		['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
		{ stdio: 'ignore' },
	);
	sim = await startSandbox({ port: 0 });
	const home = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-loyalty-queue-'));
	const queueEnv = {
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
	const before = sim.instances.loyalife.pointsOf('MEM0005');
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
