// The fault matrix: for every provider's list operation and one write operation, each fault the simulator can
// inject. A run either completes with every record exactly once, or fails with an error that says what
// happened and which item; writes are retried only where that is safe (idempotent, or with an idempotency
// key), and retries are bounded in count and time. Defined here, run by two test files (faults.test.ts and
// faults-more.test.ts), each for some of the providers: jest runs them at once (in one file, 100-112 s, the
// engine tests' longest).
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import type { Provider as Transport } from '../nodes/shared/http/types';
import { Engine, useSandbox, type FaultSpec, type RunNodeOptions } from './harness';
import { must } from './harness/must';
import { requireFromRoot } from './harness/root';
import { demoCredentials } from './harness/sandbox';

/** One fault, as the simulator's faults.add takes it. */
type Fault = FaultSpec;

/** One provider's case: its list operation, a write, and how to revoke its token. */
interface ProviderCase {
	name: string;
	credential: string;
	node: string;
	list: {
		parameters: INodeParameters;
		path: string;
		expected: number;
		key: (json: IDataObject) => unknown;
		revokeAt?: number;
		skip?: number;
	};
	write: {
		parameters: INodeParameters;
		path: string;
		idempotent: boolean;
		applied: () => number;
	};
	revoke?: () => void;
}

/** The providers a file runs the matrix for (by case name), and whether it runs the cases that are no one provider's. */
export function faultMatrix({
	providers,
	general,
}: {
	providers: string[];
	general: boolean;
}): void {
	const box = useSandbox({
		loyaltylion: { customers: 1200 },
		loyalistic: { contacts: 450 },
		frederick: { contacts: 350 },
		// A member with a summary of several pages (100 a page).
		loyalife: { transactionsPerMember: 275 },
	});
	/** The providers' transport profiles, as loaded by the engine: a shorter timeout keeps the timeout cases short. */
	const TIMEOUT_MS = 700;
	const transports: Array<[string, string]> = [
		['Cardlytics', 'cardlytics'],
		['LoyaltyLion', 'loyaltyLion'],
		['Loyalife', 'loyalife'],
		['Loyalistic', 'loyalistic'],
		['Frederick', 'frederick'],
	];
	for (const [file, name] of transports) {
		must(
			requireFromRoot<Record<string, Transport | undefined>>('dist', 'nodes', file, 'transport.js')[
				name
			],
			`the ${name} transport`,
		).timeoutMs = TIMEOUT_MS;
	}

	type RunOptions = Omit<RunNodeOptions, 'type' | 'parameters' | 'credentials'>;

	function setup(provider: ProviderCase) {
		const engine = new Engine();
		const c = must(
			demoCredentials(box.sim.baseUrl).find((x) => x.type === provider.credential),
			`the demo credential of type ${provider.credential}`,
		);
		const credentials = engine.addCredential(c.id, c.type, c.data as IDataObject, c.name);
		return (parameters: INodeParameters, options: RunOptions = {}) =>
			engine.runNode({ type: provider.node, credentials, parameters, ...options });
	}

	const sim = () => box.sim.instances;

	/** Each provider: its list operation (route, expected records, record key), a write, and how to revoke its token. */
	const PROVIDERS: ProviderCase[] = [
		{
			name: 'loyaltylion',
			credential: 'loyaltyLionApi',
			node: 'loyaltyLion',
			list: {
				parameters: {
					authentication: 'apiToken',
					resource: 'customer',
					operation: 'getMany',
					returnAll: true,
				},
				path: '/v2/customers',
				expected: 1200,
				key: (j) => j.id,
			},
			write: {
				parameters: {
					authentication: 'apiToken',
					resource: 'points',
					operation: 'add',
					merchantId: 'cust-7',
					points: 3,
				},
				path: '/points',
				idempotent: false,
				applied: () =>
					sim().loyaltylion.state.transactions.filter(
						(t) => t.merchant_id === 'cust-7' && t.points === 3,
					).length,
			},
		},
		{
			name: 'loyalistic',
			credential: 'loyalisticOAuth2Api',
			node: 'loyalistic',
			list: {
				parameters: { resource: 'contact', operation: 'getMany', returnAll: true },
				path: '/v1/contacts',
				expected: 450,
				key: (j) => j.id,
			},
			write: {
				parameters: {
					resource: 'contact',
					operation: 'update',
					contactId: '9',
					updateFields: { title: 'Fault tester' },
				},
				path: '/v1/contacts/',
				idempotent: true,
				applied: () =>
					must(sim().loyalistic.state.contacts.get(9), 'contact 9').title === 'Fault tester'
						? 1
						: 0,
			},
			revoke: () => sim().loyalistic.tokens.revokeAll(),
		},
		{
			name: 'loyalife',
			credential: 'loyalifeApi',
			node: 'loyalife',
			list: {
				parameters: {
					resource: 'transaction',
					operation: 'getMany',
					relationReference: 'MEM0001',
					dateFrom: '2020-01-01T00:00:00Z',
					dateTo: '2030-01-01T00:00:00Z',
					returnAll: true,
				},
				path: 'GetMemberTransactionSummaryByDate',
				expected: 275,
				key: (j) => j.ExternalReference,
			},
			write: {
				parameters: {
					resource: 'points',
					operation: 'redeem',
					relationReference: 'MEM0011',
					points: 7,
					amount: 7,
					merchantName: 'Fault Shop',
					loyaltyTxnType: 30,
				},
				path: 'RedeemPoints',
				idempotent: false,
				applied: () =>
					[...sim().loyalife.state.redemptions.values()].filter(
						(r) => r.RelationReference === 'MEM0011' && r.Points === 7,
					).length,
			},
			revoke: () => sim().loyalife.tokens.expireAll(),
		},
		{
			name: 'frederick',
			credential: 'frederickApi',
			node: 'frederick',
			list: {
				parameters: {
					resource: 'contact',
					operation: 'getMany',
					locationId: 'loc_1',
					returnAll: true,
				},
				path: '/v2/locations/loc_1/contacts',
				expected: 350,
				key: (j) => j.id,
			},
			write: {
				parameters: {
					resource: 'campaign',
					operation: 'create',
					locationId: 'loc_1',
					name: 'Fault campaign',
					channel: 'email',
				},
				path: '/v2/locations/loc_1/campaigns',
				idempotent: false,
				applied: () =>
					sim().frederick.state.campaigns.filter((c) => c.name === 'Fault campaign').length,
			},
			revoke: () => sim().frederick.control.revokeLocationTokens(),
		},
		{
			name: 'cardlytics',
			credential: 'cardlyticsOAuth2Api',
			node: 'cardlytics',
			// Cardlytics has no paged list: its report (a read sent as POST) stands in for it.
			list: {
				parameters: {
					resource: 'report',
					operation: 'getMerchantPerformance',
					merchantId: 'fault-merchant',
					// One report row per offer asked for.
					offerIds: Array.from({ length: 24 }, (_, i) => `o-${i + 1}`).join(', '),
					from: '2026-01-01',
					to: '2026-01-31',
				},
				path: '/reports',
				expected: 24,
				key: (j) => `${j['Partner Merchant Id']}/${j['Partner Offer Id']}`,
				revokeAt: 1,
				skip: 0,
			},
			write: {
				parameters: {
					resource: 'merchant',
					operation: 'upsert',
					merchantId: 'fault-merchant',
					merchantName: 'Fault Merchant',
					merchantCategoryCode: '5814',
					paymentChannels: ['online'],
					storeInput: 'json',
					storesJson: JSON.stringify([
						{
							storeId: 'fault-store',
							storeName: 'Fault Store',
							address1: '1 Main St',
							city: 'SPRINGFIELD',
							state: 'IL',
							postalCode: '62701',
							countryCode: 'US',
							processorMidChangedFlag: 'N',
							processorMidRecords: [
								{
									paymentNetwork: 'Visa',
									processors: [{ processorName: 'UNKNOWN', visaMids: [{ vmid: 'V', vsid: 'S' }] }],
								},
							],
						},
					]),
				},
				path: '/merchants/fault-merchant',
				idempotent: true,
				applied: () => (sim().cardlytics.state.merchants.has('fault-merchant') ? 1 : 0),
			},
			revoke: () => sim().cardlytics.tokens.expireAll(),
		},
	];

	/** Faults on the list: each must end with every record exactly once. `skip` lets the first pages through. */
	const LIST_FAULTS: Array<[string, Fault | Fault[]]> = [
		['429 without Retry-After', { type: 'status', status: 429, count: 2, skip: 1 }],
		['429 with Retry-After: 1', { type: 'status', status: 429, count: 1, skip: 1, retryAfter: 1 }],
		[
			'a burst of 500, 502, 503',
			[
				{ type: 'status', status: 500, count: 1, skip: 1 },
				{ type: 'status', status: 502, count: 1 },
				{ type: 'status', status: 503, count: 1 },
			],
		],
		['a connection reset mid-answer', { type: 'reset', count: 1, skip: 1 }],
		[
			'a slow answer past the timeout',
			{ type: 'slow', delayMs: TIMEOUT_MS + 800, count: 1, skip: 1 },
		],
		['malformed JSON', { type: 'malformed', count: 1, skip: 1 }],
	];

	async function runList(provider: ProviderCase) {
		const run = setup(provider);
		if (provider.name === 'cardlytics') await run(provider.write.parameters);
		return run;
	}

	for (const provider of PROVIDERS.filter((p) => providers.includes(p.name))) {
		describe(`${provider.name}: list under faults`, () => {
			for (const [label, fault] of LIST_FAULTS) {
				test(`${label}: every record exactly once`, async () => {
					const run = await runList(provider);
					const faults = [fault].flat().map((f) => ({
						path: provider.list.path,
						...f,
						skip: f.skip === undefined ? undefined : (provider.list.skip ?? f.skip),
					}));
					for (const f of faults) box.sim.faults.add(provider.name, f);
					const started = Date.now();
					const { items, error } = await run(provider.list.parameters);
					expect(error).toBeUndefined();
					const keys = items.map((i) => provider.list.key(i.json));
					expect(keys).toHaveLength(provider.list.expected);
					expect(new Set(keys).size).toBe(provider.list.expected);
					const retryAfter =
						!Array.isArray(fault) && fault.type === 'status' ? Number(fault.retryAfter ?? 0) : 0;
					if (retryAfter)
						expect(Date.now() - started).toBeGreaterThanOrEqual(retryAfter * 1000 - 50);
					// The fault really happened (a test whose fault never fired would prove nothing).
					expect(
						must(box.sim.faults.byProvider.get(provider.name), 'the pending faults').every(
							(f) => f.count === 0,
						),
					).toBe(true);
				});
			}

			const revoke = provider.revoke;
			if (revoke) {
				test('the token revoked or expired in the middle: renewed once, every record exactly once', async () => {
					const run = await runList(provider);
					await run(provider.list.parameters);
					box.sim.stats.reset();
					// Revoke after the second page of this run has been answered.
					let pages = 0;
					const server = must(box.sim.server, 'the simulator server');
					const original = must(server.listeners('request')[0], 'the request listener') as (
						req: unknown,
						res: unknown,
					) => void;
					server.removeAllListeners('request');
					server.on('request', (req, res) => {
						if (req.url?.includes(provider.list.path) && ++pages === (provider.list.revokeAt ?? 3))
							revoke();
						original(req, res);
					});
					try {
						const { items, error } = await run(provider.list.parameters);
						expect(error).toBeUndefined();
						expect(new Set(items.map((i) => provider.list.key(i.json))).size).toBe(
							provider.list.expected,
						);
						expect(items).toHaveLength(provider.list.expected);
						expect(box.sim.stats.tokens[provider.name]).toBe(provider.name === 'frederick' ? 2 : 1);
					} finally {
						server.removeAllListeners('request');
						server.on('request', original);
					}
				});
			}

			test('a fault that never ends: bounded retries, then an error naming what happened and the item', async () => {
				const run = await runList(provider);
				box.sim.faults.add(provider.name, {
					type: 'status',
					status: 503,
					count: 1000,
					skip: provider.list.skip ?? 1,
					path: provider.list.path,
				});
				const started = Date.now();
				const { items, error } = await run(provider.list.parameters);
				expect(items).toHaveLength(0);
				expect(must(error, 'the error').message).toMatch(/answered HTTP 503 \(item 0\)/);
				expect(must(error, 'the error').description).toMatch(/Gave up after 5 attempts/);
				expect(Date.now() - started).toBeLessThan(15_000);
			});
		});

		describe(`${provider.name}: a write under faults`, () => {
			test('429: refused before anything happened, so retried, and applied exactly once', async () => {
				const run = setup(provider);
				const before = provider.write.applied();
				box.sim.faults.add(provider.name, {
					type: 'status',
					status: 429,
					count: 2,
					path: provider.write.path,
				});
				const { error } = await run(provider.write.parameters);
				expect(error).toBeUndefined();
				if (provider.write.idempotent) expect(provider.write.applied()).toBe(1);
				else expect(provider.write.applied() - before).toBe(1);
			});

			test(`an answer lost after the write was applied: ${provider.write.idempotent ? 'retried, as the write is idempotent' : 'not retried blindly, and the error says to check'}`, async () => {
				const run = setup(provider);
				const before = provider.write.applied();
				box.sim.faults.add(provider.name, {
					type: 'lost',
					status: 502,
					count: 1,
					path: provider.write.path,
				});
				const { error } = await run(provider.write.parameters);
				if (provider.write.idempotent) {
					expect(error).toBeUndefined();
					expect(provider.write.applied()).toBeGreaterThanOrEqual(1);
				} else {
					expect(must(error, 'the error').message).toMatch(/answered HTTP 502 \(item 0\)/);
					expect(must(error, 'the error').description).toMatch(
						/This write was not retried, because repeating it could apply it twice: check in \w+ whether it took effect/,
					);
					expect(provider.write.applied() - before).toBe(1);
				}
			});

			test('a slow answer past the timeout on a write: bounded, and the error says what happened', async () => {
				const run = setup(provider);
				box.sim.faults.add(provider.name, {
					type: 'slow',
					delayMs: TIMEOUT_MS + 800,
					count: 1,
					path: provider.write.path,
				});
				const { error } = await run(provider.write.parameters);
				if (provider.write.idempotent) {
					expect(error).toBeUndefined();
				} else {
					expect(must(error, 'the error').message).toMatch(
						new RegExp(
							`^Could not reach \\w+ \\(item 0\\): no answer within ${TIMEOUT_MS / 1000} s$`,
						),
					);
					expect(must(error, 'the error').description).toMatch(/This write was not retried/);
				}
			});
		});
	}

	if (!general) return;

	test('Loyalife: an HTTP 200 carrying an error envelope fails the item with the provider message, list or write', async () => {
		const run = setup(
			must(
				PROVIDERS.find((p) => p.name === 'loyalife'),
				'the loyalife case',
			),
		);
		box.sim.faults.add('loyalife', {
			type: 'status',
			status: 200,
			count: 1,
			skip: 1,
			path: 'GetMemberTransactionSummaryByDate',
			body: {
				results: {
					IsSucessful: false,
					ErrorCode: '999',
					ExceptionMessage: 'Temporary ledger lock',
					ReturnObject: null,
				},
			},
		});
		const { items, error } = await run(
			must(
				PROVIDERS.find((p) => p.name === 'loyalife'),
				'the loyalife case',
			).list.parameters,
		);
		expect(items).toHaveLength(0);
		expect(must(error, 'the error').message).toBe(
			'Loyalife reported an error (item 0): Temporary ledger lock (ErrorCode 999: the payload has missing or malformed fields)',
		);
	});

	describe('what the README promises about retries and paging', () => {
		const loyaltylion = () =>
			must(
				PROVIDERS.find((p) => p.name === 'loyaltylion'),
				'the loyaltylion case',
			);
		const transport = (file: string, name: string) =>
			must(
				requireFromRoot<Record<string, Transport | undefined>>(
					'dist',
					'nodes',
					file,
					'transport.js',
				)[name],
				`the ${name} transport`,
			);

		test('a page slower than the timeout is retried within the default budget (the timeout of every attempt plus a minute of waits): three timeouts in a row, then the list completes', async () => {
			const run = setup(loyaltylion());
			box.sim.faults.add('loyaltylion', {
				type: 'slow',
				delayMs: TIMEOUT_MS + 500,
				count: 3,
				skip: 1,
				path: '/v2/customers',
			});
			const started = Date.now();
			const { items, error } = await run(loyaltylion().list.parameters);
			expect(error).toBeUndefined();
			expect(new Set(items.map((i) => i.json.id)).size).toBe(1200);
			expect(Date.now() - started).toBeLessThan(5 * TIMEOUT_MS + 5000);
		});

		test('a Retry-After is waited for exactly as asked, not cut to our own backoff cap', async () => {
			const provider = transport('LoyaltyLion', 'loyaltyLion');
			provider.retry = { maxDelayMs: 200 };
			try {
				const run = setup(loyaltylion());
				box.sim.faults.add('loyaltylion', {
					type: 'status',
					status: 429,
					count: 1,
					skip: 1,
					retryAfter: 1,
					path: '/v2/customers',
				});
				const started = Date.now();
				const { error } = await run(loyaltylion().list.parameters);
				expect(error).toBeUndefined();
				expect(Date.now() - started).toBeGreaterThanOrEqual(950);
			} finally {
				delete provider.retry;
			}
		});

		test('a Retry-After longer than 60 s fails at once, saying how long the provider asked to wait', async () => {
			const run = setup(loyaltylion());
			box.sim.faults.add('loyaltylion', {
				type: 'status',
				status: 429,
				count: 1,
				retryAfter: 90,
				path: '/points',
			});
			const started = Date.now();
			const { error } = await run(loyaltylion().write.parameters);
			expect(Date.now() - started).toBeLessThan(3000);
			expect(must(error, 'the error').message).toBe(
				'LoyaltyLion answered HTTP 429 (item 0): Rate limit exceeded',
			);
			expect(must(error, 'the error').description).toMatch(
				/^LoyaltyLion asked to wait 90 s before trying again \(Retry-After\), longer than the 60 s this node waits: nothing more was sent\. Run the workflow again after that time\./,
			);
			expect(box.sim.stats.log.filter((r) => r.route.endsWith('/points'))).toHaveLength(1);
		});

		test('Loyalistic: a page that contradicts the paging (no totalCount, or fewer records than the total says) fails the listing', async () => {
			const loyalistic = must(
				PROVIDERS.find((p) => p.name === 'loyalistic'),
				'the loyalistic case',
			);
			const run = setup(loyalistic);
			box.sim.faults.add('loyalistic', {
				type: 'status',
				status: 200,
				count: 1,
				skip: 2,
				path: '/v1/contacts',
				body: { items: [], page: 3, pageSize: 100 },
			});
			const missing = await run(loyalistic.list.parameters);
			expect(missing.items ?? []).toHaveLength(0);
			expect(must(missing.error, 'the error').message).toBe(
				'Loyalistic answered page 3 with 0 records and no totalCount (item 0)',
			);
			box.sim.faults.add('loyalistic', {
				type: 'status',
				status: 200,
				count: 1,
				skip: 1,
				path: '/v1/contacts',
				body: { items: [{ id: 1 }], page: 2, pageSize: 100, totalCount: 450 },
			});
			const short = await run(loyalistic.list.parameters);
			expect(must(short.error, 'the error').message).toBe(
				'Loyalistic answered page 2 with 1 records where its totalCount of 450 means 100 (item 0)',
			);
		});

		test('an object given as a text field (a points Reason) is refused, never sent as "[object Object]"', async () => {
			const run = setup(loyaltylion());
			const { error } = await run({
				...loyaltylion().write.parameters,
				reason: '={{ { "a": 1 } }}',
			});
			expect(must(error, 'the error').message).toBe(
				'Reason must be text, got an object: map one of its fields instead (item 0)',
			);
			expect(box.sim.stats.log.filter((r) => r.route.endsWith('/points'))).toHaveLength(0);
		});
	});

	test('a 429 that never ends on concurrent writes: the stop report names every item that failed in flight and every item never sent', async () => {
		// Short backoffs: the ten attempts a 429 gets would otherwise wait about a minute.
		const provider = requireFromRoot<{ loyaltyLion: Transport }>(
			'dist',
			'nodes',
			'LoyaltyLion',
			'transport.js',
		).loyaltyLion;
		provider.retry = { maxDelayMs: 50 };
		try {
			const run = setup(
				must(
					PROVIDERS.find((p) => p.name === 'loyaltylion'),
					'the loyaltylion case',
				),
			);
			const input = Array.from({ length: 12 }, (_, i) => ({ id: `cust-${i + 300}` }));
			box.sim.faults.add('loyaltylion', {
				type: 'status',
				status: 429,
				count: 10_000,
				path: '/points',
			});
			const { error } = await run(
				{
					authentication: 'apiToken',
					resource: 'points',
					operation: 'add',
					merchantId: '={{ $json.id }}',
					points: 1,
				},
				{ items: input },
			);
			const sent = new Set(
				box.sim.stats.log
					.filter((r) => r.route.endsWith('/points'))
					.map((r) => r.path.split('/')[4]),
			);
			const inFlight = input.flatMap((item, i) => (sent.has(item.id) ? [i] : []));
			// Eight go at once (the router's concurrency); none succeeded; the rest were never sent.
			expect(inFlight).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
			expect(must(error, 'the error').message).toMatch(/^LoyaltyLion answered HTTP 429 \(item 0\)/);
			expect(must(error, 'the error').description).toMatch(
				/The run stopped at item 0\. No item had succeeded\. Items 0-7 failed\. Items 8-11 were never sent\.$/,
			);
		} finally {
			delete provider.retry;
		}
	});
}
