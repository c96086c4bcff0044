/* eslint-disable @n8n/community-nodes/no-restricted-globals -- an end-to-end test that drives a real n8n process, never loaded by n8n */
// The LoyaltyLion Polling Trigger in a real n8n: an active workflow polling every minute (n8n's
// shortest interval) gives each customer change to the next node exactly once, across polls and across an n8n
// restart, because n8n persists the trigger's mark in the workflow's static data. Each delivered customer gets
// an activity recorded through the LoyaltyLion node (which, unlike points, does not itself change the
// customer), so the simulator's activity log counts deliveries. Waiting is bounded (a few poll intervals).
import {
	ensureRuntime,
	freePort,
	preparedInstance,
	startSandbox,
	demoCredentials,
	type N8nInstance,
	type Simulator,
} from './harness';
import { waitFor, type Workflow } from './rest';

const WORKFLOW_ID = 'E2eLlPollingWf01';
let sim: Simulator;
let n8n: N8nInstance;
let port: number;

const touch = (ids: number[], at: string): void => {
	for (const id of ids) {
		const customer = sim.instances.loyaltylion.state.byMerchantId.get(`cust-${id}`);
		if (!customer) throw new Error(`The simulator has no customer cust-${id}`);
		customer.updated_at = at;
	}
};
/** Activities recorded per customer, as the simulator received them. */
const awarded = (): Record<string, number> => {
	const counts: Record<string, number> = {};
	const activities: Array<{ name: string; customer_id: string }> =
		sim.instances.loyaltylion.state.activities;
	for (const a of activities)
		if (a.name === 'polled') counts[a.customer_id] = (counts[a.customer_id] ?? 0) + 1;
	return counts;
};

beforeAll(async () => {
	const runtime = await ensureRuntime({ log: (line) => process.stdout.write(line + '\n') });
	sim = await startSandbox({ port: 0 });
	const credential = demoCredentials(sim.baseUrl).find((c) => c.type === 'loyaltyLionApi');
	if (!credential) throw new Error('the simulator has no loyaltyLionApi demo credential');
	const creds = { loyaltyLionApi: { id: credential.id, name: credential.name } };
	const workflow: Workflow = {
		id: WORKFLOW_ID,
		name: 'LoyaltyLion polling (e2e)',
		nodes: [
			{
				id: 'poller',
				name: 'Customer changed',
				type: 'n8n-nodes-loyalty.loyaltyLionPollingTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {
					pollTimes: { item: [{ mode: 'everyMinute' }] },
					authentication: 'apiToken',
					event: 'customerUpdated',
					options: { startFrom: new Date(Date.now() - 3_600_000).toISOString() },
				},
				credentials: creds,
			},
			{
				id: 'activity',
				name: 'Record activity',
				type: 'n8n-nodes-loyalty.loyaltyLion',
				typeVersion: 1,
				position: [220, 0],
				parameters: {
					authentication: 'apiToken',
					resource: 'activity',
					operation: 'create',
					name: 'polled',
					customerId: '={{ $json.merchant_id }}',
					customerEmail: '={{ $json.email }}',
				},
				credentials: creds,
			},
		],
		connections: {
			'Customer changed': { main: [[{ node: 'Record activity', type: 'main', index: 0 }]] },
		},
		settings: {},
		active: false,
	};
	n8n = await preparedInstance({ runtime, sim, demoCredentials, name: 'polling', workflow });
	port = await freePort();
}, 900_000);

afterAll(async () => {
	await n8n?.stop();
	await sim?.stop();
});

test('each change is delivered once: the first poll (Start From), a later poll, and a poll after an n8n restart', async () => {
	touch([1, 2, 3], new Date(Date.now() - 1_800_000).toISOString());
	await n8n.start({ port });
	await waitFor(
		() => ['cust-1', 'cust-2', 'cust-3'].every((c) => awarded()[c] === 1),
		'the first poll to deliver cust-1..3',
		150_000,
	);

	touch([4, 5], new Date().toISOString());
	await waitFor(
		() => awarded()['cust-4'] === 1 && awarded()['cust-5'] === 1,
		'a later poll to deliver cust-4 and cust-5',
		150_000,
	);

	await n8n.stop();
	touch([6], new Date().toISOString());
	await n8n.start({ port });
	await waitFor(
		() => awarded()['cust-6'] === 1,
		'a poll after the restart to deliver cust-6',
		150_000,
	);

	// One more poll interval: nothing is delivered again.
	const polls = () => sim.stats.log.filter((r) => r.route === '/v2/customers').length;
	const before = polls();
	await waitFor(() => polls() > before, 'one more poll', 90_000);
	await new Promise((r) => setTimeout(r, 3_000));
	expect(awarded()).toEqual({
		'cust-1': 1,
		'cust-2': 1,
		'cust-3': 1,
		'cust-4': 1,
		'cust-5': 1,
		'cust-6': 1,
	});
}, 900_000);
