// Polling triggers, through n8n-core's PollContext with static data saved and reloaded between
// polls as n8n does: exactly once across polls, the boundary instant, late records, a failed page, a burst.
import { sleep, type IDataObject, type INodeParameters } from 'n8n-workflow';
import { Engine, useSandbox, type CredentialRef, type FaultSpec } from './harness';
import { pollingTrigger } from './harness/polling';
import { demoCredentials } from './harness/sandbox';

/** The Cardlytics Trigger's static data: the keys seen per file day (beside the rest). */
interface CardlyticsState extends IDataObject {
	seen: Record<string, string[]>;
}
/** A Loyalife GetMemberTransactionSummaryByDate request body. */
interface SummaryRequest {
	RelationReference: string;
	DateFrom: string;
	DateTo: string;
}

const box = useSandbox({ loyaltylion: { customers: 12_000 } });
const lion = () => box.sim.instances.loyaltylion;

function trigger(parameters: INodeParameters = {}) {
	const engine = new Engine();
	const c = demoCredentials(box.sim.baseUrl).find((x) => x.type === 'loyaltyLionApi')!;
	const credentials = engine.addCredential(c.id, c.type, c.data as IDataObject, c.name);
	return pollingTrigger(engine, {
		type: 'loyaltyLionPollingTrigger',
		credentials,
		parameters: {
			authentication: 'apiToken',
			event: 'customerUpdated',
			options: {},
			...parameters,
		},
	});
}
/** Marks customers as updated at `at` (ISO), as a change in LoyaltyLion would; undone after each test. */
const originals = new Map<{ updated_at: string }, string>();
function touch(ids: number[], at: string) {
	for (const id of ids) {
		const customer = lion().state.byMerchantId.get(`cust-${id}`)!;
		if (!originals.has(customer)) originals.set(customer, customer.updated_at);
		customer.updated_at = at;
	}
}
afterEach(() => {
	for (const [customer, updatedAt] of originals) customer.updated_at = updatedAt;
	originals.clear();
});
const iso = (msFromNow: number) => new Date(Date.now() + msFromNow).toISOString();
const lists = () => box.sim.stats.log.filter((r) => r.route === '/v2/customers');

describe('LoyaltyLion Polling Trigger', () => {
	test('first poll starts from now (no history); each change is delivered once, oldest first; a quiet poll delivers nothing', async () => {
		const t = trigger();
		expect(await t.poll()).toEqual([]);
		const mark = Date.parse(t.state()?.mark as string);
		expect(Math.abs(mark - Date.now())).toBeLessThan(5_000);
		touch([11], iso(1_000));
		touch([12], iso(2_000));
		touch([10], iso(3_000));
		const first = await t.poll();
		expect(first.map((c) => c.merchant_id)).toEqual(['cust-11', 'cust-12', 'cust-10']);
		// The request asked from the mark minus the overlap window, with the filter LoyaltyLion documents.
		const asked = lists().at(-1)!.query;
		expect(Date.parse(asked.updated_at_min)).toBe(mark - 60_000);
		expect(await t.poll()).toEqual([]);
		touch([12], iso(4_000));
		expect((await t.poll()).map((c) => c.merchant_id)).toEqual(['cust-12']);
	});

	test('records at the mark instant, and late ones inside the overlap window, are delivered once and never again', async () => {
		const t = trigger();
		await t.poll();
		const at = iso(1_000);
		touch([21], at);
		expect((await t.poll()).map((c) => c.merchant_id)).toEqual(['cust-21']);
		// Another record changed at the very same instant shows up only now.
		touch([22], at);
		expect((await t.poll()).map((c) => c.merchant_id)).toEqual(['cust-22']);
		// And one stamped 30 s before the mark (clock skew, slow replication), still inside the window.
		touch([23], new Date(Date.parse(at) - 30_000).toISOString());
		expect((await t.poll()).map((c) => c.merchant_id)).toEqual(['cust-23']);
		expect(await t.poll()).toEqual([]);
	});

	test('a page that fails mid-poll moves nothing; the next poll delivers every record exactly once', async () => {
		const t = trigger();
		await t.poll();
		const ids = Array.from({ length: 1_800 }, (_, k) => 3_000 + k);
		ids.forEach((id, k) => touch([id], iso(1_000 + k)));
		const before = t.state();
		box.sim.faults.add('loyaltylion', {
			type: 'status',
			status: 500,
			count: 50,
			skip: 2,
			path: '/v2/customers',
		});
		await expect(t.poll()).rejects.toThrow(/LoyaltyLion answered HTTP 500/);
		expect(t.state()).toEqual(before);
		box.sim.faults.clear();
		const delivered = await t.poll();
		expect(delivered).toHaveLength(1_800);
		expect(delivered.map((c) => c.merchant_id)).toEqual(ids.map((id) => `cust-${id}`));
		expect(await t.poll()).toEqual([]);
	});

	test('a burst of 10,000 changes: one poll pages through all of them (20 pages of 500) and emits them in order', async () => {
		const t = trigger();
		await t.poll();
		const ids = Array.from({ length: 10_000 }, (_, k) => 1_000 + k);
		ids.forEach((id, k) => touch([id], iso(1_000 + Math.floor(k / 10))));
		box.sim.stats.reset();
		const delivered = await t.poll();
		expect(delivered).toHaveLength(10_000);
		expect(new Set(delivered.map((c) => c.id)).size).toBe(10_000);
		const times = delivered.map((c) => Date.parse(c.updated_at as string));
		expect(times.every((v, k) => k === 0 || v >= times[k - 1])).toBe(true);
		expect(lists()).toHaveLength(20);
		expect(await t.poll()).toEqual([]);
	});

	test('Start From delivers the changes since then on the first poll; a manual test shows the latest without moving the mark', async () => {
		touch([50, 51], iso(-3_600_000));
		const t = trigger({ options: { startFrom: iso(-7_200_000) } });
		const manual = await t.poll('manual');
		expect(manual.length).toBeGreaterThan(0);
		expect(manual.length).toBeLessThanOrEqual(5);
		expect(t.state()).toBeUndefined();
		const first = await t.poll();
		expect(first.map((c) => c.merchant_id)).toEqual(expect.arrayContaining(['cust-50', 'cust-51']));
		expect(await t.poll()).toEqual([]);
	});

	test('orders: created and updated orders are delivered once', async () => {
		const t = trigger({ event: 'orderUpdated' });
		await t.poll();
		await sleep(5);
		const engine = new Engine();
		const c = demoCredentials(box.sim.baseUrl).find((x) => x.type === 'loyaltyLionApi')!;
		const credentials = engine.addCredential(c.id, c.type, c.data as IDataObject, c.name);
		const order = {
			authentication: 'apiToken',
			resource: 'order',
			operation: 'create',
			orderId: 'poll-1',
			customerId: 'cust-1',
			customerEmail: 'shopper1@example.com',
			total: '10.00',
			totalShipping: '0',
			paymentStatus: 'paid',
		};
		expect(
			(await engine.runNode({ type: 'loyaltyLion', credentials, parameters: order })).error,
		).toBeUndefined();
		expect((await t.poll()).map((o) => o.merchant_id)).toEqual(['poll-1']);
		expect(await t.poll()).toEqual([]);
	});
});

function poller(type: string, credentialType: string, parameters: INodeParameters = {}) {
	const engine = new Engine();
	const c = demoCredentials(box.sim.baseUrl).find((x) => x.type === credentialType)!;
	const credentials = engine.addCredential(c.id, c.type, c.data as IDataObject, c.name);
	return {
		engine,
		credentials,
		trigger: pollingTrigger(engine, {
			type,
			credentials,
			parameters: { options: {}, ...parameters },
		}),
	};
}

describe('Loyalistic Trigger', () => {
	const contacts = () => box.sim.instances.loyalistic.state.contacts;
	const saved = new Map<{ updatedAt: string }, string>();
	const touchContact = (id: number, at: string) => {
		const contact = contacts().get(id)!;
		if (!saved.has(contact)) saved.set(contact, contact.updatedAt);
		contact.updatedAt = at;
	};
	afterEach(() => {
		for (const [contact, at] of saved) contact.updatedAt = at;
		saved.clear();
	});

	test('new or updated contacts once each, oldest first; a failed page moves nothing', async () => {
		const { trigger: t } = poller('loyalisticTrigger', 'loyalisticOAuth2Api');
		expect(await t.poll()).toEqual([]);
		touchContact(7, iso(2_000));
		touchContact(5, iso(1_000));
		expect((await t.poll()).map((c) => c.id)).toEqual([5, 7]);
		const asked = box.sim.stats.log.filter((r) => r.route === '/v1/contacts').at(-1)!.query;
		expect(asked.updatedSince).toBeDefined();
		expect(await t.poll()).toEqual([]);
		for (let id = 100; id < 350; id++) touchContact(id, iso(3_000 + id));
		const before = t.state();
		box.sim.faults.add('loyalistic', {
			type: 'status',
			status: 503,
			count: 50,
			skip: 1,
			path: '/v1/contacts',
		});
		await expect(t.poll()).rejects.toThrow(/Loyalistic answered HTTP 503/);
		expect(t.state()).toEqual(before);
		box.sim.faults.clear();
		const delivered = await t.poll();
		expect(delivered.map((c) => c.id)).toEqual(Array.from({ length: 250 }, (_, k) => 100 + k));
		expect(await t.poll()).toEqual([]);
	});
});

describe('Loyalife Trigger', () => {
	const today = () => new Date().toISOString().slice(0, 10);
	const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
	const record = async (
		engine: Engine,
		credentials: CredentialRef,
		ids: string[],
		member = 'MEM0004',
		date = today(),
	) => {
		const parameters = {
			resource: 'transaction',
			operation: 'create',
			transactionId: '={{ $json.id }}',
			memberRelationReference: member,
			amount: 120,
			transactionDate: date,
			productCode: 'CARD',
			transactionType: 'DR',
		};
		const { error } = await engine.runNode({
			type: 'loyalife',
			credentials,
			parameters,
			items: ids.map((id) => ({ id })),
		});
		expect(error).toBeUndefined();
	};
	/** The client's transaction_id of a delivered summary record (the summary does not carry it). */
	const idOf = (r: IDataObject) =>
		box.sim.instances.loyalife.state.transactions.find(
			(t) => t.ExternalReference === r.ExternalReference,
		)?.TransactionId;

	test('a member Loyalife does not know (103) is skipped by the active trigger, the others delivered; Fetch Test Event names it', async () => {
		const {
			engine,
			credentials,
			trigger: t,
		} = poller('loyalifeTrigger', 'loyalifeApi', {
			members: 'MEM0020, NOSUCH-1, MEM0021',
		});
		expect(await t.poll()).toEqual([]);
		await record(engine, credentials, ['SKIP-1'], 'MEM0020');
		await record(engine, credentials, ['SKIP-2'], 'MEM0021');
		expect((await t.poll()).map(idOf).sort()).toEqual(['SKIP-1', 'SKIP-2']);
		await expect(t.poll('manual')).rejects.toThrow(
			'Loyalife does not know member NOSUCH-1 (ErrorCode 103, read as "member does not exist": assumed for this listing): check Member Relation References',
		);
	});

	test('a summary answer without Count fails the poll instead of stopping after page 1', async () => {
		const { trigger: t } = poller('loyalifeTrigger', 'loyalifeApi', { members: 'MEM0009' });
		box.sim.faults.add('loyalife', {
			type: 'status',
			status: 200,
			count: 1,
			path: 'GetMemberTransactionSummaryByDate',
			body: {
				results: {
					IsSucessful: true,
					ErrorCode: '000',
					ExceptionMessage: 'Success',
					ReturnObject: [],
				},
			},
		});
		await expect(t.poll()).rejects.toThrow(/has no Count \(the total\), got null/);
	});

	test('trigger errors name no item: a trigger has no input items', async () => {
		const { trigger: t } = poller('loyalifeTrigger', 'loyalifeApi', { members: 'MEM0009' });
		const fail = async (fault: FaultSpec) => {
			box.sim.faults.add('loyalife', {
				count: 1,
				path: 'GetMemberTransactionSummaryByDate',
				...fault,
			});
			try {
				return await t.poll().then(
					() => undefined,
					(error: Error) => error,
				);
			} finally {
				box.sim.faults.clear();
			}
		};
		const noCount = await fail({
			type: 'status',
			status: 200,
			body: {
				results: {
					IsSucessful: true,
					ErrorCode: '000',
					ExceptionMessage: 'Success',
					ReturnObject: [],
				},
			},
		});
		expect(noCount?.message).toMatch(/so the node cannot tell whether the list is complete$/);
		const notAList = await fail({
			type: 'status',
			status: 200,
			body: {
				results: {
					IsSucessful: true,
					ErrorCode: '000',
					ExceptionMessage: 'Success',
					ReturnObject: {},
					Count: 0,
				},
			},
		});
		expect(notAList?.message).toBe('Loyalife answered a page without a list');
		const refused = await fail({ type: 'status', status: 400 });
		expect(refused?.message).toMatch(/^Loyalife answered HTTP 400/);
		for (const error of [noCount, notAList, refused]) expect(error!.message).not.toMatch(/\(item/);
	});

	test("each new transaction of the members named once, keyed on ExternalReference; a late one (dated earlier) too; today's from before activation not delivered", async () => {
		const {
			engine,
			credentials,
			trigger: t,
		} = poller('loyalifeTrigger', 'loyalifeApi', {
			members: 'MEM0004, MEM0005',
		});
		await record(engine, credentials, ['PRE-1']);
		expect(await t.poll()).toEqual([]);
		await record(engine, credentials, ['POLL-1', 'POLL-2']);
		await record(engine, credentials, ['POLL-3'], 'MEM0005');
		await record(engine, credentials, ['OTHER-1'], 'MEM0006');
		const first = await t.poll();
		expect(first.map(idOf).sort()).toEqual(['POLL-1', 'POLL-2', 'POLL-3']);
		expect(first.find((r) => idOf(r) === 'POLL-3')!.RelationReference).toBe('MEM0005');
		expect(await t.poll()).toEqual([]);
		// Recorded late, dated three days ago: inside Look Back (7 days), delivered once.
		await record(engine, credentials, ['LATE-1'], 'MEM0004', daysAgo(3));
		expect((await t.poll()).map(idOf)).toEqual(['LATE-1']);
		expect(await t.poll()).toEqual([]);
		// Each member's summary, from Look Back days below the newest transaction delivered to now.
		const asked = box.sim.stats.log
			.filter((r) => r.route.endsWith('GetMemberTransactionSummaryByDate'))
			.slice(-2)
			.map((r) => r.body as SummaryRequest);
		expect(asked.map((b) => b.RelationReference)).toEqual(['MEM0004', 'MEM0005']);
		expect(asked[0]).toMatchObject({ MinimumRange: 0, MaximumRange: 100, ProgramId: 1001 });
		// The mark is at least the start of today (activation, or today's transactions).
		const from = Date.parse(`${asked[0].DateFrom}Z`);
		expect(from).toBeGreaterThanOrEqual(Date.parse(`${today()}T00:00:00Z`) - 7 * 86_400_000 - 1000);
		expect(from).toBeLessThanOrEqual(Date.now() - 7 * 86_400_000);
		expect(asked[0].DateTo.slice(0, 10)).toBe(today());
	});

	test("with Time Zone Asia/Kolkata, DateTo is sent and TransactionDate read on Kolkata's wall clock", async () => {
		const engine = new Engine();
		const c = demoCredentials(box.sim.baseUrl).find((x) => x.type === 'loyalifeApi')!;
		const credentials = engine.addCredential('lf-ist', c.type, {
			...(c.data as IDataObject),
			timeZone: 'Asia/Kolkata',
		});
		const t = pollingTrigger(engine, {
			type: 'loyalifeTrigger',
			credentials,
			parameters: {
				members: 'MEM0009',
				// After every seeded transaction of the demo program.
				options: { startFrom: `${daysAgo(1)}T12:00:00Z` },
			},
		});
		await record(engine, credentials, ['IST-1'], 'MEM0009', today());
		const asked = () =>
			box.sim.stats.log.filter((r) => r.route.endsWith('GetMemberTransactionSummaryByDate')).at(-1)!
				.body as SummaryRequest;
		const before = Date.now();
		expect((await t.poll()).map(idOf)).toEqual(['IST-1']);
		// Start From counts from the start of its day in Kolkata; To is now on Kolkata's clock (UTC+5:30).
		expect(asked().DateFrom).toBe(`${daysAgo(1)}T00:00:00`);
		const to = Date.parse(`${asked().DateTo}Z`) - 5.5 * 3_600_000;
		expect(to).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
		expect(to).toBeLessThanOrEqual(Date.now());
		// The transaction, dated today on Kolkata's clock, moved the mark; the next poll asks from Look Back
		// (7 days) below it, on the same clock (read as UTC, it would ask from 05:30).
		await t.poll();
		expect(asked().DateFrom).toBe(`${daysAgo(7)}T00:00:00`);
	});

	test('Fetch Test Event reads a week first and widens only when it has too few records', async () => {
		const {
			engine,
			credentials,
			trigger: t,
		} = poller('loyalifeTrigger', 'loyalifeApi', { members: 'MEM0022' });
		const summaries = () =>
			box.sim.stats.log.filter((r) => r.route.endsWith('GetMemberTransactionSummaryByDate'));
		await record(engine, credentials, ['WIDE-1'], 'MEM0022', daysAgo(1));
		const before = summaries().length;
		const latest = await t.poll('manual');
		expect(latest.map(idOf)).toContain('WIDE-1');
		const asked = summaries()
			.slice(before)
			.map((r) => (r.body as SummaryRequest).DateFrom.slice(0, 10));
		// Enough records within a week (the seeded ones and WIDE-1) end the search there; fewer than the
		// latest asked for widen it, up to a year.
		expect(asked[0]).toBe(daysAgo(7));
		expect([...new Set(asked)].every((d) => [7, 30, 90, 365].some((n) => d === daysAgo(n)))).toBe(
			true,
		);
		expect(asked.length).toBeLessThanOrEqual(4);
	});

	test('without members, or with more than 50, the poll says what to fix', async () => {
		const none = poller('loyalifeTrigger', 'loyalifeApi', { members: ' , ' });
		await expect(none.trigger.poll()).rejects.toMatchObject({
			message: 'Member Relation References is required but empty',
		});
		const many = poller('loyalifeTrigger', 'loyalifeApi', {
			members: Array.from({ length: 51 }, (_, i) => `M${i}`).join(','),
		});
		await expect(many.trigger.poll()).rejects.toMatchObject({
			message: 'Member Relation References names 51 members, more than 50',
		});
	});
});

describe('Cardlytics Trigger', () => {
	const DAY = 86_400_000;
	const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
	const daysAgo = (n: number) => dayOf(Date.now() - n * DAY);
	const cdlx = () => box.sim.instances.cardlytics;
	const redemptionCalls = () =>
		box.sim.stats.log
			.filter((r) => r.route === '/api/v1/partner/redemptions')
			.map((r) => r.query.date);
	const late = (date: string, row: IDataObject) => cdlx().control.addRedemption({ date, row });
	const ids = (rows: IDataObject[]) =>
		rows.map((r) => `${r.fileDate}/${r.transaction_id}/${r.partner_offer_id}`);
	afterEach(() => cdlx().state.redemptionFiles.clear());

	test('activation delivers no history; a late row added to an earlier day is delivered once, a repeat never', async () => {
		const { trigger: t } = poller('cardlyticsTrigger', 'cardlyticsOAuth2Api', {});
		expect(await t.poll()).toEqual([]);
		// Each poll reads the 14 days ending yesterday (the default Days to Re-Read), oldest first.
		const window = Array.from({ length: 14 }, (_, n) => daysAgo(14 - n));
		expect(redemptionCalls()).toEqual(window);
		expect(Object.keys((t.state() as CardlyticsState).seen)).toEqual(window);

		box.sim.stats.reset();
		// Cardlytics adds a redemption 9 days late to the file of five days ago.
		const row = late(daysAgo(5), {
			transaction_id: 'tx-late-1',
			transaction_timestamp: new Date(Date.now() - 14 * DAY).toISOString(),
		});
		const delivered = await t.poll();
		expect(delivered).toEqual([{ ...row, fileDate: daysAgo(5) }]);
		expect(redemptionCalls()).toEqual(window);
		expect(await t.poll()).toEqual([]);

		// The same redemption listed again in a later file is not delivered again; another offer of the same
		// transaction is a redemption of its own.
		late(daysAgo(1), { transaction_id: 'tx-late-1' });
		late(daysAgo(2), { transaction_id: 'tx-late-1', partner_offer_id: 'offer-9' });
		expect(ids(await t.poll())).toEqual([`${daysAgo(2)}/tx-late-1/offer-9`]);
		expect(await t.poll()).toEqual([]);
	});

	test('the memory is bounded: keys are kept per day of the window only, and forgotten once the day leaves it', async () => {
		const { trigger: t } = poller('cardlyticsTrigger', 'cardlyticsOAuth2Api', { windowDays: 3 });
		await t.poll();
		expect(redemptionCalls()).toEqual([daysAgo(3), daysAgo(2), daysAgo(1)]);
		const state = t.state() as CardlyticsState;
		expect(Object.keys(state.seen)).toEqual([daysAgo(3), daysAgo(2), daysAgo(1)]);
		expect(Object.values(state.seen).map((keys) => keys.length)).toEqual([25, 25, 25]);
		expect(state.seen[daysAgo(1)][0]).toMatch(/^[0-9a-f]{16}$/);
		// Keys of a day that left the window (here: saved by an older poll) are dropped on the next poll.
		t.setState((s) => ({
			...s,
			seen: { [daysAgo(30)]: ['00000000000000aa'], ...(s as CardlyticsState).seen },
		}));
		await t.poll();
		expect(Object.keys((t.state() as CardlyticsState).seen)).toEqual([
			daysAgo(3),
			daysAgo(2),
			daysAgo(1),
		]);
		// A row added to a file older than the window is not read (what Days to Re-Read says).
		box.sim.stats.reset();
		late(daysAgo(5), { transaction_id: 'tx-too-late' });
		expect(await t.poll()).toEqual([]);
		expect(redemptionCalls()).not.toContain(daysAgo(5));
	});

	test('Start From three days ago: the rows of those files, oldest first; older files of the window stay history', async () => {
		const start = new Date(Date.parse(`${daysAgo(3)}T00:00:00Z`)).toISOString();
		const { trigger: t } = poller('cardlyticsTrigger', 'cardlyticsOAuth2Api', {
			options: { startFrom: start },
		});
		const rows = await t.poll();
		expect(rows).toHaveLength(75);
		expect([...new Set(rows.map((r) => r.fileDate))]).toEqual([daysAgo(3), daysAgo(2), daysAgo(1)]);
		// The redemption feed's fields, typed as it lists them.
		expect(rows[0]).toEqual({
			transaction_id: expect.any(String),
			cardholder_id: expect.any(String),
			partner_merchant_id: expect.any(String),
			partner_offer_id: expect.any(String),
			partner_store_id: expect.any(String),
			partner_merchant_name: expect.any(String),
			card_type: 'Mastercard',
			card_last_four: expect.any(String),
			transaction_amount: expect.any(Number),
			transaction_timestamp: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
			fileDate: daysAgo(3),
		});
		expect(rows.filter((r) => r.card_type === null)).toHaveLength(9);
		expect(await t.poll()).toEqual([]);
		// A late row in a file from before Start From is new since activation: delivered.
		late(daysAgo(10), { transaction_id: 'tx-before-start' });
		expect(ids(await t.poll())).toEqual([`${daysAgo(10)}/tx-before-start/offer-0`]);
	});

	test('Start From older than the window: the older days are read once, then only the window', async () => {
		const { trigger: t } = poller('cardlyticsTrigger', 'cardlyticsOAuth2Api', {
			windowDays: 2,
			options: { startFrom: `${daysAgo(5)}T00:00:00Z` },
		});
		const rows = await t.poll();
		expect([...new Set(rows.map((r) => r.fileDate))]).toEqual([5, 4, 3, 2, 1].map(daysAgo));
		expect(rows).toHaveLength(125);
		expect(t.state()!.catchUp).toBeUndefined();
		box.sim.stats.reset();
		expect(await t.poll()).toEqual([]);
		expect(redemptionCalls()).toEqual([daysAgo(2), daysAgo(1)]);
	});

	test('a poll that fails on one file delivers nothing and changes nothing; the next poll delivers', async () => {
		const { trigger: t } = poller('cardlyticsTrigger', 'cardlyticsOAuth2Api', { windowDays: 4 });
		await t.poll();
		const before = JSON.stringify(t.state());
		late(daysAgo(2), { transaction_id: 'tx-after-failure' });
		const ttl = cdlx().state.options.presignTtlSeconds;
		cdlx().state.options.presignTtlSeconds = -5;
		try {
			await expect(t.poll()).rejects.toThrow(/Request has expired/);
		} finally {
			cdlx().state.options.presignTtlSeconds = ttl;
		}
		expect(JSON.stringify(t.state())).toBe(before);
		expect(ids(await t.poll())).toEqual([`${daysAgo(2)}/tx-after-failure/offer-0`]);
	});

	test('Fetch Test Event shows the latest rows and leaves the state alone', async () => {
		const { trigger: t } = poller('cardlyticsTrigger', 'cardlyticsOAuth2Api', {});
		const rows = await t.poll('manual');
		expect(rows).toHaveLength(5);
		expect(rows.every((r) => r.fileDate === daysAgo(1))).toBe(true);
		expect(t.state()).toBeUndefined();
	});
});

describe('Frederick Trigger', () => {
	test('contacts created or updated, and campaigns created, once each', async () => {
		const {
			engine,
			credentials,
			trigger: t,
		} = poller('frederickTrigger', 'frederickApi', {
			event: 'contactUpdated',
			simplify: true,
			locationId: 'loc_1',
		});
		expect(await t.poll()).toEqual([]);
		const run = async (parameters: INodeParameters) => {
			const { items, error } = await engine.runNode({ type: 'frederick', credentials, parameters });
			expect(error).toBeUndefined();
			return items[0].json;
		};
		const created = await run({
			resource: 'contact',
			operation: 'create',
			locationId: 'loc_1',
			contactFields: { email: 'poll@example.com', first_name: 'Poll' },
		});
		const first = await t.poll();
		expect(first.map((c) => c.email)).toEqual(['poll@example.com']);
		expect(await t.poll()).toEqual([]);
		await sleep(5);
		await run({
			resource: 'contact',
			operation: 'update',
			locationId: 'loc_1',
			contactId: created.id as string,
			updateFields: { first_name: 'Polled' },
		});
		expect((await t.poll()).map((c) => [c.id, c.first_name])).toEqual([[created.id, 'Polled']]);
		expect(await t.poll()).toEqual([]);

		const {
			engine: e2,
			credentials: c2,
			trigger: campaigns,
		} = poller('frederickTrigger', 'frederickApi', {
			event: 'campaignCreated',
			simplify: true,
			locationId: 'loc_1',
		});
		expect(await campaigns.poll()).toEqual([]);
		const { error } = await e2.runNode({
			type: 'frederick',
			credentials: c2,
			parameters: {
				resource: 'campaign',
				operation: 'create',
				locationId: 'loc_1',
				name: 'Polled promo',
				channel: 'email',
			},
		});
		expect(error).toBeUndefined();
		expect((await campaigns.poll()).map((c) => c.name)).toEqual(['Polled promo']);
		expect(await campaigns.poll()).toEqual([]);
	});
});

test("Loyalife Trigger: Start From during a day delivers that day's transactions (they carry a day, not a time)", async () => {
	const {
		engine,
		credentials,
		trigger: t,
	} = poller('loyalifeTrigger', 'loyalifeApi', {
		members: 'MEM0008',
		options: { startFrom: new Date(Date.now() - 60_000).toISOString() },
	});
	const parameters = {
		resource: 'transaction',
		operation: 'create',
		transactionId: 'DAY-1',
		memberRelationReference: 'MEM0008',
		amount: 50,
		transactionDate: new Date().toISOString().slice(0, 10),
		productCode: 'CARD',
		transactionType: 'DR',
	};
	expect(
		(await engine.runNode({ type: 'loyalife', credentials, parameters })).error,
	).toBeUndefined();
	const first = (await t.poll()).map(
		(r) =>
			box.sim.instances.loyalife.state.transactions.find(
				(x) => x.ExternalReference === r.ExternalReference,
			)?.TransactionId,
	);
	expect(first).toEqual(['DAY-1']);
	expect(await t.poll()).toEqual([]);
});

describe('LoyaltyLion Polling Trigger: new activities', () => {
	test('activities created after the first poll are delivered once, asked with created_at_min', async () => {
		const t = trigger({ event: 'activityCreated' });
		expect(await t.poll()).toEqual([]);
		const engine = new Engine();
		const c = demoCredentials(box.sim.baseUrl).find((x) => x.type === 'loyaltyLionApi')!;
		const credentials = engine.addCredential(c.id, c.type, c.data as IDataObject, c.name);
		for (const [name, id] of [
			['clickthrough', 'poll-act-1'],
			['clickthrough', 'poll-act-2'],
		]) {
			const { error } = await engine.runNode({
				type: 'loyaltyLion',
				credentials,
				parameters: {
					authentication: 'apiToken',
					resource: 'activity',
					operation: 'create',
					name,
					customerId: 'cust-31',
					customerEmail: 'shopper31@example.com',
					additionalFields: { merchant_id: id, guest: false },
				},
			});
			expect(error).toBeUndefined();
		}
		const delivered = await t.poll();
		expect(delivered.map((a) => a.merchant_id)).toEqual(['poll-act-1', 'poll-act-2']);
		const asked = box.sim.stats.log.filter(
			(r) => r.route === '/v2/activities' && r.method === 'GET',
		);
		expect(Object.keys(asked.at(-1)!.query).sort()).toEqual(['created_at_min', 'limit']);
		expect(await t.poll()).toEqual([]);
	});
});
