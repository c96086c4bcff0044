/* eslint-disable @n8n/community-nodes/no-restricted-globals -- an end-to-end test that drives a real n8n process, never loaded by n8n */
// The Cardlytics Trigger in a real n8n: an active workflow polling every minute re-reads the redemption files
// of the last 14 days on each poll. Cardlytics adds redemptions late to a file it does not name; the simulator
// stands for that by adding rows to past days' files between polls. Each late row must reach the next node
// exactly once: on the poll after it appears, not again when it shows up in another file, and not again after
// an n8n restart (n8n keeps the trigger's memory in the workflow's static data). Waiting is bounded.
import {
	ensureRuntime,
	freePort,
	preparedInstance,
	startSandbox,
	demoCredentials,
	type N8nInstance,
	type Simulator,
} from './harness';
import { recordingPollWorkflow, waitFor as waitUntil } from './rest';

const WORKFLOW_ID = 'E2eCdlxLateRows1';
const DAY = 86_400_000;
const daysAgo = (n: number): string => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);
let sim: Simulator;
let n8n: N8nInstance;
let port: number;

/** What the workflow passed on, as `transaction_id@fileDate`, in arrival order. */
const received = (): string[] =>
	// What the Record node posts.
	(sim.recorded as Array<{ source: string; key: string }>)
		.filter((r) => r.source === 'cardlytics')
		.map((r) => r.key);
const linkRequests = (): number =>
	sim.stats.log.filter((r) => r.route === '/api/v1/partner/redemptions').length;
const fileRequests = (): number =>
	sim.stats.log.filter((r) => r.route === '/files/redemptions/:file').length;
/** Waits for `check`, showing what was received and n8n's log if it times out. */
const waitFor = (check: () => boolean, what: string, timeoutMs: number) =>
	waitUntil(
		check,
		what,
		timeoutMs,
		() => `received ${JSON.stringify(received())}; n8n log: ${n8n.log.slice(-1500)}`,
	);
/** Waits for one whole poll (14 links and 14 files) after the requests counted so far. */
const nextPoll = async (what: string): Promise<void> => {
	const links = linkRequests();
	const files = fileRequests();
	await waitFor(() => linkRequests() >= links + 14 && fileRequests() >= files + 14, what, 150_000);
	// The poll's items go to the next node after its last file: give the execution a moment to record them.
	await new Promise((r) => setTimeout(r, 3_000));
};
const late = (date: string, transactionId: string) =>
	sim.instances.cardlytics.control.addRedemption({
		date,
		row: {
			transaction_id: transactionId,
			transaction_timestamp: new Date(Date.parse(`${date}T00:00:00Z`) - 9 * DAY).toISOString(),
		},
	});

beforeAll(async () => {
	const runtime = await ensureRuntime({ log: (line) => process.stdout.write(line + '\n') });
	sim = await startSandbox({ port: 0 });
	const credential = demoCredentials(sim.baseUrl).find((c) => c.type === 'cardlyticsOAuth2Api');
	if (!credential) throw new Error('the simulator has no cardlyticsOAuth2Api demo credential');
	const workflow = recordingPollWorkflow({
		id: WORKFLOW_ID,
		name: 'Cardlytics late redemptions (e2e)',
		type: 'cardlyticsTrigger',
		credentialType: 'cardlyticsOAuth2Api',
		credential,
		parameters: { event: 'redemption', windowDays: 14, options: {} },
		recordUrl: `${sim.url}/__control/record`,
		source: 'cardlytics',
		keyExpression: '$json.transaction_id + "@" + $json.fileDate',
	});
	n8n = await preparedInstance({
		runtime,
		sim,
		demoCredentials,
		name: 'cardlytics-trigger',
		workflow,
	});
	port = await freePort();
}, 900_000);

afterAll(async () => {
	await n8n?.stop();
	await sim?.stop();
});

test('a late row added to an earlier day is delivered once: not as history, not twice, not again after a restart', async () => {
	await n8n.start({ port });
	// The first poll (activation) reads the 14 files and delivers none of what they already hold.
	await nextPoll('the activation poll');
	expect(received()).toEqual([]);

	// Cardlytics reports a redemption late, into the file of five days ago.
	late(daysAgo(5), 'tx-late-e2e-1');
	await waitFor(() => received().length >= 1, 'the late row', 150_000);
	expect(received()).toEqual([`tx-late-e2e-1@${daysAgo(5)}`]);

	// The same redemption listed again, in yesterday's file: not delivered again.
	late(daysAgo(1), 'tx-late-e2e-1');
	await nextPoll('a poll after the repeat');
	await nextPoll('one more poll');
	expect(received()).toEqual([`tx-late-e2e-1@${daysAgo(5)}`]);

	// n8n stops; meanwhile another late row arrives in an older file. After the restart it is delivered, and
	// the rows delivered before the restart are not.
	await n8n.stop();
	late(daysAgo(8), 'tx-late-e2e-2');
	await n8n.start({ port });
	await waitFor(() => received().length >= 2, 'the late row after the restart', 150_000);
	await nextPoll('a poll after the restart');
	expect(received()).toEqual([`tx-late-e2e-1@${daysAgo(5)}`, `tx-late-e2e-2@${daysAgo(8)}`]);
}, 900_000);
