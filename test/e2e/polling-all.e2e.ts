/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- an end-to-end test that drives a real n8n process, never loaded by n8n */
// Three other polling triggers in a real n8n: Loyalistic, Loyalife and Frederick (Cardlytics, which re-reads
// a window of daily files, has its own: cardlytics-trigger.e2e.ts),
// each in an active workflow polling every minute and posting what it receives to the simulator's recorder.
// The first poll delivers what changed since Start From, a later poll only what changed after it; nothing twice.
// (Persistence across an n8n restart is proven for the shared polling core in polling.e2e.ts.)
// Loyalife's workflow is the shipped example examples/loyalife-new-transactions.json itself (no Start From:
// it starts from activation), with a Record node after its last node.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
	ensureRuntime,
	freePort,
	preparedInstance,
	startSandbox,
	demoCredentials,
	type N8nInstance,
	type Simulator,
} from './harness';
import { recordingPollWorkflow, waitFor as waitUntil, type Workflow } from './rest';

let sim: Simulator;
let n8n: N8nInstance;
const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** What each workflow posted to the recorder: source → keys, in order. */
const received = (): Record<string, Array<string | undefined>> => {
	const out: Record<string, Array<string | undefined>> = {};
	// What the Record nodes post.
	for (const r of sim.recorded as Array<{ source: string; key: string }>)
		(out[r.source] ??= []).push(r.source === 'loyalife' ? loyalifeId(r.key) : r.key);
	return out;
};

function workflow(
	id: string,
	source: string,
	type: string,
	credentialType: string,
	parameters: Record<string, unknown>,
	keyExpression: string,
): Workflow {
	const credential = demoCredentials(sim.baseUrl).find((c) => c.type === credentialType);
	if (!credential) throw new Error(`the simulator has no ${credentialType} demo credential`);
	return recordingPollWorkflow({
		id,
		name: `${source} polling (e2e)`,
		type,
		credentialType,
		credential,
		parameters,
		recordUrl: `${sim.url}/__control/record`,
		source,
		keyExpression,
	});
}

/** Waits for `check`, showing what was received, the requests and n8n's log if it times out. */
const waitFor = (check: () => boolean, what: string, timeoutMs: number) =>
	waitUntil(
		check,
		what,
		timeoutMs,
		() =>
			`received ${JSON.stringify(received())}; requests ${JSON.stringify(sim.stats.requests)}; n8n log: ${n8n.log.slice(-1500)}`,
	);

/** The shipped Loyalife trigger example, its last node followed by a Record node. */
function loyalifeExample(): Workflow {
	const example = JSON.parse(
		fs.readFileSync(
			path.join(__dirname, '..', '..', 'examples', 'loyalife-new-transactions.json'),
			'utf8',
		),
	) as Workflow;
	const record = workflow(
		'unused',
		'loyalife',
		'loyalifeTrigger',
		'loyalifeApi',
		{},
		'$json.ExternalReference',
	).nodes[1];
	const last = example.nodes.find((n) => n.type === 'n8n-nodes-base.noOp')?.name;
	if (!last) throw new Error('the Loyalife example has no No Op node');
	example.nodes.push({ ...record, position: [480, 0] });
	example.connections[last] = { main: [[{ node: 'Record', type: 'main', index: 0 }]] };
	return example;
}

async function insertTransaction(id: string): Promise<void> {
	const credential = demoCredentials(sim.baseUrl).find((x) => x.type === 'loyalifeApi');
	if (!credential) throw new Error('the simulator has no loyalifeApi demo credential');
	const c = credential.data as {
		baseUrl: string;
		clientId: string;
		clientSecret: string;
		programId: string;
	};
	const token = (await (
		await fetch(`${c.baseUrl}/lbms-ingress/oauth/api/Auth/Token`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({
				grant_type: 'client_credentials',
				client_id: c.clientId,
				client_secret: c.clientSecret,
			}),
		})
	).json()) as { results: { token: string } };
	const answer = await fetch(
		`${c.baseUrl}/lbms-ingress/transaction-lm/API/Transaction/InsertTransactionData?pintProgramId=${c.programId}`,
		{
			method: 'POST',
			headers: {
				'Content-Type': 'application/json',
				Authorization: `bearer ${token.results.token}`,
			},
			body: JSON.stringify({
				transaction_id: id,
				amount: 100,
				transaction_date: dayOf(Date.now()),
				product_code: 'CARD',
				member_relation_reference: 'MEM0002',
				transaction_type: 'DR',
			}),
		},
	);
	expect(answer.status).toBe(200);
}
/** The client's transaction_id of a delivered Loyalife summary record, by its ExternalReference. */
const loyalifeId = (externalReference: string): string | undefined =>
	sim.instances.loyalife.state.transactions.find((t) => t.ExternalReference === externalReference)
		?.TransactionId;
/** A record of the simulator's seed: missing, the test fails here. */
const seeded = <K, V>(records: Map<K, V>, key: K): V => {
	const record = records.get(key);
	if (!record) throw new Error(`The simulator has no record ${String(key)}`);
	return record;
};
const touchLoyalistic = (id: number, at: string) =>
	(seeded(sim.instances.loyalistic.state.contacts, id).updatedAt = at);
const touchFrederick = (id: string, at: string) =>
	(seeded(sim.instances.frederick.state.contacts, id).updated_at = at);

beforeAll(async () => {
	const runtime = await ensureRuntime({ log: (line) => process.stdout.write(line + '\n') });
	sim = await startSandbox({ port: 0 });
	const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
	const workflows = [
		workflow(
			'E2ePollLoyalist1',
			'loyalistic',
			'loyalisticTrigger',
			'loyalisticOAuth2Api',
			{ event: 'contactUpdated', options: { startFrom: hourAgo } },
			'$json.id',
		),
		loyalifeExample(),
		workflow(
			'E2ePollFrederic1',
			'frederick',
			'frederickTrigger',
			'frederickApi',
			{
				locationId: { __rl: true, mode: 'id', value: 'loc_1' },
				event: 'contactUpdated',
				simplify: true,
				options: { startFrom: hourAgo },
			},
			'$json.id',
		),
	];
	n8n = await preparedInstance({ runtime, sim, demoCredentials, name: 'polling-all', workflows });
}, 900_000);

afterAll(async () => {
	await n8n?.stop();
	await sim?.stop();
});

test('Loyalistic, Loyalife and Frederick triggers: each change delivered once, first from Start From (Loyalife: the shipped example, from activation), then as it happens', async () => {
	const halfHourAgo = new Date(Date.now() - 1_800_000).toISOString();
	touchLoyalistic(5, halfHourAgo);
	touchLoyalistic(6, halfHourAgo);
	await insertTransaction('E2E-POLL-1');
	const frederickId: string = [...sim.instances.frederick.state.contacts.keys()][4];
	touchFrederick(frederickId, halfHourAgo);
	await n8n.start({ port: await freePort() });

	const expectedFirst: Record<string, string[]> = {
		loyalistic: ['5', '6'],
		frederick: [frederickId],
	};
	// The example has no Start From: its first poll (every watched member asked) marks what exists as seen,
	// E2E-POLL-1 (recorded before activation) included.
	const summaries = () =>
		sim.stats.log.filter((r) => r.path.endsWith('GetMemberTransactionSummaryByDate'));
	await waitFor(
		() =>
			Object.entries(expectedFirst).every(
				([source, keys]) => (received()[source] ?? []).length >= keys.length,
			) &&
			['MEM0001', 'MEM0002', 'MEM0003'].every((m) =>
				summaries().some((r) => r.body?.RelationReference === m && r.status === 200),
			),
		'the first polls',
		180_000,
	);

	touchLoyalistic(7, new Date().toISOString());
	await insertTransaction('E2E-POLL-2');
	const frederickId2: string = [...sim.instances.frederick.state.contacts.keys()][5];
	touchFrederick(frederickId2, new Date().toISOString());
	await waitFor(
		() =>
			(received().loyalistic ?? []).length >= 3 &&
			(received().loyalife ?? []).length >= 1 &&
			(received().frederick ?? []).length >= 2,
		'a later poll of each',
		180_000,
	);
	// One more minute: nothing arrives twice.
	await new Promise((r) => setTimeout(r, 65_000));
	expect(received()).toEqual({
		loyalistic: ['5', '6', '7'],
		loyalife: ['E2E-POLL-2'],
		frederick: [frederickId, frederickId2],
	});
}, 900_000);
