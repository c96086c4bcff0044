// `npm run bench`: the benchmarks, all in one run against the simulator on localhost, each figure
// the median of several runs, printed as ratios to a baseline measured in the same run, and written to
// bench/RESULTS.md with the machine and the date.
//   (a) LoyaltyLion Get Many of 50,000 customers: our node in the n8n engine, n8n's HTTP Request node with
//       cursor pagination (+ Split Out), and a bare undici loop (the baseline).
//   (b) 10,000 items through an action node (LoyaltyLion Points → Add) vs the bare loop.
//   (c) tokens requested, per credential type, over a run of 2,000 items and over three executions in a row.
// The simulator's LoyaltyLion rate limit (20/s) is lifted for (a) and (b), so that what is measured is the
// client, not the provider's limit; the credential's Requests per Second is raised to match.
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { IDataObject, INode } from 'n8n-workflow';
import {
	CARDLYTICS_MERCHANT,
	CUSTOMERS,
	LIST_PAGE_SIZE,
	POINTS_ITEMS,
	RUNS,
	TOKEN_ITEMS,
	TOKEN_MORE_ITEMS,
	TOKEN_MORE_RUNS,
} from './fixtures.cjs';
import { load } from './harness.cjs';
import { ROOT } from './root.cjs';
import { demoCredentials, startSandbox, type Simulator } from './sandbox.cjs';
import type { ScenarioConfig, ScenarioName, ScenarioResult } from './scenario.cjs';
import { FILE, markedSections } from './sections.cjs';

// BENCH_ONLY=loyalife runs one provider's measurements (for tuning; the report is then partial and not written).
const ONLY = process.env.BENCH_ONLY;

/** A scenario's figures over its runs: medians, and the first run's counts. */
interface Measured {
	name: ScenarioName;
	label?: string;
	wallMs: number;
	peakRssMb: number;
	peakHeapMb: number;
	items: number;
	requests: number;
	tokens: number;
	all: number[];
}

/** One run's figures: the scenario's, and the simulator's counts. */
interface RunResult extends ScenarioResult {
	requests: number;
	tokens: number;
}

interface TokenRow {
	label: string;
	connectTokens: number;
	run: number;
	threeMore: number;
	requests: number;
}

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
};

async function measure(
	sim: Simulator,
	name: ScenarioName,
	extra: Partial<ScenarioConfig> = {},
): Promise<Measured> {
	const runs: RunResult[] = [];
	for (let i = 0; i < RUNS; i++) {
		sim.stats.reset();
		// Asynchronously: the simulator answers from this process's event loop. The child warms up, says READY,
		// and starts the timed run when told: the counters are reset in between, so they count the run alone.
		const stdout = await new Promise<string>((resolve, reject) => {
			const child = spawn(
				process.execPath,
				[
					'--expose-gc',
					path.join(__dirname, 'scenario.cjs'),
					JSON.stringify({
						name,
						base: sim.baseUrl('loyaltylion'),
						...extra,
					} satisfies ScenarioConfig),
				],
				{
					env: { ...process.env, N8N_LOG_LEVEL: 'silent' },
					stdio: ['pipe', 'pipe', 'pipe'],
				},
			);
			let out = '';
			let err = '';
			let started = false;
			child.stdout.on('data', (chunk: Buffer) => {
				out += chunk;
				if (out.includes('READY\n') && !started) {
					started = true;
					sim.stats.reset();
					child.stdin.write('GO\n');
				}
			});
			child.stderr.on('data', (chunk: Buffer) => (err += chunk));
			child.on('close', (code) =>
				code === 0 ? resolve(out) : reject(new Error(`${name} failed: ${err}`)),
			);
		});
		const result = JSON.parse(stdout.trim().split('\n').pop()!) as ScenarioResult;
		runs.push({
			...result,
			requests: sim.stats.total('loyaltylion'),
			tokens: Object.values(sim.stats.tokens).reduce((a, b) => a + b, 0),
		});
	}
	return {
		name,
		wallMs: median(runs.map((r) => r.wallMs)),
		peakRssMb: median(runs.map((r) => r.peakRssMb)),
		peakHeapMb: median(runs.map((r) => r.peakHeapMb)),
		items: runs[0].items,
		requests: runs[0].requests,
		tokens: runs[0].tokens,
		all: runs.map((r) => Math.round(r.wallMs)),
	};
}

/** (c) tokens per credential type, counted by the simulator, through the n8n engine. */
async function tokenCounts(sim: Simulator): Promise<TokenRow[]> {
	process.env.N8N_LOG_LEVEL = 'silent';
	const { Engine } = load('engine');
	const { connectOAuth2 } = load('oauth2-connect');
	const creds = Object.fromEntries(demoCredentials(sim.baseUrl).map((c) => [c.type, c]));
	const items = (n: number, make: (i: number) => IDataObject) =>
		Array.from({ length: n }, (_, i) => make(i));
	const cases: Array<{
		label: string;
		provider: string;
		type: string;
		node: string;
		oauthConnect?: boolean;
		parameters: INode['parameters'];
		item(i: number): IDataObject;
	}> = [
		{
			label: 'Cardlytics OAuth2 API (client credentials, form body)',
			provider: 'cardlytics',
			type: 'cardlyticsOAuth2Api',
			node: 'cardlytics',
			parameters: CARDLYTICS_MERCHANT,
			item: (i) => ({ id: `m-${i % 50}` }),
		},
		{
			label: 'Loyalistic OAuth2 API (client credentials, Basic)',
			provider: 'loyalistic',
			type: 'loyalisticOAuth2Api',
			node: 'loyalistic',
			parameters: { resource: 'contact', operation: 'get', contactId: '={{ $json.id }}' },
			item: (i) => ({ id: String((i % 1000) + 1) }),
		},
		{
			label: 'Loyalife API (preAuthentication, expirable token)',
			provider: 'loyalife',
			type: 'loyalifeApi',
			node: 'loyalife',
			// The member by relation reference: Get Profile (Get by Attribute takes only unique attributes).
			parameters: {
				resource: 'member',
				operation: 'getProfile',
				relationReference: '={{ $json.ref }}',
			},
			item: (i) => ({ ref: `MEM${String((i % 25) + 1).padStart(4, '0')}` }),
		},
		{
			label: 'Frederick API (API key + user token → location token)',
			provider: 'frederick',
			type: 'frederickApi',
			node: 'frederick',
			// Contacts are per location (V2 paths as Frederick's client builds them).
			parameters: {
				resource: 'contact',
				operation: 'get',
				locationId: 'loc_1',
				contactId: '={{ $json.id }}',
			},
			item: (i) => ({ id: `ct_${(i % 1000) + 1}` }),
		},
		{
			label: 'LoyaltyLion API (token + secret, Basic)',
			provider: 'loyaltylion',
			type: 'loyaltyLionApi',
			node: 'loyaltyLion',
			parameters: {
				authentication: 'apiToken',
				resource: 'customer',
				operation: 'get',
				merchantId: '={{ $json.id }}',
			},
			item: (i) => ({ id: `cust-${(i % 1000) + 1}` }),
		},
		{
			label: 'LoyaltyLion OAuth2 API (authorization code, permanent token)',
			provider: 'loyaltylion',
			type: 'loyaltyLionOAuth2Api',
			node: 'loyaltyLion',
			oauthConnect: true,
			parameters: {
				authentication: 'oAuth2',
				resource: 'customer',
				operation: 'get',
				merchantId: '={{ $json.id }}',
			},
			item: (i) => ({ id: `cust-${(i % 1000) + 1}` }),
		},
	];
	const rows: TokenRow[] = [];
	for (const c of cases.filter((x) => !ONLY || x.provider === ONLY)) {
		const engine = new Engine({ scanSecrets: false });
		// The client is measured, not a provider's limit: LoyaltyLion's rate and the others' ceiling are lifted.
		const data: IDataObject = {
			...creds[c.type].data,
			...(c.provider === 'loyaltylion'
				? { requestsPerSecond: 1_000_000 }
				: { maxRequestsPerSecond: 1_000_000 }),
		};
		const credentials = engine.addCredential(creds[c.type].id, c.type, data, creds[c.type].name);
		sim.stats.reset();
		let connectTokens = 0;
		if (c.oauthConnect) {
			await connectOAuth2(engine, creds[c.type].id);
			connectTokens = sim.stats.tokens[c.provider] ?? 0;
			sim.stats.reset();
		}
		const big = await engine.runNode({
			type: c.node,
			credentials,
			parameters: c.parameters,
			items: items(TOKEN_ITEMS, c.item),
		});
		if (big.error) throw new Error(`${c.label}: ${big.error.message}`);
		const afterRun = sim.stats.tokens[c.provider] ?? 0;
		for (let k = 0; k < TOKEN_MORE_RUNS; k++) {
			const small = await engine.runNode({
				type: c.node,
				credentials,
				parameters: c.parameters,
				items: items(TOKEN_MORE_ITEMS, c.item),
			});
			if (small.error) throw new Error(`${c.label}: ${small.error.message}`);
		}
		rows.push({
			label: c.label,
			connectTokens,
			run: afterRun,
			threeMore: (sim.stats.tokens[c.provider] ?? 0) - afterRun,
			requests: sim.stats.total(c.provider),
		});
	}
	return rows;
}

function machine() {
	const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
	return `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node.js ${process.version}`;
}

(async () => {
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'ignore' });
	const sim = await startSandbox({
		port: 0,
		loyaltylion: { customers: CUSTOMERS, rateLimitPerSecond: 1e9 },
	});
	try {
		console.log(`Benchmarks, ${RUNS} runs each (median), on ${machine()}\n`);
		if (ONLY) {
			// One provider's run: its tokens (c) only; (a) and (b) measure the client on LoyaltyLion.
			for (const t of await tokenCounts(sim)) console.log(t);
			return;
		}
		const bareList = await measure(sim, 'bare-list');
		const nodeList = await measure(sim, 'node-list');
		const httpList = await measure(sim, 'http-node-list');
		const barePoints = await measure(sim, 'bare-points', { count: POINTS_ITEMS });
		const nodePoints = await measure(sim, 'node-points', { count: POINTS_ITEMS });
		const httpPoints = await measure(sim, 'http-node-points', { count: POINTS_ITEMS });
		const tokens = await tokenCounts(sim);

		const r = (x: number, base: number) => (x / base).toFixed(2) + '×';
		const fmt = (m: Measured, base: Measured) =>
			`| ${m.label} | ${Math.round(m.wallMs)} ms | ${r(m.wallMs, base.wallMs)} | ${m.requests} | ${m.items} | ${m.peakHeapMb} MB | ${m.peakRssMb} MB | ${m.all.join(', ')} |`;
		const head =
			'| | wall time (median) | vs bare loop | requests | items out | peak heap above baseline | peak RSS above baseline | runs (ms) |\n|---|---|---|---|---|---|---|---|';
		bareList.label = 'bare undici loop (baseline)';
		nodeList.label = 'LoyaltyLion node, Customer → Get Many, Return All';
		httpList.label = 'n8n HTTP Request node, cursor pagination, + Split Out';
		barePoints.label = 'bare undici loop (baseline)';
		nodePoints.label = 'LoyaltyLion node, Points → Add (8 in flight, output in input order)';
		httpPoints.label = 'n8n HTTP Request node, one POST per item';
		const lines = [
			`## (a) Get Many of ${CUSTOMERS.toLocaleString('en')} LoyaltyLion customers (${LIST_PAGE_SIZE} per page)`,
			'',
			head,
			fmt(bareList, bareList),
			fmt(nodeList, bareList),
			fmt(httpList, bareList),
			'',
			`## (b) ${POINTS_ITEMS.toLocaleString('en')} items through an action node (add points)`,
			'',
			head,
			fmt(barePoints, barePoints),
			fmt(nodePoints, barePoints),
			fmt(httpPoints, barePoints),
			'',
			`Tokens requested in (b): ${nodePoints.tokens} (token and secret over HTTP Basic need none).`,
			'',
			`## (c) Tokens requested per credential type: a run of ${TOKEN_ITEMS.toLocaleString('en')} items, then three executions in a row`,
			'',
			`| credential | tokens at connect | tokens in the ${TOKEN_ITEMS.toLocaleString('en')}-item run | tokens in the next three executions | requests |`,
			'|---|---|---|---|---|',
			...tokens.map(
				(t) => `| ${t.label} | ${t.connectTokens} | ${t.run} | ${t.threeMore} | ${t.requests} |`,
			),
		];
		const report = lines.join('\n');
		console.log(report);
		const results = `# Benchmark results\n\nMeasured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}, ${machine()}.\nEach figure is the median of ${RUNS} runs, each run in a fresh process; memory is the peak above the process's baseline after loading n8n-core. The simulator runs on localhost in the benchmark's own process, with LoyaltyLion's 20 requests/second limit lifted for (a) and (b) so that the client is measured, not the provider's limit.\n\n${report}\n`;
		// The other benchmarks (realistic, webhook dedupe, queue mode) keep their sections between markers.
		const kept = markedSections();
		fs.writeFileSync(FILE, [results, ...kept].join('\n') + (kept.length ? '\n' : ''));
		console.log('\nWritten to bench/RESULTS.md');
	} finally {
		await sim.stop();
	}
})().catch((error) => {
	console.error(error);
	process.exit(1);
});
