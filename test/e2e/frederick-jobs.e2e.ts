/* eslint-disable @n8n/community-nodes/no-restricted-globals -- an end-to-end test that drives a real n8n process, never loaded by n8n */
// Frederick background jobs in a real n8n (CLI): a batch sync Frederick runs as a background job is polled
// until it ends. A job that ends in "error" fails the execution at once with the job's reasons (not after the
// 300 s timeout, with no reason); a job that completes gives the result its 303 leads to. The workflow is
// imported and executed with `n8n execute`, as users' workflows run.
import {
	ensureRuntime,
	preparedInstance,
	startSandbox,
	demoCredentials,
	must,
	type N8nInstance,
	type Simulator,
	type DemoCredential,
} from './harness';
import { manualWorkflow, executeOrThrow, taskOf, type Run, type Workflow } from './rest';

const WORKFLOW_ID = 'E2eFredJobs00001';
const SYNC_NODE = 'Batch sync services';
let sim: Simulator;
let n8n: N8nInstance;

const services = Array.from({ length: 8 }, (_, i) => ({
	external_id: `e2e-svc-${i}`,
	name: `Service ${i}`,
	duration: 30,
}));

function workflow(credential: DemoCredential): Workflow {
	const creds = { frederickApi: { id: credential.id, name: credential.name } };
	return manualWorkflow({
		id: WORKFLOW_ID,
		name: 'Frederick background job (e2e)',
		nodes: [
			{
				id: 'services',
				name: 'Services',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [220, 0],
				parameters: { mode: 'raw', jsonOutput: JSON.stringify({ services }), options: {} },
			},
			{
				id: 'split',
				name: 'One item per service',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [440, 0],
				parameters: { fieldToSplitOut: 'services', options: {} },
			},
			{
				id: 'sync',
				name: SYNC_NODE,
				type: 'n8n-nodes-loyalty.frederick',
				typeVersion: 1,
				position: [660, 0],
				// The default timeout (300 s) stays: a failed job must not wait for it.
				parameters: {
					resource: 'sync',
					operation: 'batchSync',
					locationId: { __rl: true, mode: 'id', value: 'loc_1' },
					kind: 'services',
					externalId: '={{ $json.external_id }}',
					attributes: '={{ JSON.stringify($json) }}',
					options: { pollInterval: 1 },
				},
				credentials: creds,
			},
		],
		connections: {
			Start: { main: [[{ node: 'Services', type: 'main', index: 0 }]] },
			Services: { main: [[{ node: 'One item per service', type: 'main', index: 0 }]] },
			'One item per service': { main: [[{ node: SYNC_NODE, type: 'main', index: 0 }]] },
		},
		settings: {},
	});
}

/** The sync node's task in the result of `n8n execute --rawOutput`. */
const syncTask = (run: Run | undefined) => taskOf(run, SYNC_NODE);

const jobPolls = () =>
	sim.stats.log.filter((r) => r.route === '/v2/locations/:locationId/background_jobs/:id');

beforeAll(async () => {
	const runtime = await ensureRuntime({ log: (line: string) => process.stdout.write(line + '\n') });
	sim = await startSandbox({ port: 0 });
	const credential = must(
		demoCredentials(sim.baseUrl).find((c) => c.type === 'frederickApi'),
		'the frederickApi demo credential',
	);
	n8n = await preparedInstance({
		runtime,
		sim,
		demoCredentials,
		name: 'fredjobs',
		workflow: workflow(credential),
		activate: false,
	});
}, 900_000);

afterAll(async () => {
	await sim?.stop();
});

beforeEach(() => {
	sim.stats.reset();
	sim.instances.frederick.control.resetJobs();
});

test('a job that ends in "error" fails the execution at once, with the job\'s reasons in the error', async () => {
	sim.instances.frederick.control.failJobs({
		count: 1,
		field: 'errors',
		reasons: ['duration must be a whole number of minutes', 'e2e-svc-3: name is taken'],
	});
	const result = await n8n.execute(WORKFLOW_ID);
	expect(result.code).not.toBe(0);
	expect(result.run).toBeDefined();
	const { task, error, items } = syncTask(result.run);
	expect(items).toHaveLength(0);
	expect(error?.message).toMatch(
		/^Frederick's background job job_[0-9a-f]+ ended in "error": duration must be a whole number of minutes; e2e-svc-3: name is taken \(item 0\)$/,
	);
	expect(result.run?.data.resultData.error?.message).toBe(error?.message);
	// Failed at the poll that reported the error: the simulator's job ends on its second poll, 1 s apart (the field's minimum).
	expect(task?.executionTime).toBeLessThan(10_000);
	expect(jobPolls()).toHaveLength(2);
	expect(sim.instances.frederick.state.synced.get('loc_1/services')?.has('e2e-svc-0')).toBeFalsy();
});

test('a job that ends in "error" with its reasons in messages: the execution fails naming them', async () => {
	sim.instances.frederick.control.failJobs({
		count: 1,
		field: 'messages',
		reasons: ['the data source is paused'],
	});
	const result = await n8n.execute(WORKFLOW_ID);
	expect(result.code).not.toBe(0);
	const { items, error } = syncTask(result.run);
	expect(items).toHaveLength(0);
	expect(error?.message).toMatch(
		/^Frederick's background job job_[0-9a-f]+ ended in "error": the data source is paused \(item 0\)$/,
	);
});

test('a job that completes gives the result its 303 leads to', async () => {
	const run = await executeOrThrow(n8n, WORKFLOW_ID);
	expect(run.data.resultData.error).toBeUndefined();
	const { items } = syncTask(run);
	expect(items).toHaveLength(8);
	expect(items[0].json).toEqual({
		external_id: 'e2e-svc-0',
		kind: 'services',
		accepted: 202,
		batch: { status: 'complete', kind: 'services', received: 8, created: 8, updated: 0 },
	});
	expect(jobPolls()).toHaveLength(2);
	expect(
		sim.requestsTo('frederick', 'GET', '/v2/locations/:locationId/background_jobs/:id/result'),
	).toBe(1);
	expect(
		must(sim.instances.frederick.state.synced.get('loc_1/services'), 'the synced services').size,
	).toBe(8);
});
