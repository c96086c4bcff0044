// `node bench/build/real-n8n.cjs`: the listing and write scenarios of (a) and (b) in a real n8n (the pinned 2.41.1,
// the packed pack installed as a community package), beside the bare loop in the same run:
//   - 50,000 LoyaltyLion customers (100 pages of 500), three times each: a bare fetch loop in this process,
//     our node (Customer → Get Many, Return All), n8n's HTTP Request node (cursor pagination) + Split Out;
//     our node again with the workflow's "Save successful production executions" off;
//   - 1,000 Points → Add at LoyaltyLion's published 20 requests per second, against the 50 s bound
//     (BENCH_REAL_WRITES=0 skips it);
//   - one listing by our node under `--cpu-prof`, summarised by self time (BENCH_REAL_PROFILE=0 skips it);
//   - n8n's expression engine: a second n8n with N8N_EXPRESSION_ENGINE=legacy, its listings run by run beside
//     the first's; signed LoyaltyLion Trigger deliveries one after the other to each until n8n has saved their
//     executions; the first restarted with N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true, its deliveries again
//     (BENCH_REAL_ENGINES=0 skips it).
// Each workflow starts with a Webhook answering when the last node is done ("lastNode", no data), so that the
// wall time is that of the request that runs it; n8n's own figure is the execution's startedAt → stoppedAt,
// read back over REST. The simulator runs in a child process of its own, so that neither the bare loop nor
// n8n shares an event loop with it. Written into bench/RESULTS.md (its real-n8n section).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as crypto from 'node:crypto';
import * as os from 'node:os';
import * as path from 'node:path';
import type { IConnections, IDataObject, INode } from 'n8n-workflow';
// The scripts' types from their build's declarations (scripts/build, compiled before the benchmarks by
// `npm run bench`): their sources lie outside this program's.
import type * as Instance from '../../scripts/build/n8n-instance.cjs';
import type { N8nInstance } from '../../scripts/build/n8n-instance.cjs';
import type * as N8nRuntime from '../../scripts/build/n8n-runtime.js';
import type { Runtime } from '../../scripts/build/n8n-runtime.js';
import {
	CUSTOMERS,
	LIST_PAGE_SIZE,
	POINTS_CUSTOMERS,
	REAL_WRITE_RATE as WRITE_RATE,
	REAL_WRITES as WRITES,
	REAL_RUNS,
	REAL_SETTLE_MS,
} from './fixtures.cjs';
import { loadRest } from './harness.cjs';
import { ROOT, requireFromRoot } from './root.cjs';
import { demoCredentials } from './sandbox.cjs';
import { writeSection } from './sections.cjs';

interface Workflow {
	id: string;
	name: string;
	active: boolean;
	nodes: INode[];
	connections: IConnections;
	settings: IDataObject;
}

// n8n-runtime.js stays JavaScript (the n8n install runs beside `npm ci`); n8n-instance is loaded through the
// scripts' loader, which compiles it first when its build is missing or stale.
const { ensureRuntime } = requireFromRoot<typeof N8nRuntime>('scripts', 'n8n-runtime');
const { preparedInstance, freePort } = requireFromRoot<{
	load(name: 'n8n-instance'): typeof Instance;
}>('scripts', 'load').load('n8n-instance');
const { login, waitFor, loyaltyLionTriggerWorkflow, executionCount } = loadRest<{
	login(n8n: N8nInstance, owner: typeof OWNER): Promise<string>;
	/** How many executions n8n saved for a workflow (its own count, not a page of them). */
	executionCount(n8n: N8nInstance, cookie: string, workflowId: string): Promise<number>;
	loyaltyLionTriggerWorkflow(o: {
		id: string;
		name: string;
		webhookId: string;
		topics: string[];
		authentication: string;
		type: string;
		credential: { id: string; name: string };
	}): Workflow;
	/** Polls `check` until it returns something truthy, and returns that. */
	waitFor<T>(
		check: () => T | Promise<T>,
		what: string,
		timeoutMs?: number,
	): Promise<Exclude<T, false | 0 | '' | null | undefined>>;
}>();

/** n8n's flatted, which its REST API serialises execution data with. */
interface Flatted {
	parse(text: string): unknown;
}

/** One timed request: the wall time and, when read back, n8n's own figures. */
interface RunFigures {
	wallMs: number;
	status?: string;
	execMs?: number;
	items?: number;
	requests?: number;
	throttled?: number;
}

type Figures = Record<'bare' | 'node' | 'http' | 'nodeNoSave', RunFigures[]>;

/** Trigger deliveries one after the other, timed from the first until n8n has saved every execution. */
interface Deliveries {
	count: number;
	totalMs: number;
	/** The median time n8n took to answer one delivery. */
	answerMs: number;
}

/** The same n8n under its default expression engine, restarted with the legacy one, then with the default
 * engine acquiring an isolate only when an expression needs one. */
interface Engines {
	deliveries: Record<'default' | 'legacy' | 'lazy', Deliveries>;
	legacy: Figures;
}

interface Share {
	name: string;
	ms: number;
	share: number;
}

interface Profile {
	wallMs: number;
	execMs?: number;
	totalMs: number;
	functions: Share[];
	packages: Share[];
	file?: string;
}

/** The simulator's counters over its control API. */
interface SimStats {
	requests: Record<string, number>;
	statuses: Record<string, Record<string, number> | undefined>;
}

const DO_WRITES = process.env.BENCH_REAL_WRITES !== '0';
const DO_PROFILE = process.env.BENCH_REAL_PROFILE !== '0';
const DO_ENGINES = process.env.BENCH_REAL_ENGINES !== '0';
/** LoyaltyLion Trigger deliveries per engine. */
const DELIVERIES = 300;
const TRIGGER_ID = 'BenchRealTrigger';
const TRIGGER_WEBHOOK = '5d1f6a0e-2c4b-4e8f-9a3d-7b6c5e4f3a21';
const OWNER = {
	email: 'bench@example.com',
	firstName: 'Bench',
	lastName: 'Owner',
	password: 'Bench-password-1',
};
const STORE = { token: 'll-demo-token', secret: 'll-demo-site-secret' };
const BASIC = `Basic ${Buffer.from(`${STORE.token}:${STORE.secret}`).toString('base64')}`;

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Two simulators in a child process: one listing 50,000 customers without a rate limit, one keeping 20/s. */
function startSimulators(): Promise<{ child: ChildProcess; list: string; write: string }> {
	const code = `
		const { startSandbox } = require(${JSON.stringify(path.join(ROOT, 'sandbox'))});
		(async () => {
			const list = await startSandbox({ port: 0, loyaltylion: { customers: ${CUSTOMERS}, rateLimitPerSecond: 1e9 } });
			const write = await startSandbox({ port: 0 });
			process.stdout.write(JSON.stringify({ list: list.url, write: write.url }) + '\\n');
			process.on('SIGTERM', () => Promise.all([list.stop(), write.stop()]).then(() => process.exit(0)));
		})();`;
	const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
	return new Promise((resolve, reject) => {
		let out = '';
		child.stdout.on('data', (c: Buffer) => {
			out += c;
			if (out.includes('\n'))
				resolve({ child, ...(JSON.parse(out.split('\n')[0]) as { list: string; write: string }) });
		});
		child.once('exit', (c: number | null) => reject(new Error(`the simulators exited with ${c}`)));
	});
}

const control = async <T = unknown,>(simUrl: string, what: string, method = 'GET'): Promise<T> =>
	(await fetch(`${simUrl}/__control/${what}`, { method })).json() as Promise<T>;

function webhook(pathName: string): INode {
	return {
		id: 'hook',
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: `bench-${pathName}`,
		parameters: {
			httpMethod: 'POST',
			path: pathName,
			responseMode: 'lastNode',
			responseData: 'noData',
			options: {},
		},
	};
}

function chain(id: string, name: string, nodes: INode[], settings: IDataObject = {}): Workflow {
	const connections: IConnections = {};
	for (let i = 0; i < nodes.length - 1; i++)
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	return {
		id,
		name,
		active: false,
		nodes,
		connections,
		settings: { executionOrder: 'v1', ...settings },
	};
}

const LIST_CREDENTIAL = { id: 'LlBenchList00001', name: 'LoyaltyLion store (bench, no limit)' };
const WRITE_CREDENTIAL = { id: 'LlBenchWrite0001', name: 'LoyaltyLion store (bench, 20/s)' };

const ourList = (pos: [number, number] = [220, 0]): INode => ({
	id: 'list',
	name: 'Get customers',
	type: 'n8n-nodes-loyalty.loyaltyLion',
	typeVersion: 1.1,
	position: pos,
	parameters: {
		authentication: 'apiToken',
		resource: 'customer',
		operation: 'getMany',
		returnAll: true,
		filters: {},
	},
	credentials: { loyaltyLionApi: LIST_CREDENTIAL },
});

function workflows(listBase: string) {
	return {
		node: chain('BenchRealNode001', 'bench: our node lists', [webhook('bench-node'), ourList()]),
		nodeNoSave: chain(
			'BenchRealNoSave1',
			'bench: our node lists, successful executions not saved',
			[webhook('bench-node-nosave'), ourList()],
			{ saveDataSuccessExecution: 'none' },
		),
		http: chain('BenchRealHttp001', 'bench: HTTP Request node lists', [
			webhook('bench-http'),
			{
				id: 'http',
				name: 'HTTP Request',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [220, 0],
				credentials: { loyaltyLionApi: LIST_CREDENTIAL },
				parameters: {
					method: 'GET',
					url: `${listBase}/v2/customers`,
					authentication: 'predefinedCredentialType',
					nodeCredentialType: 'loyaltyLionApi',
					sendQuery: true,
					queryParameters: { parameters: [{ name: 'limit', value: String(LIST_PAGE_SIZE) }] },
					options: {
						pagination: {
							pagination: {
								paginationMode: 'updateAParameterInEachRequest',
								parameters: {
									parameters: [
										{ type: 'qs', name: 'cursor', value: '={{ $response.body.cursor.next }}' },
									],
								},
								paginationCompleteWhen: 'other',
								completeExpression: '={{ !$response.body.cursor.next }}',
							},
						},
					},
				},
			},
			{
				id: 'split',
				name: 'Split Out',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [440, 0],
				parameters: { fieldToSplitOut: 'customers', options: {} },
			},
		]),
		trigger: loyaltyLionTriggerWorkflow({
			id: TRIGGER_ID,
			name: 'bench: LoyaltyLion Trigger deliveries',
			webhookId: TRIGGER_WEBHOOK,
			topics: ['customers/update'],
			authentication: 'apiToken',
			type: 'loyaltyLionApi',
			credential: LIST_CREDENTIAL,
		}),
		write: chain('BenchRealWrite01', 'bench: our node adds points at 20/s', [
			webhook('bench-write'),
			{
				id: 'split',
				name: 'Split Out',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [220, 0],
				parameters: { fieldToSplitOut: 'body.items', options: {} },
			},
			{
				id: 'points',
				name: 'Add points',
				type: 'n8n-nodes-loyalty.loyaltyLion',
				typeVersion: 1.1,
				position: [440, 0],
				parameters: {
					authentication: 'apiToken',
					resource: 'points',
					operation: 'add',
					merchantId: '={{ $json.id }}',
					points: 1,
					reason: 'bench',
				},
				credentials: { loyaltyLionApi: WRITE_CREDENTIAL },
			},
		]),
	};
}

/** The bare loop: the same 100 pages with Node's fetch (undici), one after the other, customers kept. */
async function bareList(listBase: string): Promise<number> {
	const out: unknown[] = [];
	let cursor: string | undefined;
	do {
		const qs = cursor ? `cursor=${cursor}&limit=${LIST_PAGE_SIZE}` : `limit=${LIST_PAGE_SIZE}`;
		const res = await fetch(`${listBase}/v2/customers?${qs}`, {
			headers: { authorization: BASIC, accept: 'application/json' },
		});
		if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
		const body = (await res.json()) as { customers: unknown[]; cursor: { next?: string } };
		for (const customer of body.customers) out.push(customer);
		cursor = body.cursor.next;
	} while (cursor);
	return out.length;
}

/** The newest execution of a workflow, with its data (flatted, as the REST API sends it). */
interface ExecutionSummary {
	id: string;
	status: string;
	startedAt: string;
	stoppedAt: string;
	full?: { data: string };
}

async function lastExecution(
	n8n: N8nInstance,
	cookie: string,
	workflowId: string,
	{ withData = false }: { withData?: boolean } = {},
): Promise<ExecutionSummary | undefined> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const list = (await (
		await fetch(`${n8n.url}/rest/executions?filter=${filter}&limit=1`, { headers: { cookie } })
	).json()) as { data?: ExecutionSummary[] | { results?: ExecutionSummary[] } };
	const summary = ((list.data as { results?: ExecutionSummary[] } | undefined)?.results ??
		(list.data as ExecutionSummary[] | undefined) ??
		[])[0];
	if (!summary || !withData) return summary;
	const full = (await (
		await fetch(`${n8n.url}/rest/executions/${summary.id}`, { headers: { cookie } })
	).json()) as { data: { data: string } };
	return { ...summary, full: full.data };
}

/** Items the named node put out, from an execution's flatted data. */
function itemsOut(full: { data: string }, nodeName: string, flatted: Flatted): number {
	const data = flatted.parse(full.data) as {
		resultData: {
			runData: Record<string, Array<{ data?: { main?: Array<unknown[] | null> } }> | undefined>;
		};
	};
	return (data.resultData.runData[nodeName]?.[0]?.data?.main?.[0] ?? []).length;
}

async function runWorkflow(
	n8n: N8nInstance,
	cookie: string,
	{
		pathName,
		workflowId,
		lastNode,
		body = {},
		count,
		flatted,
	}: {
		pathName: string;
		workflowId?: string;
		lastNode?: string;
		body?: unknown;
		count?: boolean;
		flatted: Flatted;
	},
): Promise<RunFigures> {
	const started = process.hrtime.bigint();
	const answer = await fetch(`${n8n.url}/webhook/${pathName}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
	});
	await answer.arrayBuffer();
	const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
	if (answer.status !== 200) throw new Error(`${pathName} answered ${answer.status}`);
	const result: RunFigures = { wallMs };
	if (workflowId) {
		// Not timed: n8n's own figures, and the items (the data is fetched only when asked).
		const exec = (await lastExecution(n8n, cookie, workflowId, { withData: count }))!;
		result.status = exec.status;
		result.execMs = new Date(exec.stoppedAt).getTime() - new Date(exec.startedAt).getTime();
		if (count) result.items = itemsOut(exec.full!, lastNode!, flatted);
	}
	return result;
}

/**
 * DELIVERIES signed LoyaltyLion events to the trigger, one after the other as LoyaltyLion sends them, ids
 * tagged with `tag` (each new, so each starts an execution): timed from the first until n8n has saved the
 * execution of every one.
 */
async function deliverEvents(n8n: N8nInstance, cookie: string, tag: string): Promise<Deliveries> {
	const before = await executionCount(n8n, cookie, TRIGGER_ID);
	const address = `${n8n.url}/webhook/${TRIGGER_WEBHOOK}/webhook`;
	const answers: number[] = [];
	const started = process.hrtime.bigint();
	for (let n = 0; n < DELIVERIES; n++) {
		const bytes = Buffer.from(
			JSON.stringify({
				id: `evt_bench_${tag}_${n}`,
				topic: 'customers/update',
				created_at: new Date().toISOString(),
				payload: { customer: { id: n + 1, merchant_id: `cust-${n + 1}` } },
			}),
		);
		const signature = crypto.createHmac('sha256', STORE.secret).update(bytes).digest('base64');
		const sent = process.hrtime.bigint();
		const answer = await fetch(address, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'x-loyaltylion-hmac-sha256': signature },
			body: bytes,
		});
		await answer.arrayBuffer();
		if (answer.status !== 200) throw new Error(`delivery ${n} answered ${answer.status}`);
		answers.push(Number(process.hrtime.bigint() - sent) / 1e6);
	}
	await waitFor(
		async () => (await executionCount(n8n, cookie, TRIGGER_ID)) >= before + DELIVERIES,
		`${DELIVERIES} trigger executions`,
		300_000,
	);
	const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
	return { count: DELIVERIES, totalMs, answerMs: median(answers) };
}

/** Top self-time functions of a .cpuprofile, and self time grouped by package. */
function summariseProfile(
	file: string,
	[fromUs, toUs]: [number, number],
): Pick<Profile, 'totalMs' | 'functions' | 'packages'> {
	const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as {
		nodes: Array<{
			id: number;
			callFrame: { functionName: string; url: string; lineNumber: number };
		}>;
		startTime: number;
		samples: number[];
		timeDeltas: number[];
	};
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const self = new Map<number, number>();
	const dt = profile.timeDeltas;
	// Sample times are on the machine's monotonic clock (as process.hrtime here, on Linux): only the samples
	// within the timed request count, not n8n's start-up or the warm-up.
	let at = profile.startTime;
	for (let i = 0; i < profile.samples.length; i++) {
		at += dt[i] ?? 0;
		const next = dt[i + 1] ?? 0;
		if (at < fromUs || at > toUs) continue;
		self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + next / 1000);
	}
	const totalMs = [...self.values()].reduce((a, b) => a + b, 0);
	const where = (url: string) => {
		if (!url) return '(native / V8)';
		const m = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/g);
		if (m) return m[m.length - 1].replace('node_modules/', '');
		if (url.startsWith('node:')) return 'node: core';
		return url;
	};
	const fns = new Map<string, number>();
	const pkgs = new Map<string, number>();
	for (const [id, ms] of self) {
		const { callFrame: f } = byId.get(id)!;
		const key = `${f.functionName || '(anonymous)'} ${where(f.url)}${f.url ? `:${f.lineNumber + 1}` : ''}`;
		fns.set(key, (fns.get(key) ?? 0) + ms);
		const pkg = f.url ? where(f.url) : f.functionName || '(native)';
		pkgs.set(pkg, (pkgs.get(pkg) ?? 0) + ms);
	}
	const top = (m: Map<string, number>, n: number): Share[] =>
		[...m.entries()]
			.sort((a, b) => b[1] - a[1])
			.slice(0, n)
			.map(([name, ms]) => ({ name, ms, share: ms / totalMs }));
	return { totalMs, functions: top(fns, 15), packages: top(pkgs, 10) };
}

const SCENARIOS: Record<
	'node' | 'nodeNoSave' | 'http',
	{ pathName: string; workflowId?: string; lastNode?: string }
> = {
	node: { pathName: 'bench-node', workflowId: 'BenchRealNode001', lastNode: 'Get customers' },
	nodeNoSave: { pathName: 'bench-node-nosave' },
	http: { pathName: 'bench-http', workflowId: 'BenchRealHttp001', lastNode: 'Split Out' },
};

/** An n8n to measure the listings in, and what was measured there. */
interface Target {
	label: string;
	n8n: N8nInstance;
	cookie: string;
	figures: Figures;
}

/**
 * The listings REAL_RUNS times each in every target, interleaved with the bare loop (each run's bare loop is the
 * baseline of every target), after one untimed warm-up of each.
 */
async function measureListings(targets: Target[], listBase: string, flatted: Flatted) {
	const simUrl = listBase.replace(/\/loyaltylion$/, '');
	// Warm-up, untimed: each path once (n8n loads a node's module and compiles it on first use).
	await bareList(listBase);
	for (const { n8n, cookie } of targets)
		for (const s of Object.values(SCENARIOS)) await runWorkflow(n8n, cookie, { ...s, flatted });
	for (let i = 0; i < REAL_RUNS; i++) {
		// Interleaved, so that a slow moment on the shared machine falls on all of them alike.
		await control(simUrl, 'reset', 'POST');
		await settle();
		const t0 = process.hrtime.bigint();
		const items = await bareList(listBase);
		const bare = { wallMs: Number(process.hrtime.bigint() - t0) / 1e6, items };
		for (const { label, n8n, cookie, figures } of targets) {
			figures.bare.push(bare);
			for (const [name, s] of Object.entries(SCENARIOS) as Array<
				[keyof typeof SCENARIOS, (typeof SCENARIOS)[keyof typeof SCENARIOS]]
			>) {
				await control(simUrl, 'reset', 'POST');
				await settle();
				const r = await runWorkflow(n8n, cookie, { ...s, count: true, flatted });
				const stats = await control<SimStats>(simUrl, 'stats');
				r.requests = Object.entries(stats.requests)
					.filter(([k]) => k.startsWith('loyaltylion '))
					.reduce((n, [, v]) => n + v, 0);
				figures[name].push(r);
			}
			console.log(
				`run ${i + 1}, ${label}:`,
				Object.entries(figures)
					.map(
						([k, v]) =>
							`${k} ${Math.round(v[i].wallMs)} ms${v[i].execMs !== undefined ? ` (n8n ${v[i].execMs} ms)` : ''}`,
					)
					.join(', '),
			);
		}
	}
}

const settle = () => new Promise((resolve) => setTimeout(resolve, REAL_SETTLE_MS));

const noFigures = (): Figures => ({ bare: [], node: [], http: [], nodeNoSave: [] });

/**
 * Restarts n8n with `env` on a new port and signs in again; resolves once `scenario`'s webhook has run once
 * (untimed): n8n registers its webhooks a moment after it reports ready, later under the profiler.
 */
async function restart(
	n8n: N8nInstance,
	env: Record<string, string>,
	scenario: (typeof SCENARIOS)[keyof typeof SCENARIOS],
	flatted: Flatted,
): Promise<string> {
	await n8n.stop();
	const port = await freePort();
	await n8n.start({ port, env: { WEBHOOK_URL: `http://127.0.0.1:${port}/`, ...env } });
	const cookie = await login(n8n, OWNER);
	await waitFor(
		async () =>
			(await runWorkflow(n8n, cookie, { ...scenario, flatted }).catch(() => false)) !== false,
		'the webhooks after a restart',
		60_000,
	);
	return cookie;
}

function machine() {
	const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
	return `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}`;
}

async function startN8n(
	runtime: Runtime,
	sims: { list: string; write: string },
	extraEnv: Record<string, string> = {},
) {
	const listBase = `${sims.list}/loyaltylion`;
	const wfs = workflows(listBase);
	const credentials = demoCredentials((p) => `${sims.list}/${p}`);
	const store = credentials.find((c) => c.id === 'LlStoreSandbox01')!;
	credentials.push(
		// The simulator's rate limit is lifted for the listing; the credential says so too.
		{ ...store, ...LIST_CREDENTIAL, data: { ...store.data, requestsPerSecond: 1_000_000 } },
		// LoyaltyLion's published 20/s (the credential's default), on a simulator keeping it.
		{
			...store,
			...WRITE_CREDENTIAL,
			data: { ...store.data, apiBaseUrl: `${sims.write}/loyaltylion/v2` },
		},
	);
	const n8n = await preparedInstance({
		runtime,
		sim: { baseUrl: (p) => `${sims.list}/${p}` },
		demoCredentials: () => credentials,
		name: 'bench',
		workflows: Object.values(wfs),
	});
	n8n.extraEnv = { N8N_LOG_LEVEL: 'warn', ...extraEnv };
	const port = await freePort();
	await n8n.start({ port, env: { WEBHOOK_URL: `http://127.0.0.1:${port}/` } });
	return { n8n, wfs, cookie: await login(n8n, OWNER) };
}

function report({
	figures,
	write,
	engines,
	profile,
	load,
}: {
	figures: Figures;
	write?: RunFigures;
	engines?: Engines;
	profile?: Profile;
	load: number;
}) {
	const ms = (x: number) => `${Math.round(x)} ms`;
	const base = median(figures.bare.map((r) => r.wallMs));
	const row = (label: string, runs: RunFigures[]) => {
		const wall = median(runs.map((r) => r.wallMs));
		const exec = runs[0].execMs !== undefined ? median(runs.map((r) => r.execMs!)) : undefined;
		return `| ${label} | ${ms(wall)} | ${(wall / base).toFixed(2)}× | ${exec !== undefined ? `${ms(exec)} (${(exec / base).toFixed(2)}×)` : 'not kept (not saved)'} | ${exec !== undefined ? ms(wall - exec) : '–'} | ${runs[0].requests ?? CUSTOMERS / LIST_PAGE_SIZE} | ${runs[0].items ?? '–'} | ${runs.map((r) => Math.round(r.wallMs) + (r.execMs !== undefined ? ` / ${r.execMs}` : '')).join(', ')} |`;
	};
	const lines = [
		`## (i) In a real n8n 2.41.1`,
		'',
		`Measured by \`node bench/build/real-n8n.cjs\` on ${new Date().toISOString().slice(0, 10)}, ${machine()}; n8n 2.41.1 on Node.js 24 (SQLite, regular mode, default execution settings), the pack installed from its packed tarball; the bare loop on Node.js ${process.version} in the benchmark's process; the simulator in a process of its own. Each workflow starts with a Webhook that answers when the last node is done (no data in the answer): the wall time is that of this request; n8n's time is the execution's startedAt → stoppedAt read back over REST (it ends before n8n saves the execution). Median of ${figures.bare.length} runs, interleaved, after one untimed warm-up of each; each timed request after a pause of ${REAL_SETTLE_MS} ms, so that the execution before it has been saved.${load > os.cpus().length / 2 ? ` The machine was shared: load average ${load.toFixed(1)} on ${os.cpus().length} cores during the run, so the absolute times are slower than on an idle machine; the ratios are of the same run.` : load ? ` Load average ${load.toFixed(1)} on ${os.cpus().length} cores during the run (the benchmark's own processes).` : ''}`,
		'',
		`### ${CUSTOMERS.toLocaleString('en')} LoyaltyLion customers, ${CUSTOMERS / LIST_PAGE_SIZE} pages of ${LIST_PAGE_SIZE}, rate limit lifted`,
		'',
		'| | wall time (median) | vs bare loop | n8n startedAt → stoppedAt | wall − n8n time (saving the execution, the webhook) | requests | items out | runs (wall / n8n ms) |',
		'|---|---|---|---|---|---|---|---|',
		row('bare fetch loop (baseline)', figures.bare),
		row('LoyaltyLion node, Customer → Get Many, Return All', figures.node),
		row('same, workflow setting "Save successful production executions": off', figures.nodeNoSave),
		row('n8n HTTP Request node, cursor pagination, + Split Out', figures.http),
	];
	if (write)
		lines.push(
			'',
			`### ${WRITES.toLocaleString('en')} Points → Add at LoyaltyLion's published 20 requests per second`,
			'',
			'| | wall time | n8n startedAt → stoppedAt | vs the bound (50 s) | requests | answered 429 | items out |',
			'|---|---|---|---|---|---|---|',
			`| LoyaltyLion node (Webhook → Split Out → Add points), one run | ${(write.wallMs / 1000).toFixed(1)} s | ${(write.execMs! / 1000).toFixed(1)} s | ${(write.wallMs / (WRITES / WRITE_RATE) / 1000).toFixed(3)}× | ${write.requests} | ${write.throttled} | ${write.items} |`,
		);
	if (engines) {
		const wall = (f: Figures, k: keyof Figures) => median(f[k].map((r) => r.wallMs));
		const legacyBase = wall(engines.legacy, 'bare');
		const listRow = (label: string, k: keyof Figures) =>
			`| ${label} | ${ms(wall(figures, k))} (${(wall(figures, k) / base).toFixed(2)}× the bare loop) | ${ms(wall(engines.legacy, k))} (${(wall(engines.legacy, k) / legacyBase).toFixed(2)}×) | ${(wall(engines.legacy, k) / wall(figures, k)).toFixed(2)}× |`;
		const { default: d, legacy: l, lazy } = engines.deliveries;
		const each = (x: Deliveries) => x.totalMs / x.count;
		lines.push(
			'',
			`### n8n's expression engine: the default (\`vm\`, an isolated-vm isolate per execution) and \`N8N_EXPRESSION_ENGINE=legacy\``,
			'',
			`A second n8n, the same but for \`N8N_EXPRESSION_ENGINE=legacy\`, its listings measured run by run beside the first's (median of ${engines.legacy.bare.length}, the same bare-loop runs as their baseline); then ${d.count.toLocaleString('en')} signed LoyaltyLion Trigger deliveries to each, one after the other (new ids, so each starts an execution), timed from the first until n8n has saved every execution.`,
			'',
			'| | default engine | legacy engine | legacy / default |',
			'|---|---|---|---|',
			listRow('LoyaltyLion node, Get Many, execution saved', 'node'),
			listRow('same, "Save successful production executions" off', 'nodeNoSave'),
			listRow('n8n HTTP Request node + Split Out', 'http'),
			`| LoyaltyLion Trigger, one delivery to its execution saved | ${each(d).toFixed(1)} ms (answered in ${d.answerMs.toFixed(1)} ms) | ${each(l).toFixed(1)} ms (answered in ${l.answerMs.toFixed(1)} ms) | ${(each(l) / each(d)).toFixed(2)}× |`,
			'',
			`The default engine with \`N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true\` (an isolate only once an expression needs one): ${each(lazy).toFixed(1)} ms a delivery (answered in ${lazy.answerMs.toFixed(1)} ms), ${(each(lazy) / each(d)).toFixed(2)}× the default. The legacy engine evaluates expressions in n8n's own process, without the isolate the default gives each execution: the choice is the instance owner's.`,
		);
	}
	if (profile)
		lines.push(
			'',
			`### Where the time goes: one listing by our node under \`--cpu-prof\``,
			'',
			`The main n8n process sampled every 0.5 ms during one timed request (wall ${ms(profile.wallMs)}, n8n ${ms(profile.execMs!)} under the profiler): ${ms(profile.totalMs)} of CPU on its main thread; the rest of the wall time is waiting for the simulator.`,
			'',
			'| self time by package | ms | share |',
			'|---|---|---|',
			...profile.packages.map(
				(p) => `| ${p.name} | ${Math.round(p.ms)} | ${(p.share * 100).toFixed(1)}% |`,
			),
			'',
			'| top self-time functions | ms | share |',
			'|---|---|---|',
			...profile.functions.map(
				(f) =>
					`| \`${f.name.replace(/\|/g, '\\|')}\` | ${Math.round(f.ms)} | ${(f.share * 100).toFixed(1)}% |`,
			),
		);
	if (profile) {
		const share = (name: string) => profile.packages.find((p) => p.name === name)?.share ?? 0;
		const pct = (x: number) => `${Math.round(x * 100)}%`;
		lines.push(
			'',
			`What it says: within the request, n8n serialising the execution data to save it (flatted: ${pct(share('flatted'))} of the main thread) and the garbage collection it brings about (${pct(share('(garbage collector)'))}) cost more than the node, whose own code is ${pct(share('n8n-nodes-loyalty'))}; axios parsing the pages (JSON, in n8n's request helper) is ${pct(share('axios'))}. The saving comes after stoppedAt, hence "wall − n8n time". A user listing many records can set the workflow's "Save successful production executions" to "Do not save" (or EXECUTIONS_DATA_SAVE_ON_SUCCESS=none for the whole instance; EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS=false for editor runs): the row above measures what that changes. The HTTP Request node's workflow saves the 50,000 customers twice (the 100 page items, then the Split Out items), which is why its wall time is so much longer than its execution time.`,
		);
	}
	const markdown = lines.join('\n');
	console.log(markdown);
	if (process.env.BENCH_REAL_WRITE_RESULTS !== '0') writeSection('real-n8n', markdown);
}

(async () => {
	// BENCH_REAL_FROM=<figures.json> renders a run's saved figures again (no measurement).
	if (process.env.BENCH_REAL_FROM)
		return report(
			JSON.parse(fs.readFileSync(process.env.BENCH_REAL_FROM, 'utf8')) as Parameters<
				typeof report
			>[0],
		);
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'ignore' });
	const runtime = await ensureRuntime({ log: (line) => console.log(line) });
	const flatted = require(
		require.resolve('flatted', { paths: [path.join(runtime.dir, 'node_modules', 'n8n')] }),
	) as Flatted;
	const sims = await startSimulators();
	const listBase = `${sims.list}/loyaltylion`;
	let n8n: N8nInstance | undefined;
	let legacyN8n: N8nInstance | undefined;
	try {
		const started = await startN8n(runtime, sims);
		n8n = started.n8n;
		const { cookie } = started;
		const targets: Target[] = [{ label: 'default engine', n8n, cookie, figures: noFigures() }];
		if (DO_ENGINES) {
			// A second n8n, the same in all but its expression engine, measured run by run beside the first.
			const legacy = await startN8n(runtime, sims, { N8N_EXPRESSION_ENGINE: 'legacy' });
			legacyN8n = legacy.n8n;
			targets.push({ label: 'legacy engine', ...legacy, figures: noFigures() });
		}
		await measureListings(targets, listBase, flatted);
		const { figures } = targets[0];

		let write: RunFigures | undefined;
		if (DO_WRITES) {
			await control(sims.write, 'reset', 'POST');
			const items = Array.from({ length: WRITES }, (_, i) => ({
				id: `cust-${(i % POINTS_CUSTOMERS) + 1}`,
			}));
			write = await runWorkflow(n8n, cookie, {
				pathName: 'bench-write',
				workflowId: 'BenchRealWrite01',
				lastNode: 'Add points',
				body: { items },
				count: true,
				flatted,
			});
			const stats = await control<SimStats>(sims.write, 'stats');
			write.requests =
				stats.requests['loyaltylion POST /v2/customers/:merchant_id/points'] ??
				Object.entries(stats.requests)
					.filter(([k]) => k.startsWith('loyaltylion POST'))
					.reduce((n, [, v]) => n + v, 0);
			write.throttled = stats.statuses.loyaltylion?.['429'] ?? 0;
			console.log('write:', write);
		}
		let engines: Engines | undefined;
		if (DO_ENGINES) {
			// The trigger's deliveries under n8n's default engine and the legacy one; then the first n8n
			// restarted with the default engine acquiring an isolate only when an expression needs one.
			const byDefault = await deliverEvents(n8n, cookie, 'default');
			console.log('deliveries, default engine:', byDefault);
			const byLegacy = await deliverEvents(legacyN8n!, targets[1].cookie, 'legacy');
			console.log('deliveries, legacy engine:', byLegacy);
			await legacyN8n!.stop();
			const lazyCookie = await restart(
				n8n,
				{ N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' },
				SCENARIOS.nodeNoSave,
				flatted,
			);
			const byLazy = await deliverEvents(n8n, lazyCookie, 'lazy');
			console.log('deliveries, default engine, lazy acquire:', byLazy);
			engines = {
				deliveries: { default: byDefault, legacy: byLegacy, lazy: byLazy },
				legacy: targets[1].figures,
			};
		}
		let profile: Profile | undefined;
		if (DO_PROFILE) {
			// One listing by our node with V8's sampling profiler on, the same n8n restarted: the main process
			// writes its profile on exit; only the samples within the timed request are summarised.
			const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-real-prof-'));
			const profCookie = await restart(
				n8n,
				{ NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${dir} --cpu-prof-interval=500` },
				SCENARIOS.node,
				flatted,
			);
			const from = Number(process.hrtime.bigint() / 1000n);
			const profiled = await runWorkflow(n8n, profCookie, { ...SCENARIOS.node, flatted });
			const to = from + profiled.wallMs * 1000;
			const timed = { wallMs: profiled.wallMs, execMs: profiled.execMs };
			await n8n.stop();
			const files = await waitFor(
				() =>
					fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).length > 0 &&
					fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')),
				'the cpu profile',
			);
			// The biggest profile is the main process's (the task runner's is near empty).
			const biggest = files
				.map((f) => path.join(dir, f))
				.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
			profile = { ...timed, ...summariseProfile(biggest, [from, to]), file: biggest };
		}
		fs.writeFileSync(
			path.join(os.tmpdir(), 'bench-real-n8n.json'),
			JSON.stringify({ figures, write, engines, profile, load: os.loadavg()[1] }, null, 2),
		);
		report({ figures, write, engines, profile, load: os.loadavg()[1] });
	} finally {
		await n8n?.stop();
		await legacyN8n?.stop();
		sims.child.kill('SIGTERM');
	}
})().catch((error) => {
	console.error(error);
	process.exit(1);
});
