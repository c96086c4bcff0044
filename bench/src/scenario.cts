// One benchmark scenario, in a process of its own so that its peak memory is its own. Prints one JSON line:
// {wallMs, peakRssMb, peakHeapMb, items}. Usage: node bench/build/scenario.cjs '<json>' with
// {name, base (the simulator's LoyaltyLion base URL), count}.
import type { INode } from 'n8n-workflow';
import { Agent, request } from 'undici';
import { LIST_PAGE_SIZE, POINTS_CUSTOMERS } from './fixtures.cjs';
import { load } from './harness.cjs';

/** What the parent sends: the scenario, the simulator's LoyaltyLion base URL and, for (b), the item count. */
export interface ScenarioConfig {
	name: ScenarioName;
	base: string;
	count?: number;
}

/** The scenario's figures, the one line it prints. */
export interface ScenarioResult {
	wallMs: number;
	peakRssMb: number;
	peakHeapMb: number;
	items: number;
}

export type ScenarioName =
	| 'node-list'
	| 'http-node-list'
	| 'bare-list'
	| 'node-points'
	| 'http-node-points'
	| 'bare-points';

const config = JSON.parse(process.argv[2]) as ScenarioConfig;
const count = config.count ?? 0;
const STORE = { token: 'll-demo-token', secret: 'll-demo-site-secret' };
const BASIC = `Basic ${Buffer.from(`${STORE.token}:${STORE.secret}`).toString('base64')}`;

let peakRss = 0;
let peakHeap = 0;
const sample = () => {
	const m = process.memoryUsage();
	peakRss = Math.max(peakRss, m.rss);
	peakHeap = Math.max(peakHeap, m.heapUsed);
};

function engineWithStore() {
	const { Engine } = load('engine');
	// Without the test suite's secret scan of every run's output: that is test tooling, not the node.
	const engine = new Engine({ scanSecrets: false });
	// The simulator's rate limit is lifted for the benchmark; the credential says so too.
	const credentials = engine.addCredential('bench', 'loyaltyLionApi', {
		...STORE,
		apiBaseUrl: `${config.base}/v2`,
		requestsPerSecond: 1_000_000,
	});
	return { engine, credentials };
}

const scenarios: Record<ScenarioName, (warm: boolean) => Promise<number>> = {
	/** (a) our node: Customer → Get Many, Return All. */
	async 'node-list'(warm) {
		const { engine, credentials } = engineWithStore();
		const scope = warm ? { returnAll: false, limit: 1 } : { returnAll: true };
		const { items, error } = await engine.runNode({
			type: 'loyaltyLion',
			credentials,
			parameters: {
				authentication: 'apiToken',
				resource: 'customer',
				operation: 'getMany',
				...scope,
			},
		});
		if (error) throw new Error(error.message);
		return items.length;
	},
	/** (a) n8n's HTTP Request node with cursor pagination, then Split Out to get one item per customer. */
	async 'http-node-list'(warm) {
		const { engine, credentials } = engineWithStore();
		const http: INode = {
			id: 'http',
			name: 'HTTP Request',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			position: [200, 0],
			credentials: { loyaltyLionApi: credentials.ref },
			parameters: {
				method: 'GET',
				url: `${config.base}/v2/customers`,
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
							limitPagesFetched: Boolean(warm),
							maxRequests: 1,
						},
					},
				},
			},
		};
		const split: INode = {
			id: 'split',
			name: 'Split Out',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [400, 0],
			parameters: { fieldToSplitOut: 'customers', options: {} },
		};
		const start: INode = {
			id: 'start',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		};
		const run = await engine.run(
			{
				nodes: [start, http, split],
				connections: {
					Start: { main: [[{ node: 'HTTP Request', type: 'main', index: 0 }]] },
					'HTTP Request': { main: [[{ node: 'Split Out', type: 'main', index: 0 }]] },
				},
			},
			{ pinData: { Start: [{ json: {} }] } },
		);
		if (run.data.resultData.error) throw new Error(run.data.resultData.error.message);
		return run.data.resultData.runData['Split Out'][0].data!.main[0]!.length;
	},
	/** (a) the floor: a bare undici loop following the same cursor. */
	async 'bare-list'(warm) {
		const agent = new Agent({ keepAliveTimeout: 10_000 });
		const out: unknown[] = [];
		let cursor: string | undefined;
		do {
			const qs = cursor ? `cursor=${cursor}&limit=${LIST_PAGE_SIZE}` : `limit=${LIST_PAGE_SIZE}`;
			const res = await request(`${config.base}/v2/customers?${qs}`, {
				headers: { authorization: BASIC, accept: 'application/json' },
				dispatcher: agent,
			});
			if (res.statusCode !== 200) throw new Error(`HTTP ${res.statusCode}`);
			const body = (await res.body.json()) as {
				customers: unknown[];
				cursor: { next?: string };
			};
			for (const customer of body.customers) out.push(customer);
			cursor = warm ? undefined : body.cursor.next;
		} while (cursor);
		await agent.close();
		return out.length;
	},
	/** (b) our node: Points → Add for every input item. */
	async 'node-points'(warm) {
		const { engine, credentials } = engineWithStore();
		const items = Array.from({ length: warm ? 1 : count }, (_, i) => ({
			id: `cust-${(i % POINTS_CUSTOMERS) + 1}`,
		}));
		const result = await engine.runNode({
			type: 'loyaltyLion',
			credentials,
			items,
			parameters: {
				authentication: 'apiToken',
				resource: 'points',
				operation: 'add',
				merchantId: '={{ $json.id }}',
				points: 1,
				reason: 'bench',
			},
		});
		if (result.error) throw new Error(result.error.message);
		return result.items.length;
	},
	/** (b) n8n's HTTP Request node sending the same POST for every item. */
	async 'http-node-points'(warm) {
		const { engine, credentials } = engineWithStore();
		const items = Array.from({ length: warm ? 1 : count }, (_, i) => ({
			id: `cust-${(i % POINTS_CUSTOMERS) + 1}`,
		}));
		const http: INode = {
			id: 'http',
			name: 'HTTP Request',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			position: [200, 0],
			credentials: { loyaltyLionApi: credentials.ref },
			parameters: {
				method: 'POST',
				url: `=${config.base}/v2/customers/{{ $json.id }}/points`,
				authentication: 'predefinedCredentialType',
				nodeCredentialType: 'loyaltyLionApi',
				sendBody: true,
				specifyBody: 'json',
				jsonBody: '{"points": 1, "reason": "bench"}',
				options: {},
			},
		};
		const start: INode = {
			id: 'start',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		};
		const run = await engine.run(
			{
				nodes: [start, http],
				connections: { Start: { main: [[{ node: 'HTTP Request', type: 'main', index: 0 }]] } },
			},
			{ pinData: { Start: items.map((json) => ({ json })) } },
		);
		if (run.data.resultData.error) throw new Error(run.data.resultData.error.message);
		return run.data.resultData.runData['HTTP Request'][0].data!.main[0]!.length;
	},
	/** (b) the floor: the same POSTs, one after the other, from a bare undici loop. */
	async 'bare-points'(warm) {
		const agent = new Agent({ keepAliveTimeout: 10_000 });
		let done = 0;
		for (let i = 0; i < (warm ? 1 : count); i++) {
			const res = await request(
				`${config.base}/v2/customers/cust-${(i % POINTS_CUSTOMERS) + 1}/points`,
				{
					method: 'POST',
					headers: {
						authorization: BASIC,
						'content-type': 'application/json',
						accept: 'application/json',
					},
					body: JSON.stringify({ points: 1, reason: 'bench' }),
					dispatcher: agent,
				},
			);
			await res.body.dump();
			if (res.statusCode !== 201) throw new Error(`HTTP ${res.statusCode}`);
			done++;
		}
		await agent.close();
		return done;
	},
};

(async () => {
	// A running n8n has loaded its modules and run executions before: warm up with one small untimed run of
	// the same scenario (every scenario, the bare loop too), then report memory as the peak above this baseline.
	await scenarios[config.name](true);
	// Tell the parent the warm-up is done (it resets the simulator's counters) and wait for its go.
	process.stdout.write('READY\n');
	await new Promise((resolve) => process.stdin.once('data', resolve));
	process.stdin.pause();
	globalThis.gc?.();
	const baseline = process.memoryUsage();
	peakRss = baseline.rss;
	peakHeap = baseline.heapUsed;
	const timer = setInterval(sample, 10);
	const started = process.hrtime.bigint();
	const items = await scenarios[config.name](false);
	const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
	sample();
	clearInterval(timer);
	const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
	process.stdout.write(
		JSON.stringify({
			wallMs,
			peakRssMb: mb(peakRss - baseline.rss),
			peakHeapMb: mb(peakHeap - baseline.heapUsed),
			items,
		}) + '\n',
	);
	process.exit(0);
})().catch((error) => {
	process.stderr.write(`${(error as Error).stack}\n`);
	process.exit(1);
});
