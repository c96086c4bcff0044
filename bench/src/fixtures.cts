// Parameters the benchmarks share, in one place: the sizes, rates, latencies and repetitions of every scenario
// (some can be set from the environment, as named), and the node parameters more than one benchmark uses.

/** Runs of each in-process scenario, the median reported (BENCH_RUNS); the real n8n has REAL_RUNS. */
export const RUNS = Number(process.env.BENCH_RUNS || 3);
/** (i): runs of each listing in the real n8n (BENCH_REAL_RUNS): a run takes seconds there, and three left the
 * median moving by a fifth from one benchmark to the next on two shared cores. */
export const REAL_RUNS = Number(process.env.BENCH_REAL_RUNS || 5);
/** (i): the pause before each timed request in the real n8n, so that the last execution's saving and the
 * garbage it left are not counted against the next. */
export const REAL_SETTLE_MS = 500;

/** (a), (i): the LoyaltyLion customers listed, in pages of LIST_PAGE_SIZE. */
export const CUSTOMERS = 50_000;
export const LIST_PAGE_SIZE = 500;
/** (b): items through an action node (BENCH_POINTS_ITEMS). */
export const POINTS_ITEMS = Number(process.env.BENCH_POINTS_ITEMS || 10_000);
/** (b), (i), realistic: the LoyaltyLion customers the point additions cycle over. */
export const POINTS_CUSTOMERS = 5000;
/** (c): items in the long run, then the executions in a row after it and their items. */
export const TOKEN_ITEMS = 2_000;
export const TOKEN_MORE_RUNS = 3;
export const TOKEN_MORE_ITEMS = 10;

/** (d), (e), (f): the realistic scenarios (BENCH_LATENCY_MS, BENCH_WRITES, BENCH_LIST_RECORDS, BENCH_MEMORY_RECORDS). */
export const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 100);
export const WRITES = Number(process.env.BENCH_WRITES ?? 1000);
export const LIST_RECORDS = Number(process.env.BENCH_LIST_RECORDS ?? 50_000);
export const MEMORY_RECORDS = Number(process.env.BENCH_MEMORY_RECORDS ?? 200_000);
/** (d): LoyaltyLion's writes again at this latency. */
export const NEAR_LATENCY_MS = 20;
/** Items in flight in our nodes (nodes/shared/router.ts DEFAULT_CONCURRENCY). */
export const IN_FLIGHT = 8;
/** The limits the simulator enforces per credential, requests per second. Only LoyaltyLion's is published. */
export const LIMITS: Record<string, number> = {
	loyaltylion: 20,
	loyalife: 40,
	loyalistic: 25,
	frederick: 20,
	cardlytics: 30,
};

/** (g): signed deliveries timed at each size, and the remembered events they are timed at. */
export const DEDUPE_SAMPLE = 200;
export const DEDUPE_AT = [0, 1_000, 10_000, 30_000];

/** (h): the queue-mode bound, seconds: the test's 600 writes at 20/s (the scenario itself is the test's). */
export const QUEUE_BOUND_SECONDS = 30;

/** (i): Points → Add in a real n8n, at LoyaltyLion's published rate (requests per second). */
export const REAL_WRITES = 1_000;
export const REAL_WRITE_RATE = 20;

/**
 * A Cardlytics merchant needs at least one store with its MIDs (the merchant schema): one store, one Visa MID,
 * in the store editor's JSON mode.
 */
export const CARDLYTICS_MERCHANT = {
	resource: 'merchant',
	operation: 'upsert',
	merchantId: '={{ $json.id }}',
	merchantName: 'Bench',
	merchantCategoryCode: '5814',
	paymentChannels: ['instore'],
	storeInput: 'json',
	storesJson: JSON.stringify([
		{
			storeId: 's-1',
			storeName: 'Bench Store',
			address1: '1 Main St',
			city: 'SPRINGFIELD',
			state: 'IL',
			postalCode: '62701',
			countryCode: 'US',
			processorMidChangedFlag: 'N',
			processorMidRecords: [
				{
					paymentNetwork: 'Visa',
					processors: [
						{ processorName: 'UNKNOWN', visaMids: [{ vmid: '12345678', vsid: '87654321' }] },
					],
				},
			],
		},
	]),
};
