/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- an end-to-end test that drives a real n8n process, never loaded by n8n */
// End to end in a real n8n process: the packed tarball installed as a community package into a fresh n8n
// user folder, the simulator's credentials imported with `n8n import:credentials`, every example workflow
// imported and executed with the n8n CLI, outputs checked against what the simulator holds, and n8n's own
// token storage observed across executions.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
	ensureRuntime,
	N8nInstance,
	instanceWithPack,
	startSandbox,
	demoCredentials,
	must,
	type Simulator,
} from './harness';
import type { Item, Run, TaskData } from './rest';

const ROOT = path.resolve(__dirname, '../..');
const EXAMPLES = path.join(ROOT, 'examples');
let sim: Simulator;
let n8n: N8nInstance;

/** The output items of one node in the result of `n8n execute --rawOutput`. */
function output(
	run: Run | undefined,
	nodeName: string,
): { items: Item[]; error: TaskData['error'] } {
	const task = run?.data?.resultData?.runData?.[nodeName]?.[0];
	return {
		items: (task?.data?.main ?? []).flat().filter((item): item is Item => Boolean(item)),
		error: task?.error,
	};
}

async function executeExample(file: string): Promise<Run> {
	const workflow = JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8')) as { id: string };
	const result = await n8n.execute(workflow.id);
	if (result.code !== 0 || !result.run) {
		throw new Error(
			`n8n execute ${file} exited ${result.code}:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-2000)}`,
		);
	}
	const run = result.run as Run;
	expect(run.data.resultData.error).toBeUndefined();
	return run;
}

beforeAll(async () => {
	const runtime = await ensureRuntime({ log: (line) => process.stdout.write(line + '\n') });
	sim = await startSandbox({ port: 0 });
	const home = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-loyalty-e2e-'));
	n8n = instanceWithPack({ runtime, name: 'examples', home });
	expect(
		fs.existsSync(
			path.join(
				home,
				'.n8n',
				'nodes',
				'node_modules',
				'n8n-nodes-loyalty',
				'dist',
				'nodes',
				'Cardlytics',
				'Cardlytics.node.js',
			),
		),
	).toBe(true);
	// Installed as users install it: no runtime dependencies came along.
	expect(fs.existsSync(path.join(home, '.n8n', 'nodes', 'node_modules', 'n8n-workflow'))).toBe(
		false,
	);
	await n8n.importCredentials(demoCredentials(sim.baseUrl));
	await n8n.importWorkflows(EXAMPLES);
}, 900_000);

afterAll(async () => {
	await sim?.stop();
});

beforeEach(() => sim.stats.reset());

describe('example workflows in a real n8n (CLI)', () => {
	test('Cardlytics: publish an offer, report rows; a second execution reuses the token n8n stored', async () => {
		const run = await executeExample('cardlytics-offer-report.json');
		const rows = output(run, 'Performance report').items;
		// One row per offer asked for, under the report's own column names.
		expect(rows).toHaveLength(1);
		expect(Object.keys(rows[0].json)).toEqual([
			'Partner Merchant Id',
			'Partner Offer Id',
			'Impressions',
			'Purchases',
			'Revenue',
			'Reach',
			'Activations',
		]);
		expect(rows[0].json).toMatchObject({
			'Partner Merchant Id': 'blue-bottle',
			'Partner Offer Id': 'spring-10',
		});
		expect(sim.instances.cardlytics.state.offers.has('blue-bottle/spring-10')).toBe(true);
		expect(sim.stats.tokens.cardlytics).toBe(1);
		await executeExample('cardlytics-offer-report.json');
		expect(sim.stats.tokens.cardlytics).toBe(1);
		expect(sim.requestsTo('cardlytics', 'PUT', '/api/v1/partner/merchants/:merchantId')).toBe(2);
	});

	test('LoyaltyLion: nightly sync shapes all 5,000 customers as rows', async () => {
		const run = await executeExample('loyaltylion-customer-sync.json');
		const rows = output(run, 'Rows for the sheet').items;
		expect(rows).toHaveLength(5000);
		expect(rows[0].json).toEqual({
			email: 'shopper5000@example.com',
			points: expect.any(Number),
			tier: 'Bronze',
			blocked: false,
		});
		expect(sim.requestsTo('loyaltylion', 'GET', '/v2/customers')).toBe(10);
	});

	test('LoyaltyLion: a paid order earns points and a bonus', async () => {
		const cust42 = () =>
			must(sim.instances.loyaltylion.state.byMerchantId.get('cust-42'), 'cust-42');
		const before = cust42().points_approved;
		const run = await executeExample('loyaltylion-points-for-order.json');
		expect(output(run, 'Bonus points').items[0].json).toEqual({
			merchantId: 'cust-42',
			points: 50,
			reason: 'Thanks for your order',
			status: 201,
		});
		expect(cust42().points_approved).toBe(before + 64 + 50);
	});

	test('Loyalife: upsert a member then record a purchase as a batch and wait for its points; the stored token serves the second execution', async () => {
		const run = await executeExample('loyalife-member-upsert-transaction.json');
		expect(output(run, 'Create member').items[0].json).toMatchObject({
			relationReference: 'SHOP-0001',
			created: true,
			status: '1',
		});
		// A purchase is DR (it earns points); the batch's outcome is each item's own: applied, with its points.
		expect(output(run, 'Record purchase').items[0].json).toMatchObject({
			transaction_id: 'POS-77001',
			transaction_type: 'dr',
			status: 'applied',
			points: 125,
		});
		const earned = () =>
			sim.instances.loyalife.state.transactions.filter((t) => t.TransactionId === 'POS-77001');
		expect(earned()).toEqual([expect.objectContaining({ TransactionType: 'DR', Points: 125 })]);
		expect(sim.stats.tokens.loyalife).toBe(1);
		const second = await n8n.execute('ExXlUpsertTx0001');
		const secondRun = second.run as Run | undefined;
		// The member now exists (no create); the same purchase sent again carries the same idempotency key, so
		// a program that enforces the key (the simulator's demo program, assumed) does not count it twice; and
		// no new token was needed.
		expect(output(secondRun, 'Create member').items).toHaveLength(0);
		expect(output(secondRun, 'Record purchase').items[0].json).toMatchObject({
			transaction_id: 'POS-77001',
			status: 'applied',
		});
		expect(earned()).toHaveLength(1);
		expect(sim.stats.tokens.loyalife).toBe(1);
	});

	test('Loyalife: redeem points after a balance check, then reverse the redemption when fulfilment fails', async () => {
		const before = sim.instances.loyalife.pointsOf('MEM0003');
		const run = await executeExample('loyalife-redeem-and-reverse.json');
		const redeemed = output(run, 'Redeem points').items[0].json;
		expect(redeemed).toMatchObject({
			relationReference: 'MEM0003',
			points: 40,
			balanceBefore: before,
		});
		expect(redeemed.externalReference).toMatch(/^[0-9A-F-]{36}$/);
		expect(output(run, 'Reverse redemption').items[0].json).toMatchObject({
			reversed: true,
			ExternalReference: redeemed.externalReference,
		});
		const redemption = sim.instances.loyalife.state.redemptions.get(redeemed.externalReference);
		expect(redemption).toMatchObject({ Points: 40, Reversed: true });
		expect(sim.instances.loyalife.pointsOf('MEM0003')).toBe(before);
		const calls = sim.stats.log
			.filter((r) => r.provider === 'loyalife' && r.path.includes('/PG/'))
			.map((r) => r.path.split('/').at(-1));
		expect(calls).toEqual(['CheckAvailability', 'RedeemPoints', 'ReversalPoints']);
	});

	test('Loyalistic: contacts onto a list, with activities; one token across two executions', async () => {
		const run = await executeExample('loyalistic-contacts-to-list.json');
		expect(output(run, 'Record activity').items).toHaveLength(5);
		expect(must(sim.instances.loyalistic.state.lists.get(1), 'list 1').contactIds.size).toBe(5);
		await executeExample('loyalistic-contacts-to-list.json');
		expect(sim.stats.tokens.loyalistic).toBe(1);
		const tokenCall = must(
			sim.stats.log.find((r) => r.route === '/token'),
			'the token request',
		);
		expect(tokenCall.headers.authorization).toMatch(/^Basic /);
	});

	test('Frederick: a sync run with a batch answered 202 and polled to completion', async () => {
		const run = await executeExample('frederick-sync-services.json');
		const synced = output(run, 'Batch sync services').items;
		expect(synced).toHaveLength(8);
		expect(synced[0].json).toMatchObject({
			external_id: 'svc-0',
			accepted: 202,
			batch: { status: 'complete', created: 8 },
		});
		expect(output(run, 'Finish sync run').items).toHaveLength(1);
		expect(
			sim.instances.frederick.state.syncRuns.map((r: { sync_status: string }) => r.sync_status),
		).toEqual(['started', 'finished']);
		expect(sim.stats.log.every((r) => r.headers['x-api-key'] === 'fred-demo-api-key')).toBe(true);
	});
});
