/* eslint-disable @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-require-imports -- webhook bodies are signed with node:crypto as LoyaltyLion does; the logger is n8n-core's own copy, loaded from its path at run time */
import { createHmac } from 'node:crypto';
import { sleep, type IDataObject, type INodeParameters } from 'n8n-workflow';
import {
	Engine,
	useSandbox,
	allText,
	connectOAuth2,
	activateTrigger,
	type CredentialRef,
	type RunNodeOptions,
} from './harness';
import { loyaltyLionApiKeys } from './harness/sandbox';
import { must } from './harness/must';

const box = useSandbox({ loyaltylion: { customers: 5000 } });
const sim = () => box.sim.instances.loyaltylion;
const OAUTH = { clientId: 'll-demo-client', clientSecret: 'll-demo-oauth-secret' };
const STORE = { token: 'll-demo-token', secret: 'll-demo-site-secret' };

function withToken(engine = new Engine()) {
	const credentials = engine.addCredential('ll-store', 'loyaltyLionApi', {
		...STORE,
		apiBaseUrl: `${box.sim.baseUrl('loyaltylion')}/v2`,
	});
	const run = (parameters: INodeParameters, options: Partial<RunNodeOptions> = {}) =>
		engine.runNode({
			type: 'loyaltyLion',
			credentials,
			parameters: { authentication: 'apiToken', ...parameters },
			...options,
		});
	return { engine, credentials, run };
}

async function withOAuth(scopes: string[]) {
	const engine = new Engine();
	const credentials = engine.addCredential('ll-oauth', 'loyaltyLionOAuth2Api', {
		...OAUTH,
		scopes,
		oauthBaseUrl: box.sim.baseUrl('loyaltylion'),
		apiBaseUrl: `${box.sim.baseUrl('loyaltylion')}/v2`,
	});
	const connected = await connectOAuth2(engine, 'll-oauth');
	const run = (parameters: INodeParameters, options: Partial<RunNodeOptions> = {}) =>
		engine.runNode({
			type: 'loyaltyLion',
			credentials,
			parameters: { authentication: 'oAuth2', ...parameters },
			...options,
		});
	return { engine, credentials, run, connected };
}

const CUSTOMERS = ['loyaltylion', 'GET', '/v2/customers'] as const;

describe('LoyaltyLion through the n8n engine', () => {
	test('the authorization-code exchange: authorize with comma-joined scopes, single-use code, permanent bearer token', async () => {
		const { connected, engine, run } = await withOAuth([
			'read_customers',
			'write_customers',
			'read_orders',
		]);
		const authorize = new URL(connected.authorizeUrl);
		expect(authorize.pathname).toBe('/loyaltylion/oauth/authorize');
		expect(authorize.searchParams.get('scope')).toBe('read_customers,write_customers,read_orders');
		expect(authorize.search).toContain('scope=read_customers%2Cwrite_customers%2Cread_orders');
		expect(sim().state.authorizeRequests.at(-1)).toMatchObject({
			client_id: OAUTH.clientId,
			scope: 'read_customers,write_customers,read_orders',
			response_type: 'code',
		});
		expect(authorize.searchParams.get('state')).toBe(
			new URL(connected.callbackUrl).searchParams.get('state'),
		);
		const exchange = must(
			box.sim.stats.log.find((r) => r.route === '/oauth/access-token'),
			'the token exchange',
		);
		const exchangeBody = exchange.body as IDataObject;
		expect(exchangeBody).toMatchObject({
			client_id: OAUTH.clientId,
			client_secret: OAUTH.clientSecret,
			code: expect.any(String),
			grant_type: 'authorization_code',
		});
		expect(connected.tokenData).toMatchObject({
			access_token: expect.any(String),
			scope: 'read_customers,write_customers,read_orders',
		});
		// The code is single-use.
		const replay = await fetch(`${box.sim.baseUrl('loyaltylion')}/oauth/access-token`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				client_id: OAUTH.clientId,
				client_secret: OAUTH.clientSecret,
				code: exchangeBody.code as string,
			}),
		});
		expect(replay.status).toBe(400);
		expect(((await replay.json()) as { error?: string }).error).toBe('invalid_grant');

		const { items, error } = await run({
			resource: 'customer',
			operation: 'getMany',
			returnAll: false,
			limit: 3,
		});
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.id)).toEqual([5000, 4999, 4998]);
		const call = must(
			box.sim.stats.log.find((r) => r.route === '/v2/customers'),
			'the customers request',
		);
		expect(call.headers.authorization).toBe(
			`Bearer ${(must(engine.credentials.stored('ll-oauth'), 'the stored credential').oauthTokenData as IDataObject).access_token as string}`,
		);
		expect(box.sim.stats.tokens.loyaltylion).toBe(1);
	});

	test('an operation whose scope was not granted gets a 403 that names the scope', async () => {
		const { run } = await withOAuth(['read_customers']);
		const { error } = await run({
			resource: 'points',
			operation: 'add',
			merchantId: 'cust-1',
			points: 10,
		});
		expect(must(error, 'the error').message).toBe(
			'LoyaltyLion answered HTTP 403 (item 0): This action requires the write_customers scope, which the access token was not granted (missing scope: write_customers)',
		);
		expect(must(error, 'the error').description).toMatch(
			/add it under Scopes in the OAuth2 credential and reconnect/,
		);
	});

	test('token and secret go over HTTP Basic', async () => {
		const { run } = withToken();
		const { items } = await run({ resource: 'customer', operation: 'get', merchantId: 'cust-42' });
		expect(items[0].json).toMatchObject({
			id: 42,
			merchant_id: 'cust-42',
			email: 'shopper42@example.com',
		});
		const call = must(
			box.sim.stats.log.find((r) => r.route === '/v2/customers/:merchantId'),
			'the customer request',
		);
		expect(call.headers.authorization).toBe(
			`Basic ${Buffer.from(`${STORE.token}:${STORE.secret}`).toString('base64')}`,
		);
	});

	test('Get Many follows the cursor over 5,000 customers, each once, newest first; later pages send only cursor and limit', async () => {
		const { run } = withToken();
		const { items, error } = await run({
			resource: 'customer',
			operation: 'getMany',
			returnAll: true,
		});
		expect(error).toBeUndefined();
		const ids = items.map((i) => i.json.id);
		expect(ids).toHaveLength(5000);
		expect(new Set(ids).size).toBe(5000);
		expect(ids[0]).toBe(5000);
		expect(ids[4999]).toBe(1);
		const pages = box.sim.stats.log.filter((r) => r.route === '/v2/customers');
		expect(pages).toHaveLength(10);
		expect(pages[0].query).toEqual({ limit: '500' });
		for (const page of pages.slice(1))
			expect(Object.keys(page.query).sort()).toEqual(['cursor', 'limit']);
	});

	test('a limit stops exactly at the limit; filters are kept by the cursor', async () => {
		const { run } = withToken();
		const some = await run({
			resource: 'customer',
			operation: 'getMany',
			returnAll: false,
			limit: 1234,
		});
		expect(some.items.map((i) => i.json.id)).toEqual(
			Array.from({ length: 1234 }, (_, i) => 5000 - i),
		);
		expect(
			box.sim.stats.log.filter((r) => r.route === '/v2/customers').map((r) => r.query.limit),
		).toEqual(['500', '500', '234']);
		box.sim.stats.reset();
		const since = await run({
			resource: 'customer',
			operation: 'getMany',
			returnAll: true,
			filters: { since_id: 4200 },
		});
		expect(since.items).toHaveLength(800);
		expect(Math.min(...since.items.map((i) => i.json.id as number))).toBe(4201);
		expect(box.sim.stats.log[0].query).toEqual({ since_id: '4200', limit: '500' });
	});

	test('a page answered 429 is retried with the same cursor: nothing repeated or dropped', async () => {
		const { run } = withToken();
		box.sim.faults.add('loyaltylion', {
			type: 'status',
			status: 429,
			count: 2,
			skip: 2,
			path: '/v2/customers',
		});
		box.sim.faults.add('loyaltylion', {
			type: 'status',
			status: 503,
			count: 1,
			skip: 6,
			path: '/v2/customers',
		});
		const { items, error } = await run({
			resource: 'customer',
			operation: 'getMany',
			returnAll: true,
		});
		expect(error).toBeUndefined();
		const ids = items.map((i) => i.json.id);
		expect(ids).toEqual(Array.from({ length: 5000 }, (_, i) => 5000 - i));
		expect(box.sim.requestsTo(...CUSTOMERS)).toBe(13);
	});

	test('requests are kept under 20 per second: 30 point additions, none refused, none retried', async () => {
		const { run } = withToken();
		const started = Date.now();
		const input = Array.from({ length: 30 }, (_, i) => ({ id: `cust-${i + 1}` }));
		const before = must(sim().state.byMerchantId.get('cust-1'), 'cust-1').points_approved;
		const { items, error } = await run(
			{
				resource: 'points',
				operation: 'add',
				merchantId: '={{ $json.id }}',
				points: 25,
				reason: 'Welcome bonus',
			},
			{ items: input },
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(30);
		expect(items[0].json).toEqual({
			merchantId: 'cust-1',
			points: 25,
			reason: 'Welcome bonus',
			status: 201,
		});
		expect(box.sim.requestsTo('loyaltylion', 'POST', '/v2/customers/:merchantId/points')).toBe(30);
		expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
		expect(must(sim().state.byMerchantId.get('cust-1'), 'cust-1').points_approved).toBe(
			before + 25,
		);
	});

	test('items go several at a time, yet come out in input order; a failure stops new items and says what was applied', async () => {
		const { run } = withToken();
		const input = Array.from({ length: 40 }, (_, i) => ({ id: `cust-${i + 100}` }));
		const ok = await run(
			{ resource: 'points', operation: 'add', merchantId: '={{ $json.id }}', points: 1 },
			{ items: input },
		);
		expect(ok.items.map((i) => i.json.merchantId)).toEqual(input.map((i) => i.id));
		expect(ok.items.map((i) => (i.pairedItem as { item: number }).item)).toEqual(
			input.map((_, i) => i),
		);
		const withBad = input.map((item, i) => (i === 12 ? { id: 'no-such-customer' } : item));
		box.sim.stats.reset();
		const failed = await run(
			{ resource: 'points', operation: 'add', merchantId: '={{ $json.id }}', points: 1 },
			{ items: withBad },
		);
		expect(must(failed.error, 'the error').message).toBe(
			"LoyaltyLion answered HTTP 404 (item 12): Customer no-such-customer not found (merchant_id: matches nothing: it must be the customer's ID in your store)",
		);
		// The description must tell the truth about every item, checked against what the provider received.
		const expand = (text: string) =>
			text.split(', ').flatMap((r) => {
				const [a, b = a] = r.split('-').map(Number);
				return Array.from({ length: b - a + 1 }, (_, k) => a + k);
			});
		const m =
			/The run stopped at item 12\. Items ([\d, -]+) had already succeeded\. Item 12 failed\. Items ([\d, -]+) were never sent\./.exec(
				must(failed.error, 'the error').description ?? '',
			);
		expect(m).not.toBeNull();
		const succeeded = expand(must(m, 'the match')[1]);
		const notSent = expand(must(m, 'the match')[2]);
		// What LoyaltyLion applied: answers of 201 (a 429 refused a request before applying it, and was retried).
		const received = box.sim.stats.log
			.filter((r) => r.route === '/v2/customers/:merchantId/points' && r.status !== 429)
			.map((r) => r.path.split('/')[4]);
		expect(received.filter((id) => id !== 'no-such-customer').sort()).toEqual(
			succeeded.map((i) => withBad[i].id).sort(),
		);
		expect(notSent.every((i) => !received.includes(withBad[i].id))).toBe(true);
		expect(succeeded.length + notSent.length).toBe(39);
		expect(succeeded).toEqual(expect.arrayContaining(Array.from({ length: 12 }, (_, i) => i)));
	});

	test('points, rewards, orders, activities and transactions', async () => {
		const { run } = withToken();
		const removed = await run({
			resource: 'points',
			operation: 'remove',
			merchantId: 'cust-3333',
			points: 1000000,
		});
		expect(must(removed.error, 'the error').message).toMatch(
			/^LoyaltyLion answered HTTP 422 \(item 0\): The customer has \d+ approved points, fewer than 1000000/,
		);
		await run({ resource: 'points', operation: 'add', merchantId: 'cust-3333', points: 2000 });
		const available = await run({
			resource: 'reward',
			operation: 'getAvailable',
			merchantId: 'cust-3333',
		});
		expect(available.items.map((i) => i.json.id)).toEqual(expect.arrayContaining([101, 102, 103]));
		const claimed = await run({
			resource: 'reward',
			operation: 'claim',
			merchantId: 'cust-3333',
			rewardId: 101,
			multiplier: 1,
		});
		expect(claimed.items[0].json).toMatchObject({
			merchantId: 'cust-3333',
			reward: { id: 101 },
			point_cost: 500,
			state: 'approved',
			redeemable: { code: expect.stringMatching(/^LL-/) },
		});
		const refunded = await run({
			resource: 'reward',
			operation: 'refund',
			merchantId: 'cust-3333',
			claimedRewardId: String(claimed.items[0].json.id),
		});
		expect(refunded.items[0].json).toMatchObject({
			state: 'void',
			remoteResourceDeleted: expect.any(Boolean),
		});

		const wire = (route: string) =>
			box.sim.stats.log
				.filter((r) => r.route === route)
				.map((r) => ({
					method: r.method,
					path: r.path.replace(/^\/loyaltylion/, ''),
					query: r.query,
					body: r.body,
				}));
		box.sim.stats.reset();
		const order = await run({
			resource: 'order',
			operation: 'create',
			orderId: 'ord-1',
			customerId: 'cust-3333',
			customerEmail: 'shopper3333@example.com',
			total: '49.90',
			totalShipping: '4.90',
			paymentStatus: 'paid',
			additionalFields: { merchant_number: '#1001', site_id: '1001' },
		});
		expect(order.items[0].json).toMatchObject({
			merchant_id: 'ord-1',
			total: '49.90',
			status: 201,
		});
		// orders/create-order: the six required fields, the optional site_id as a query parameter.
		expect(wire('/v2/orders')).toEqual([
			{
				method: 'POST',
				path: '/v2/orders',
				query: { site_id: '1001' },
				body: {
					merchant_id: 'ord-1',
					customer_id: 'cust-3333',
					customer_email: 'shopper3333@example.com',
					total: '49.90',
					total_shipping: '4.90',
					payment_status: 'paid',
					merchant_number: '#1001',
				},
			},
		]);
		const full = { orderId: 'ord-1', paymentStatus: 'paid', totalPaid: '49.90' };
		expect(
			(
				await run({
					resource: 'order',
					operation: 'update',
					...full,
					refundStatus: 'not_refunded',
					cancellationStatus: 'not_cancelled',
					totalRefunded: '0',
				})
			).items[0].json.status,
		).toBe(204);
		expect(
			(
				await run({
					resource: 'order',
					operation: 'refund',
					orderId: 'ord-1',
					totalRefunded: '10.00',
				})
			).items[0].json,
		).toMatchObject({ refund_status: 'partially_refunded', status: 204 });
		expect(
			(
				await run({
					resource: 'order',
					operation: 'cancel',
					orderId: 'ord-1',
				})
			).items[0].json,
		).toMatchObject({ cancellation_status: 'cancelled', status: 204 });
		// orders/update-order: every change is the same full PUT, after reading the order (orders/get-order)
		// in version 1 too; there is no /cancel or /refund path. Refund and Cancel carry what was read.
		expect(wire('/v2/orders/:merchantId')).toEqual([
			{ method: 'GET', path: '/v2/orders/ord-1', query: {}, body: undefined },
			{
				method: 'PUT',
				path: '/v2/orders/ord-1',
				query: {},
				body: {
					payment_status: 'paid',
					refund_status: 'not_refunded',
					cancellation_status: 'not_cancelled',
					total_paid: '49.90',
					total_refunded: '0',
				},
			},
			{ method: 'GET', path: '/v2/orders/ord-1', query: {}, body: undefined },
			{
				method: 'PUT',
				path: '/v2/orders/ord-1',
				query: {},
				body: {
					payment_status: 'paid',
					refund_status: 'partially_refunded',
					cancellation_status: 'not_cancelled',
					total_paid: '49.90',
					total_refunded: '10.00',
				},
			},
			{ method: 'GET', path: '/v2/orders/ord-1', query: {}, body: undefined },
			{
				method: 'PUT',
				path: '/v2/orders/ord-1',
				query: {},
				body: {
					payment_status: 'paid',
					refund_status: 'partially_refunded',
					cancellation_status: 'cancelled',
					total_paid: '49.90',
					total_refunded: '10.00',
				},
			},
		]);
		expect(sim().state.orders.get('ord-1')).toMatchObject({
			total_shipping: '4.90',
			refund_status: 'partially_refunded',
			cancellation_status: 'cancelled',
		});
		const badTotal = await run({
			resource: 'order',
			operation: 'create',
			orderId: 'ord-2',
			customerId: 'c',
			customerEmail: 'a@example.com',
			total: '12,50',
			totalShipping: '0',
			paymentStatus: 'paid',
		});
		expect(must(badTotal.error, 'the error').message).toBe(
			'Total must be an amount such as 49.90, got "12,50" (item 0)',
		);
		const overRefund = await run({
			resource: 'order',
			operation: 'refund',
			orderId: 'ord-1',
			totalRefunded: '60.00',
		});
		expect(must(overRefund.error, 'the error').message).toBe(
			'Total Refunded cannot be more than the Total Paid (49.90), got 60.00 (item 0)',
		);

		const since = new Date(Date.now() - 1000).toISOString();
		await run({
			resource: 'activity',
			operation: 'create',
			name: 'clickthrough',
			customerId: 'cust-3333',
			customerEmail: 'shopper3333@example.com',
		});
		const activities = await run({
			resource: 'activity',
			operation: 'getMany',
			returnAll: true,
			// activities/list-activities filters by time and ID only (no name or customer filter).
			filters: { created_at_min: since },
		});
		const wireQuery = must(
			box.sim.stats.log.filter((r) => r.route === '/v2/activities' && r.method === 'GET').at(-1),
			'the activities request',
		).query;
		expect(wireQuery).toEqual({ created_at_min: since, limit: '500' });
		expect(
			activities.items.map((i) => (i.json.customer as IDataObject | undefined)?.merchant_id),
		).toContain('cust-3333');
		// transactions/list-transactions: customer_id is LoyaltyLion's numeric customer id, not the store's.
		const numericId = must(sim().state.byMerchantId.get('cust-3333'), 'cust-3333').id;
		box.sim.stats.reset();
		const transactions = await run({
			resource: 'transaction',
			operation: 'getMany',
			returnAll: true,
			filters: { customer_id: numericId },
		});
		// Transactions carry `resource`: activity, adjustment, claimed_reward or expiry (list-transactions).
		const kinds = transactions.items.map((i) => i.json.resource);
		expect(kinds.length).toBeGreaterThanOrEqual(3);
		for (const kind of kinds)
			expect(['activity', 'adjustment', 'claimed_reward', 'expiry']).toContain(kind);
		expect(kinds).toEqual(expect.arrayContaining(['claimed_reward', 'adjustment']));
		expect(wire('/v2/transactions')[0]).toMatchObject({
			method: 'GET',
			query: { customer_id: String(numericId), limit: '500' },
		});
		box.sim.stats.reset();
		const updated = await run({
			resource: 'customer',
			operation: 'update',
			merchantId: 'cust-3333',
			updateFields: { birthday: '1990-05-17', blocked: false },
		});
		expect(updated.items[0].json).toMatchObject({ birthday: '1990-05-17', blocked: false });
		// customers/update-customer: PATCH with {customer: {birthday, blocked}}.
		expect(wire('/v2/customers/:merchantId')).toEqual([
			{
				method: 'PATCH',
				path: '/v2/customers/cust-3333',
				query: {},
				body: { customer: { birthday: '1990-05-17', blocked: false } },
			},
		]);
		// The tier where customers/list-customers puts it (loyalty_tier_membership.loyalty_tier).
		const customer = await run({
			resource: 'customer',
			operation: 'get',
			merchantId: 'cust-3333',
			simplify: false,
		});
		expect(
			((customer.items[0].json.loyalty_tier_membership as IDataObject).loyalty_tier as IDataObject)
				.name,
		).toBe('Bronze');
		// Simplified (the default): the fields a workflow maps, the tier by name.
		const simple = await run({ resource: 'customer', operation: 'get', merchantId: 'cust-3333' });
		expect(Object.keys(simple.items[0].json).sort()).toEqual([
			'blocked',
			'email',
			'enrolled',
			'id',
			'merchant_id',
			'points_approved',
			'points_pending',
			'points_spent',
			'tier',
			'updated_at',
		]);
		expect(simple.items[0].json.tier).toBe('Bronze');
	});

	describe('trigger', () => {
		test('activation subscribes through the API; genuine deliveries start the workflow, forged ones are refused; deactivation unsubscribes', async () => {
			const { engine, credentials } = withToken();
			const trigger = await activateTrigger(engine, {
				type: 'loyaltyLionTrigger',
				credentials,
				parameters: {
					authentication: 'apiToken',
					topics: ['program_events/customer.points_earned', 'customers/update'],
					options: {},
				},
			});
			try {
				expect(trigger.existed).toBe(false);
				const hooks = [...sim().state.webhooks.values()];
				expect(hooks.map((w) => w.topic).sort()).toEqual([
					'customers/update',
					'program_events/customer.points_earned',
				]);
				expect(hooks.every((w) => w.address === trigger.url)).toBe(true);
				expect(await trigger.checkExists()).toBe(true);

				const genuine = await sim().deliver('program_events/customer.points_earned', {
					customer: { merchant_id: 'cust-9' },
					points: 5,
				});
				expect(genuine.results.map((r) => r.status)).toEqual([200]);
				expect(trigger.starts).toHaveLength(1);
				expect(trigger.starts[0][0]).toMatchObject({
					id: genuine.event.id,
					topic: 'program_events/customer.points_earned',
					// program_events/* nest their fields under payload.properties (developers.loyaltylion.com/api-reference/v2/webhooks/overview and the topics' pages).
					payload: { properties: { points: 5 } },
					data: { customer: { merchant_id: 'cust-9' }, points: 5 },
				});

				for (const tamper of [
					{ signature: 'Zm9yZ2Vk' },
					{ alterBody: true },
					{ omitSignature: true },
					{ secret: 'someone-elses-secret' },
				]) {
					const forged = await sim().deliver(
						'program_events/customer.points_earned',
						{ points: 1000000 },
						tamper,
					);
					expect(forged.results.map((r) => r.status)).toEqual([401]);
				}
				expect(trigger.starts).toHaveLength(1);

				const again = await sim().deliver('program_events/customer.points_earned', undefined, {
					event: genuine.event,
				});
				expect(again.results.map((r) => r.status)).toEqual([200]);
				expect(trigger.starts).toHaveLength(1);

				// A real API change delivers a real event.
				await withToken(engine).run({
					resource: 'customer',
					operation: 'update',
					merchantId: 'cust-9',
					updateFields: { blocked: true },
				});
				for (let i = 0; i < 50 && trigger.starts.length < 2; i++) await sleep(20);
				expect(trigger.starts[1][0]).toMatchObject({
					topic: 'customers/update',
					payload: { customer: { merchant_id: 'cust-9', blocked: true } },
					data: { customer: { merchant_id: 'cust-9', blocked: true } },
				});
			} finally {
				await trigger.deactivate();
			}
			expect(sim().state.webhooks.size).toBe(0);
		});

		test.each([
			[404, 'HTTP 404'],
			[405, 'HTTP 405'],
		])(
			'deactivation succeeds when the assumed delete call answers %s, and warns with the subscription ids to remove in the admin',
			async (status, shown) => {
				// The logger n8n-core hands to nodes, from n8n-core's own copies of these packages.
				const fromCore = { paths: [require.resolve('n8n-core')] };
				// Loaded at run time from n8n-core's own copies, so typed here by the little this test uses.
				const { Container } = require(require.resolve('@n8n/di', fromCore)) as {
					Container: { get(token: unknown): { warn(message: string): void } };
				};
				const { Logger } = require(require.resolve('@n8n/backend-common', fromCore)) as {
					Logger: unknown;
				};
				const warn = jest.spyOn(Container.get(Logger), 'warn').mockImplementation(() => {});
				const { engine, credentials } = withToken();
				const trigger = await activateTrigger(engine, {
					type: 'loyaltyLionTrigger',
					credentials,
					parameters: {
						authentication: 'apiToken',
						topics: ['customers/update', 'program_events/customer.enrolled'],
						options: {},
					},
				});
				const ids = [...sim().state.webhooks.values()].map((w) => w.id).sort();
				expect(ids).toHaveLength(2);
				box.sim.faults.add('loyaltylion', {
					type: 'status',
					status,
					count: 2,
					path: '/v2/webhooks/',
					body: { error: { message: 'Not found' } },
				});
				try {
					await expect(trigger.deactivate()).resolves.toBeUndefined();
					const lines = warn.mock.calls.map(([message]) => String(message));
					for (const id of ids) {
						const line = lines.find((l) => l.includes(`subscription ${id} `));
						expect(line).toContain(shown);
						expect(line).toContain(`remove subscription ${id} there`);
						expect(line).toContain("LoyaltyLion admin's webhooks");
					}
					// The node forgets them (a new activation subscribes afresh); the subscriptions stay in
					// LoyaltyLion, which is why the warning names them.
					expect(trigger.staticData().webhookIds).toBeUndefined();
					expect(sim().state.webhooks.size).toBe(2);
				} finally {
					warn.mockRestore();
					box.sim.faults.clear('loyaltylion');
					sim().state.webhooks.clear();
				}
			},
		);

		test('a topic LoyaltyLion does not subscribe (e.g. from an expression) is refused by name before anything is subscribed', async () => {
			const { engine, credentials } = withToken();
			await expect(
				activateTrigger(engine, {
					type: 'loyaltyLionTrigger',
					credentials,
					parameters: {
						authentication: 'apiToken',
						topics: ['customers/update', 'rewards/store_fulfilment'],
						options: {},
					},
				}),
			).rejects.toThrow('LoyaltyLion has no webhook topic "rewards/store_fulfilment"');
			expect(sim().state.webhooks.size).toBe(0);
			expect(
				box.sim.stats.log.filter(
					(r) => r.method === 'POST' && String(r.route).startsWith('/v2/webhooks'),
				),
			).toEqual([]);
		});

		test('a replayed old delivery starts nothing under the maximum event age (answered 200, so it is not retried), even with a valid signature', async () => {
			const { engine, credentials } = withToken();
			const trigger = await activateTrigger(engine, {
				type: 'loyaltyLionTrigger',
				credentials,
				parameters: {
					authentication: 'apiToken',
					topics: ['customers/update'],
					options: { maxAgeMinutes: 60 },
				},
			});
			try {
				const old = {
					id: 'evt_old_1',
					topic: 'customers/update',
					created_at: new Date(Date.now() - 3 * 3600_000).toISOString(),
					payload: { customer: { id: 5 } },
				};
				const replay = await sim().deliver('customers/update', undefined, { event: old });
				expect(replay.results.map((r) => r.status)).toEqual([200]);
				const fresh = await sim().deliver('customers/update', { customer: { id: 5 } });
				expect(fresh.results.map((r) => r.status)).toEqual([200]);
				expect(trigger.starts).toHaveLength(1);
				expect(trigger.starts[0][0].id).toBe(fresh.event.id);
			} finally {
				await trigger.deactivate();
			}
		});

		test('the signature is checked over the raw bytes whatever the Content-Type; non-events get 400; duplicates, sequential or concurrent, 200 without a run', async () => {
			const { engine, credentials } = withToken();
			const trigger = await activateTrigger(engine, {
				type: 'loyaltyLionTrigger',
				credentials,
				parameters: { authentication: 'apiToken', topics: ['customers/update'], options: {} },
			});
			const post = async (bytes: Buffer, contentType: string, secret = STORE.secret) => {
				const signature = createHmac('sha256', secret).update(bytes).digest('base64');
				const res = await fetch(trigger.url, {
					method: 'POST',
					headers: { 'Content-Type': contentType, 'x-loyaltylion-hmac-sha256': signature },
					body: bytes,
				});
				return {
					status: res.status,
					body: (await res.json().catch(() => null)) as IDataObject | null,
				};
			};
			const event = (id: string) =>
				Buffer.from(
					JSON.stringify({
						id,
						topic: 'customers/update',
						created_at: new Date().toISOString(),
						payload: { customer: { id: 7 } },
					}),
				);
			try {
				// A genuine event, whatever the Content-Type it came with, is read from its bytes: one run, right data.
				for (const [k, type] of [
					'application/json',
					'text/plain',
					'application/octet-stream',
					'application/x-www-form-urlencoded',
				].entries()) {
					const answer = await post(event(`evt_ct_${k}`), type);
					expect([type, answer.status, answer.body]).toEqual([type, 200, { received: true }]);
					expect(must(trigger.starts.at(-1), 'the last run')[0]).toMatchObject({
						id: `evt_ct_${k}`,
						topic: 'customers/update',
						payload: { customer: { id: 7 } },
					});
				}
				expect(trigger.starts).toHaveLength(4);
				// Signed, but not an event: 400, no run.
				for (const [bytes, type] of [
					[Buffer.from('a=b&c=d'), 'application/x-www-form-urlencoded'],
					[Buffer.from('hello'), 'text/plain'],
					[Buffer.from([0, 1, 2, 255]), 'application/octet-stream'],
					[Buffer.from('[1,2]'), 'application/json'],
					[Buffer.from('{"topic":"customers/update"}'), 'application/json'],
				] as Array<[Buffer, string]>) {
					const answer = await post(bytes, type);
					expect(answer.status).toBe(400);
					expect(must(answer.body, 'the answer').error).toMatch(/^Not a LoyaltyLion event: /);
				}
				// A replay under another Content-Type is still the same event: 200, no run.
				const replay = await post(event('evt_ct_0'), 'text/plain');
				expect(replay).toEqual({ status: 200, body: { received: true, duplicate: true } });
				// Six concurrent copies of one event: exactly one run.
				const copies = await Promise.all(
					Array.from({ length: 6 }, () => post(event('evt_concurrent'), 'application/json')),
				);
				expect(copies.map((c) => c.status)).toEqual([200, 200, 200, 200, 200, 200]);
				expect(copies.filter((c) => must(c.body, 'the answer').duplicate).length).toBe(5);
				expect(trigger.starts.filter((s) => s[0].id === 'evt_concurrent')).toHaveLength(1);
				// The ids are in the static data as n8n saves it, for after a restart.
				const stored = (trigger.staticData()['node:Trigger'] as IDataObject).events as {
					v: number;
					h: Record<string, string>;
				};
				expect(stored.v).toBe(1);
				expect(Object.values(stored.h).join(' ').split(' ')).toEqual(
					expect.arrayContaining(['evt_ct_0', 'evt_concurrent']),
				);
				expect((trigger.staticData()['node:Trigger'] as IDataObject).seen).toBeUndefined();
				// Wrong secret: 401 whatever the type.
				expect((await post(event('evt_x'), 'text/plain', 'not-the-secret')).status).toBe(401);
				expect(trigger.starts).toHaveLength(5);
			} finally {
				await trigger.deactivate();
			}
		});

		test('an event of a topic the trigger did not select (a leftover subscription to its URL) is answered 200 and starts nothing', async () => {
			const { engine, credentials } = withToken();
			const trigger = await activateTrigger(engine, {
				type: 'loyaltyLionTrigger',
				credentials,
				parameters: { authentication: 'apiToken', topics: ['customers/update'], options: {} },
			});
			try {
				const event = (id: string, topic: string) => ({
					id,
					topic,
					created_at: new Date().toISOString(),
					payload: { properties: {} },
				});
				const other = await sim().deliver('customers/update', undefined, {
					event: event('evt_other', 'program_events/customer.enrolled'),
				});
				expect(other.results.map((r) => r.status)).toEqual([200]);
				const own = await sim().deliver('customers/update', undefined, {
					event: event('evt_own', 'customers/update'),
				});
				expect(own.results.map((r) => r.status)).toEqual([200]);
				expect(trigger.starts.map((s) => s[0].id)).toEqual(['evt_own']);
				expect(trigger.responses ?? []).not.toContainEqual(
					expect.objectContaining({ duplicate: true }),
				);
			} finally {
				await trigger.deactivate();
			}
		});

		test('activation without the key that verifies deliveries names what the credential lacks (API key: the site secret; partner app: the client secret)', async () => {
			const engine = new Engine();
			const base = `${box.sim.baseUrl('loyaltylion')}/v2`;
			const cases: Array<[string, CredentialRef, string]> = [
				[
					'apiKey',
					engine.addCredential('ll-nokey', 'loyaltyLionApiKeyApi', {
						apiKey: loyaltyLionApiKeys.all,
						siteSecret: '',
						apiBaseUrl: base,
					}),
					'The LoyaltyLion API credential has no Site Secret',
				],
			];
			// A partner app connected, its client secret removed afterwards (the token still works).
			const oauth = await withOAuth(['read_customers']);
			must(
				oauth.engine.credentials.store.get('ll-oauth'),
				'the stored credential',
			).data.clientSecret = '';
			await expect(
				activateTrigger(oauth.engine, {
					type: 'loyaltyLionTrigger',
					credentials: oauth.credentials,
					parameters: { authentication: 'oAuth2', topics: ['customers/update'], options: {} },
				}),
			).rejects.toMatchObject({
				message: 'The LoyaltyLion partner app credential has no Client Secret',
			});
			for (const [authentication, credentials, message] of cases) {
				await expect(
					activateTrigger(engine, {
						type: 'loyaltyLionTrigger',
						credentials,
						parameters: { authentication, topics: ['customers/update'], options: {} },
					}),
				).rejects.toMatchObject({ message });
			}
			expect(sim().state.webhooks.size).toBe(0);
		});

		test('events older than the default maximum age (72 hours) are answered 200 and start nothing', async () => {
			const { engine, credentials } = withToken();
			const trigger = await activateTrigger(engine, {
				type: 'loyaltyLionTrigger',
				credentials,
				parameters: { authentication: 'apiToken', topics: ['customers/update'], options: {} },
			});
			try {
				const at = (hours: number) => ({
					id: `evt_age_${hours}`,
					topic: 'customers/update',
					created_at: new Date(Date.now() - hours * 3600_000).toISOString(),
					payload: {},
				});
				expect(
					(await sim().deliver('customers/update', undefined, { event: at(73) })).results.map(
						(r) => r.status,
					),
				).toEqual([200]);
				expect(
					(await sim().deliver('customers/update', undefined, { event: at(71) })).results.map(
						(r) => r.status,
					),
				).toEqual([200]);
				expect(trigger.starts.map((s) => s[0].id)).toEqual(['evt_age_71']);
			} finally {
				await trigger.deactivate();
			}
		});

		test('OAuth-created subscriptions are verified with the client secret', async () => {
			const { engine, credentials } = await withOAuth(['read_customers', 'write_customers']);
			const trigger = await activateTrigger(engine, {
				type: 'loyaltyLionTrigger',
				credentials,
				parameters: { authentication: 'oAuth2', topics: ['customers/update'], options: {} },
			});
			try {
				const ok = await sim().deliver('customers/update', { customer: { id: 1 } });
				expect(ok.results.map((r) => r.status)).toEqual([200]);
				const signedWithSiteSecret = await sim().deliver(
					'customers/update',
					{ customer: { id: 1 } },
					{ secret: STORE.secret },
				);
				expect(signedWithSiteSecret.results.map((r) => r.status)).toEqual([401]);
				expect(trigger.starts).toHaveLength(1);
			} finally {
				await trigger.deactivate();
			}
		});
	});

	test('no output or error carries the token, the secret or the OAuth token', async () => {
		const { run } = withToken();
		const { run: oauthRun, engine } = await withOAuth(['read_customers']);
		const results = [
			await run({ resource: 'customer', operation: 'get', merchantId: 'nope' }),
			await run({ resource: 'customer', operation: 'getMany', returnAll: false, limit: 5 }),
			await oauthRun({ resource: 'points', operation: 'add', merchantId: 'cust-1', points: 1 }),
		];
		const text = results.map((r) => allText(r.run.data) + allText(r.error)).join('\n');
		expect(text).toContain('Customer nope not found');
		for (const secret of [
			STORE.token,
			STORE.secret,
			OAUTH.clientSecret,
			(
				must(engine.credentials.stored('ll-oauth'), 'the stored credential')
					.oauthTokenData as IDataObject
			).access_token as string,
		]) {
			expect(text).not.toContain(secret);
		}
	});
});
