// The LoyaltyLion operations added or changed from the Admin API pages
// (developers.loyaltylion.com/api-reference/v2/resources/...): each one run through the n8n engine against
// the simulator with the API key credential (all scopes), asserting the exact request the simulator received (method, path, query, body) and the output.
import type {
	IDataObject,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
} from 'n8n-workflow';
import type * as ActionsModule from '../nodes/LoyaltyLion/actions';
import type * as LoyaltyLionModule from '../nodes/LoyaltyLion/LoyaltyLion.node';
import { Engine, useSandbox, type RunNodeOptions } from './harness';
import { listSearch, loadOptions } from './harness/list-search';
import { must } from './harness/must';
import { requireFromRoot } from './harness/root';
import { demoCredentials } from './harness/sandbox';
import type { Transaction } from '../sandbox/src/providers/loyaltylion/model.cjs';

/** A LoyaltyLion request as the simulator received it, below /loyaltylion. */
interface Received {
	method: string;
	path: string;
	query: Record<string, string>;
	body?: unknown;
}

const box = useSandbox();
const sim = () => box.sim.instances.loyaltylion;
const rl = (value: string, mode = 'id') => ({ __rl: true as const, mode, value });

const nodeProperties = (): INodeProperties[] => {
	const { LoyaltyLion } = requireFromRoot<typeof LoyaltyLionModule>(
		'dist',
		'nodes',
		'LoyaltyLion',
		'LoyaltyLion.node.js',
	);
	return new LoyaltyLion().description.properties;
};

/** The simulator's demo credential of a type (the first API key has all six scopes). */
const demo = (type: string) =>
	must(
		demoCredentials(box.sim.baseUrl).find((c) => c.type === type),
		`the ${type} demo credential`,
	);

function withApiKey() {
	const engine = new Engine();
	const credential = demo('loyaltyLionApiKeyApi');
	const credentials = engine.addCredential(
		credential.id,
		credential.type,
		credential.data as IDataObject,
		credential.name,
	);
	const run = (parameters: INodeParameters, options: Partial<RunNodeOptions> = {}) =>
		engine.runNode({
			type: 'loyaltyLion',
			credentials,
			typeVersion: 1.1,
			parameters: { authentication: 'apiKey', ...parameters },
			...options,
		});
	return { engine, credentials, run };
}

function withTokenAndSecret() {
	const engine = new Engine();
	const credential = demo('loyaltyLionApi');
	const credentials = engine.addCredential(
		credential.id,
		credential.type,
		credential.data as IDataObject,
		credential.name,
	);
	const run = (parameters: INodeParameters) =>
		engine.runNode({
			type: 'loyaltyLion',
			credentials,
			typeVersion: 1.1,
			parameters: { authentication: 'apiToken', ...parameters },
		});
	return { engine, credentials, run };
}

/** The LoyaltyLion requests the simulator received, as sent: method, path below /loyaltylion, query, body. */
function received(): Received[] {
	return box.sim.stats.log
		.filter((r) => r.provider === 'loyaltylion')
		.map((r) => ({
			method: r.method,
			path: r.path.replace(/^\/loyaltylion/, ''),
			query: r.query,
			...(r.body !== undefined ? { body: r.body as unknown } : {}),
		}));
}

/** The output items' JSON, typed as the fields a test reads of them. */
const json = <T = IDataObject>(items: INodeExecutionData[]): T[] => items.map((i) => i.json as T);
const customer = (merchantId: string) =>
	must(sim().state.byMerchantId.get(merchantId), `customer ${merchantId}`);

describe('Customer → Get Transactions (customers/list-transactions)', () => {
	test('one customer, with the date filters and Since ID 0 (sent: ascending ids); the default JSON type is not sent', async () => {
		const { run } = withApiKey();
		const { items, error } = await run({
			resource: 'customer',
			operation: 'getTransactions',
			merchantId: rl('cust-3'),
			returnAll: false,
			limit: 2,
			filters: {
				created_at_min: '2020-01-01T00:00:00Z',
				created_at_max: '2100-01-01T00:00:00Z',
				since_id: 0,
			},
		});
		expect(error).toBeUndefined();
		expect(received()).toEqual([
			{
				method: 'GET',
				path: '/v2/customers/cust-3/transactions',
				query: {
					created_at_min: '2020-01-01T00:00:00.000Z',
					created_at_max: '2100-01-01T00:00:00.000Z',
					since_id: '0',
					limit: '2',
				},
			},
		]);
		const own = sim()
			.state.transactions.filter((t) => t.customerLionId === customer('cust-3').id)
			.map((t) => t.id)
			.sort((a, b) => a - b);
		expect(json(items).map((t) => t.id)).toEqual(own.slice(0, 2));
		for (const t of json<{ customer: { merchant_id: string } }>(items)) {
			expect(t.customer.merchant_id).toBe('cust-3');
			expect(Object.keys(t)).toEqual(
				expect.arrayContaining(['id', 'points_approved', 'points_pending', 'resource']),
			);
		}
	});

	test('Since ID: only later transactions, oldest first', async () => {
		const { run } = withApiKey();
		const own = sim()
			.state.transactions.filter((t) => t.customerLionId === customer('cust-10').id)
			.map((t) => t.id);
		const { items, error } = await run({
			resource: 'customer',
			operation: 'getTransactions',
			merchantId: rl('cust-10'),
			returnAll: true,
			filters: { since_id: own[0] },
		});
		expect(error).toBeUndefined();
		expect(received()).toEqual([
			{
				method: 'GET',
				path: '/v2/customers/cust-10/transactions',
				query: { since_id: String(own[0]), limit: '500' },
			},
		]);
		expect(json(items).map((t) => t.id)).toEqual(own.slice(1));
	});

	test('Return All follows the cursor: later pages send only the cursor and the limit', async () => {
		const { run } = withApiKey();
		const c = customer('cust-4');
		const { transactions } = sim().state;
		const template = must(
			transactions.find((t) => t.customerLionId === c.id),
			'a transaction of cust-4',
		);
		let next = Math.max(...transactions.map((t) => t.id)) + 1;
		const added: Transaction[] = [];
		for (let n = 0; n < 620; n++) {
			const t = { ...template, id: next++ };
			transactions.push(t);
			added.push(t);
		}
		try {
			const { items, error } = await run({
				resource: 'customer',
				operation: 'getTransactions',
				merchantId: rl('cust-4'),
				returnAll: true,
			});
			expect(error).toBeUndefined();
			const expected = transactions.filter((t) => t.customerLionId === c.id).length;
			const ids = json(items).map((t) => t.id);
			expect(ids).toHaveLength(expected);
			expect(new Set(ids).size).toBe(expected);
			const pages = received();
			expect(pages).toHaveLength(2);
			expect(pages[0]).toEqual({
				method: 'GET',
				path: '/v2/customers/cust-4/transactions',
				query: { limit: '500' },
			});
			expect(Object.keys(pages[1].query).sort()).toEqual(['cursor', 'limit']);
			expect(pages[1].query.limit).toBe('500');
		} finally {
			for (const t of added) transactions.splice(transactions.indexOf(t), 1);
		}
	});

	test('a customer LoyaltyLion does not know: the 404 is the error', async () => {
		const { run } = withApiKey();
		const { error } = await run({
			resource: 'customer',
			operation: 'getTransactions',
			merchantId: rl('no-such-customer'),
			returnAll: true,
		});
		expect(error?.message).toMatch(/HTTP 404/);
	});
});

describe('Reward → Get Available (customers/rewards/list-available-rewards)', () => {
	test('every reward on offer, affordable or not; Site ID limits them to one site', async () => {
		const { run } = withApiKey();
		customer('cust-5').points_approved = 0;
		const all = await run({
			resource: 'reward',
			operation: 'getAvailable',
			merchantId: rl('cust-5'),
		});
		expect(all.error).toBeUndefined();
		expect(all.items.length).toBeGreaterThan(0);
		// the customer has no points, yet rewards that cost points are listed
		expect(json<{ point_cost: number }>(all.items).every((r) => r.point_cost > 0)).toBe(true);
		const sites = new Set(json(all.items).map((r) => r.site_id));
		expect(sites.size).toBeGreaterThan(1);

		const one = await run({
			resource: 'reward',
			operation: 'getAvailable',
			merchantId: rl('cust-5'),
			siteId: '1003',
		});
		expect(one.error).toBeUndefined();
		expect(received()).toEqual([
			{ method: 'GET', path: '/v2/customers/cust-5/available_rewards', query: {} },
			{
				method: 'GET',
				path: '/v2/customers/cust-5/available_rewards',
				query: { site_id: '1003' },
			},
		]);
		expect(one.items.length).toBeGreaterThan(0);
		for (const r of json(one.items))
			expect(r).toMatchObject({ merchantId: 'cust-5', site_id: 1003 });
	});

	test('a Site ID that is not a number is refused before sending', async () => {
		const { run } = withApiKey();
		const { error } = await run({
			resource: 'reward',
			operation: 'getAvailable',
			merchantId: rl('cust-5'),
			siteId: 'US store',
		});
		expect(error?.message).toBe('Site must be a site ID (a whole number), got "US store" (item 0)');
		expect(received()).toEqual([]);
	});
});

describe('Reward → Claim (customers/rewards/redeem-reward) and Refund', () => {
	beforeEach(() => {
		customer('cust-6').points_approved = 100_000;
	});

	test('a custom reward claimed 3 times: multiplier sent; Refund takes the id of its output', async () => {
		const { run } = withApiKey();
		const claim = await run({
			resource: 'reward',
			operation: 'claim',
			merchantId: rl('cust-6'),
			rewardId: rl('105'),
			multiplier: 3,
		});
		expect(claim.error).toBeUndefined();
		expect(claim.items[0].json).toMatchObject({
			merchantId: 'cust-6',
			id: expect.any(Number),
			point_cost: 300,
			state: 'approved',
			reward: expect.objectContaining({ id: 105 }),
		});
		const refund = await run({
			resource: 'reward',
			operation: 'refund',
			merchantId: rl('cust-6'),
			claimedRewardId: String(claim.items[0].json.id),
		});
		expect(refund.error).toBeUndefined();
		expect(refund.items[0].json).toMatchObject({
			merchantId: 'cust-6',
			id: claim.items[0].json.id,
			state: 'void',
			remoteResourceDeleted: false,
		});
		expect(received()).toEqual([
			{
				method: 'POST',
				path: '/v2/customers/cust-6/claimed_rewards',
				query: {},
				body: { reward_id: 105, multiplier: 3 },
			},
			{
				method: 'POST',
				path: `/v2/customers/cust-6/claimed_rewards/${claim.items[0].json.id}/refund`,
				query: {},
			},
		]);
	});

	test('no cap of its own on the multiplier: 12 is sent, and LoyaltyLion refuses it by the reward’s maximum', async () => {
		const { run } = withApiKey();
		const { error } = await run({
			resource: 'reward',
			operation: 'claim',
			merchantId: rl('cust-6'),
			rewardId: rl('105'),
			multiplier: 12,
		});
		expect(error?.message).toMatch(/HTTP 400/);
		expect(error?.message).toMatch(/multiplier/);
		expect(received()).toEqual([
			{
				method: 'POST',
				path: '/v2/customers/cust-6/claimed_rewards',
				query: {},
				body: { reward_id: 105, multiplier: 12 },
			},
		]);
	});

	test('a Shopify seamless product reward with its variant (a string); a multiplier of 1 is not sent', async () => {
		const { run } = withApiKey();
		const { items, error } = await run({
			resource: 'reward',
			operation: 'claim',
			merchantId: rl('cust-6'),
			rewardId: rl('104'),
			multiplier: 1,
			variantId: '4400102',
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ merchantId: 'cust-6', reward: { id: 104 } });
		expect(received()).toEqual([
			{
				method: 'POST',
				path: '/v2/customers/cust-6/claimed_rewards',
				query: {},
				body: { reward_id: 104, variant_id: '4400102' },
			},
		]);
	});

	test('the field descriptions: no maximum on Multiplier; Claimed Reward ID is the id from Claim', () => {
		const properties = nodeProperties();
		const field = (name: string, operation: string) =>
			must(
				properties.find(
					(p) =>
						p.name === name &&
						p.displayOptions?.show?.resource?.includes('reward') &&
						p.displayOptions?.show?.operation?.includes(operation),
				),
				`the ${name} field of Reward → ${operation}`,
			);
		expect(field('multiplier', 'claim').typeOptions).toEqual({ minValue: 1 });
		expect(field('variantId', 'claim').description).toMatch(/Shopify seamless product rewards/);
		expect(field('claimedRewardId', 'refund').description).toMatch(/Claim's output/);
	});
});

describe('Activity → Create (activities/create-activity) and Update (activities/update-activity)', () => {
	test('every documented field; site_id as a query parameter; the output is what was sent; guest off earns the points', async () => {
		const { run } = withApiKey();
		const before = customer('cust-7').points_approved;
		const { items, error } = await run({
			resource: 'activity',
			operation: 'create',
			name: 'newsletter_signup',
			customerId: rl('cust-7', 'list'),
			customerEmail: 'shopper7@example.com',
			additionalFields: {
				merchant_id: 'ops-act-1',
				properties: '{"source": "footer form"}',
				ip_address: '203.0.113.7',
				user_agent: 'Mozilla/5.0 (X11; Linux x86_64)',
				date: '2026-05-01T10:00:00Z',
				referral_id: 'ref-123',
				tracking_id: 'trk-abc',
				guest: false,
				site_id: '1002',
			},
		});
		expect(error).toBeUndefined();
		const body = {
			name: 'newsletter_signup',
			customer_id: 'cust-7',
			customer_email: 'shopper7@example.com',
			merchant_id: 'ops-act-1',
			ip_address: '203.0.113.7',
			user_agent: 'Mozilla/5.0 (X11; Linux x86_64)',
			referral_id: 'ref-123',
			tracking_id: 'trk-abc',
			properties: { source: 'footer form' },
			date: '2026-05-01T10:00:00.000Z',
			guest: false,
		};
		expect(received()).toEqual([
			{ method: 'POST', path: '/v2/activities', query: { site_id: '1002' }, body },
		]);
		expect(items.map((i) => i.json)).toEqual([{ ...body, site_id: 1002 }]);
		// newsletter_signup is a custom rule worth 50 points: a registered (non-guest) customer earns them.
		expect(customer('cust-7').points_approved).toBe(before + 50);

		// Update: void it, by its name and its own merchant_id; the points go back.
		const update = await run({
			resource: 'activity',
			operation: 'update',
			activityName: 'newsletter_signup',
			activityMerchantId: 'ops-act-1',
			state: 'void',
		});
		expect(update.error).toBeUndefined();
		expect(update.items[0].json).toEqual({
			name: 'newsletter_signup',
			merchant_id: 'ops-act-1',
			state: 'void',
			status: 204,
		});
		expect(received()[1]).toEqual({
			method: 'PUT',
			path: '/v2/activities/newsletter_signup/ops-act-1',
			query: {},
			body: { state: 'void' },
		});
		expect(customer('cust-7').points_approved).toBe(before);
	});

	test('without Guest, LoyaltyLion treats the customer as a guest: a custom activity gives no points', async () => {
		const { run } = withApiKey();
		const before = customer('cust-8').points_approved;
		const { items, error } = await run({
			resource: 'activity',
			operation: 'create',
			name: 'newsletter_signup',
			customerId: rl('cust-8'),
			customerEmail: 'shopper8@example.com',
			additionalFields: { site_id: '1001' },
		});
		expect(error).toBeUndefined();
		const body = {
			name: 'newsletter_signup',
			customer_id: 'cust-8',
			customer_email: 'shopper8@example.com',
		};
		expect(received()).toEqual([
			{ method: 'POST', path: '/v2/activities', query: { site_id: '1001' }, body },
		]);
		expect(items[0].json).toEqual({ ...body, site_id: 1001 });
		expect(customer('cust-8').points_approved).toBe(before);
	});

	test('without a Site ID an API key of this multi-site program is refused by LoyaltyLion, the message naming site_id', async () => {
		const { run } = withApiKey();
		const { error } = await run({
			resource: 'activity',
			operation: 'create',
			name: 'newsletter_signup',
			customerId: rl('cust-8'),
			customerEmail: 'shopper8@example.com',
		});
		expect(error?.message).toMatch(/HTTP 400/);
		expect(error?.message).toMatch(/site_id/);
		expect(received()).toEqual([
			{
				method: 'POST',
				path: '/v2/activities',
				query: {},
				body: {
					name: 'newsletter_signup',
					customer_id: 'cust-8',
					customer_email: 'shopper8@example.com',
				},
			},
		]);
	});

	test('Properties that are not a JSON object are refused before sending', async () => {
		const { run } = withApiKey();
		const { error } = await run({
			resource: 'activity',
			operation: 'create',
			name: '$clickthrough',
			customerId: rl('cust-8'),
			customerEmail: 'shopper8@example.com',
			additionalFields: { properties: '[1, 2]', site_id: '1001' },
		});
		expect(error?.message).toMatch(/^Additional Fields → Properties must be a JSON object/);
		expect(received()).toEqual([]);
	});

	test('Update approves a pending $review: the $ goes into the path encoded; its pending points are approved', async () => {
		const { run } = withApiKey();
		const activity = must(
			sim().state.activities.find((a) => a.name === '$review' && a.merchant_id === 'review-13'),
			'the $review activity review-13',
		);
		expect(activity.state).toBe('pending');
		const c = customer('cust-13');
		const approved = c.points_approved;
		const { items, error } = await run({
			resource: 'activity',
			operation: 'update',
			activityName: '$review',
			activityMerchantId: 'review-13',
			state: 'approved',
		});
		expect(error).toBeUndefined();
		expect(received()).toEqual([
			{
				method: 'PUT',
				path: '/v2/activities/%24review/review-13',
				query: {},
				body: { state: 'approved' },
			},
		]);
		expect(items[0].json).toEqual({
			name: '$review',
			merchant_id: 'review-13',
			state: 'approved',
			status: 204,
		});
		expect(activity.state).toBe('approved');
		expect(c.points_approved).toBe(approved + 50);
	});

	test('the State options are named for what they do and send the three documented values', () => {
		const state = must(
			nodeProperties().find(
				(p) => p.name === 'state' && p.displayOptions?.show?.resource?.includes('activity'),
			),
			'the State field of Activity',
		);
		const options = must(state.options, 'the State options');
		expect(options.map((o) => ('value' in o ? o.value : undefined))).toEqual([
			'approved',
			'declined',
			'void',
		]);
		expect(options.map((o) => o.name)).toEqual([
			'Approve: Award the Points',
			'Decline: No Points (Voids an Approved One)',
			'Void: Take Back the Points',
		]);
	});
});

describe('Order → Get Many (orders/list-orders), Get (orders/get-order) and Create (orders/create-order)', () => {
	test('Get Many: the four date filters; newest first', async () => {
		const { run } = withApiKey();
		const { items, error } = await run({
			resource: 'order',
			operation: 'getMany',
			returnAll: false,
			limit: 3,
			filters: {
				created_at_min: '2020-01-01T00:00:00Z',
				created_at_max: '2100-01-01T00:00:00Z',
				updated_at_min: '2020-01-01T00:00:00Z',
				updated_at_max: '2100-01-01T00:00:00Z',
			},
		});
		expect(error).toBeUndefined();
		expect(received()).toEqual([
			{
				method: 'GET',
				path: '/v2/orders',
				query: {
					created_at_min: '2020-01-01T00:00:00.000Z',
					created_at_max: '2100-01-01T00:00:00.000Z',
					updated_at_min: '2020-01-01T00:00:00.000Z',
					updated_at_max: '2100-01-01T00:00:00.000Z',
					limit: '3',
				},
			},
		]);
		const ids = json<{ id: number }>(items).map((o) => o.id);
		expect(ids).toHaveLength(3);
		expect([...ids].sort((a, b) => b - a)).toEqual(ids);
		expect(json(items)[0]).toMatchObject({
			merchant_id: expect.any(String),
			total: expect.any(String),
			customer: expect.objectContaining({ merchant_id: expect.any(String) }),
		});
	});

	test('Get Many with Since ID and Return All: every later order, oldest first, on one page', async () => {
		const { run } = withApiKey();
		const orders = [...sim().state.orders.values()].map((o) => o.id).sort((a, b) => a - b);
		const { items, error } = await run({
			resource: 'order',
			operation: 'getMany',
			returnAll: true,
			filters: { since_id: orders[4] },
		});
		expect(error).toBeUndefined();
		expect(received()).toEqual([
			{ method: 'GET', path: '/v2/orders', query: { since_id: String(orders[4]), limit: '500' } },
		]);
		expect(json(items).map((o) => o.id)).toEqual(orders.slice(5));
	});

	test('Get: the bare order object, with its payments and refunds', async () => {
		const { run } = withApiKey();
		const { items, error } = await run({
			resource: 'order',
			operation: 'get',
			orderId: rl('5500100005'),
		});
		expect(error).toBeUndefined();
		expect(received()).toEqual([{ method: 'GET', path: '/v2/orders/5500100005', query: {} }]);
		expect(items).toHaveLength(1);
		expect(Object.keys(items[0].json).sort()).toEqual([
			'cancellation_status',
			'merchant_created_at',
			'merchant_id',
			'merchant_updated_at',
			'payment_status',
			'payments',
			'refund_status',
			'refunds',
			'total',
			'total_paid',
			'total_shipping',
		]);
		expect(items[0].json).toMatchObject({
			merchant_id: '5500100005',
			refund_status: 'partially_refunded',
			refunds: [{ amount: '5.00', created_at: expect.any(String) }],
		});
	});

	test('Create: discount codes and claimed reward IDs (text or a list), the customer from the list, the site as site_id', async () => {
		const { run } = withApiKey();
		const params = (orderId: string, claimed: string) => ({
			resource: 'order',
			operation: 'create',
			orderId,
			customerId: rl('cust-21', 'list'),
			customerEmail: 'shopper21@example.com',
			total: '80.00',
			totalShipping: '4.90',
			paymentStatus: 'paid',
			additionalFields: {
				discount_codes: {
					discountCode: [
						{ code: 'WELCOME5', amount: '5.00' },
						{ code: 'SPRING', amount: '2.5' },
					],
				},
				claimed_reward_ids: claimed,
				merchant_number: '#7001',
				site_id: '1001',
			},
		});
		const first = await run(params('ops-order-1', '5012, 5013'));
		expect(first.error).toBeUndefined();
		const second = await run(params('ops-order-2', '={{ [5014] }}'));
		expect(second.error).toBeUndefined();
		const body = (merchantId: string, claimed: number[]) => ({
			merchant_id: merchantId,
			customer_id: 'cust-21',
			customer_email: 'shopper21@example.com',
			total: '80.00',
			total_shipping: '4.90',
			payment_status: 'paid',
			discount_codes: [
				{ code: 'WELCOME5', amount: '5.00' },
				{ code: 'SPRING', amount: '2.5' },
			],
			claimed_reward_ids: claimed,
			merchant_number: '#7001',
		});
		expect(received()).toEqual([
			{
				method: 'POST',
				path: '/v2/orders',
				query: { site_id: '1001' },
				body: body('ops-order-1', [5012, 5013]),
			},
			{
				method: 'POST',
				path: '/v2/orders',
				query: { site_id: '1001' },
				body: body('ops-order-2', [5014]),
			},
		]);
		expect(first.items[0].json).toEqual({ ...body('ops-order-1', [5012, 5013]), status: 201 });
		expect(sim().state.orders.get('ops-order-1')).toMatchObject({
			site_id: 1001,
			total_discounts: '7.50',
			claimed_reward_ids: [5012, 5013],
		});
	});

	test('Create: a discount amount or a claimed reward ID that is not what LoyaltyLion takes is refused before sending', async () => {
		const { run } = withApiKey();
		const base = {
			resource: 'order',
			operation: 'create',
			orderId: 'ops-order-bad',
			customerId: rl('cust-21'),
			customerEmail: 'shopper21@example.com',
			total: '80.00',
			totalShipping: '4.90',
			paymentStatus: 'paid',
		};
		const amount = await run({
			...base,
			additionalFields: {
				site_id: '1001',
				discount_codes: { discountCode: [{ code: 'X', amount: '5,00' }] },
			},
		});
		expect(amount.error?.message).toBe(
			'Additional Fields → Discount Codes (1) → Amount must be an amount such as 5.00, got "5,00" (item 0)',
		);
		const claimed = await run({
			...base,
			additionalFields: { site_id: '1001', claimed_reward_ids: '5012, abc' },
		});
		expect(claimed.error?.message).toBe(
			'Additional Fields → Claimed Reward IDs must be claimed reward IDs (whole numbers), got "abc" (item 0)',
		);
		expect(received()).toEqual([]);
	});
});

describe('Site → Get Many (sites/list-sites) and Create WebView Session (sites/create-webview-session)', () => {
	test('Get Many: every site, newest first', async () => {
		const { run } = withApiKey();
		const { items, error } = await run({ resource: 'site', operation: 'getMany' });
		expect(error).toBeUndefined();
		expect(received()).toEqual([{ method: 'GET', path: '/v2/sites', query: {} }]);
		expect(json(items).map((s) => s.id)).toEqual([1003, 1002, 1001]);
		expect(items[0].json).toMatchObject({
			name: 'Demo Store (FR)',
			platform: 'shopify',
			currencies: ['eur'],
			languages: ['fr', 'en'],
			program_id: expect.any(Number),
		});
	});

	test('Get Many with token and secret: refused before sending, saying which authentication to use', async () => {
		const { run } = withTokenAndSecret();
		const { error } = await run({ resource: 'site', operation: 'getMany' });
		expect(error?.message).toBe('Site → Get Many cannot be used with token and secret (item 0)');
		expect(error?.description).toMatch(/API Key/);
		expect(received()).toEqual([]);
	});

	test('a WebView session for an authenticated customer: channel, language, currency and customer sent; the session is the output', async () => {
		const { run } = withApiKey();
		const { items, error } = await run({
			resource: 'site',
			operation: 'createWebviewSession',
			siteId: rl('1003', 'list'),
			channel: 'n8n_app.ios',
			additionalFields: {
				language: 'fr',
				currency: 'eur',
				customer: { details: { merchant_id: 'cust-8', email: 'shopper8@example.com' } },
			},
		});
		expect(error).toBeUndefined();
		expect(received()).toEqual([
			{
				method: 'POST',
				path: '/v2/sites/1003/webviews/sessions',
				query: {},
				body: {
					channel: 'n8n_app.ios',
					language: 'fr',
					currency: 'eur',
					customer: { merchant_id: 'cust-8', email: 'shopper8@example.com' },
				},
			},
		]);
		expect(items).toHaveLength(1);
		expect(Object.keys(items[0].json).sort()).toEqual(['expires_at', 'url']);
		expect(items[0].json.url).toMatch(/^https:\/\/fr\.demo-store\.example\/.*customer=cust-8/);
		expect(Date.parse(String(items[0].json.expires_at))).toBeGreaterThan(Date.now());
	});

	test('WebView sessions keep their own documented 100/s, not the global 20/s: more than 20 in a second, no 429', async () => {
		const { run } = withApiKey();
		box.sim.stats.log.length = 0;
		const { items, error } = await run(
			{ resource: 'site', operation: 'createWebviewSession', siteId: rl('1001'), channel: 'kiosk' },
			{ items: Array.from({ length: 60 }, () => ({})) },
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(60);
		const sent = box.sim.stats.log.filter((r) => r.route === '/v2/sites/:siteId/webviews/sessions');
		expect(sent).toHaveLength(60);
		const times = sent.map((r) => r.at);
		const busiestSecond = Math.max(
			...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length),
		);
		expect(busiestSecond).toBeGreaterThan(20);
		expect(busiestSecond).toBeLessThanOrEqual(100);
	});

	test('only the channel when nothing else is given', async () => {
		const { run } = withApiKey();
		const { error } = await run({
			resource: 'site',
			operation: 'createWebviewSession',
			siteId: rl('1001'),
			channel: 'kiosk',
		});
		expect(error).toBeUndefined();
		expect(received()).toEqual([
			{
				method: 'POST',
				path: '/v2/sites/1001/webviews/sessions',
				query: {},
				body: { channel: 'kiosk' },
			},
		]);
	});

	test('a channel LoyaltyLion would refuse (spaces, one character) and a site ID that is not a number: refused before sending', async () => {
		const { run } = withApiKey();
		const session = (siteId: string, channel: string) =>
			run({ resource: 'site', operation: 'createWebviewSession', siteId: rl(siteId), channel });
		expect((await session('1001', 'my app')).error?.message).toBe(
			'Channel must be at least 2 letters, digits, dots or underscores, got "my app" (item 0)',
		);
		expect((await session('1001', 'a')).error?.message).toMatch(/^Channel must be/);
		// mapped from an earlier node (an expression), so the editor's own check of By ID does not stop it first
		expect((await session('={{ "US" }}', 'kiosk')).error?.message).toBe(
			'Site ID must be a LoyaltyLion site ID (a whole number), got "US" (item 0)',
		);
		expect(received()).toEqual([]);
	});

	test('the Site list (searchSites): every site, matched by name or URL; with token and secret, a message to give the ID', async () => {
		const { engine, credentials } = withApiKey();
		const search = (filter: string) =>
			listSearch(engine, {
				type: 'loyaltyLion',
				method: 'searchSites',
				credentials,
				filter,
				parameters: {
					authentication: 'apiKey',
					resource: 'site',
					operation: 'createWebviewSession',
				},
			});
		expect(await search('')).toEqual({
			results: [
				{ name: 'Demo Store (FR) (https://fr.demo-store.example) · ID 1003', value: '1003' },
				{ name: 'Demo Store (UK) (https://uk.demo-store.example) · ID 1002', value: '1002' },
				{ name: 'Demo Store (US) (https://demo-store.example) · ID 1001', value: '1001' },
			],
		});
		expect((await search('uk')).results.map((r) => r.value)).toEqual(['1002']);
		expect((await search('nothing like it')).results).toEqual([]);
		expect(received()).toEqual([
			{ method: 'GET', path: '/v2/sites', query: {} },
			{ method: 'GET', path: '/v2/sites', query: {} },
			{ method: 'GET', path: '/v2/sites', query: {} },
		]);

		const store = withTokenAndSecret();
		await expect(
			listSearch(store.engine, {
				type: 'loyaltyLion',
				method: 'searchSites',
				credentials: store.credentials,
				parameters: { authentication: 'apiToken' },
			}),
		).rejects.toMatchObject({ message: 'Sites cannot be listed with token and secret' });
		expect(received()).toHaveLength(3);
	});
});

describe('Email Unsubscribe → Get Many (emails/list-unsubscribes) and Create (emails/create-unsubscribe)', () => {
	test('Get Many pages by number with one page size until a page is shorter; Limit asks for no more than it needs', async () => {
		const { run } = withApiKey();
		const list = sim().state.unsubscribes;
		const seeded = list.length;
		const extra = Array.from({ length: 1200 }, (_, n) => ({
			email: `bulk${n}@example.com`,
			id: null,
			created_at: new Date().toISOString(),
		}));
		list.push(...extra);
		try {
			const all = await run({
				resource: 'emailUnsubscribe',
				operation: 'getMany',
				returnAll: true,
			});
			expect(all.error).toBeUndefined();
			expect(all.items).toHaveLength(seeded + 1200);
			expect(json(all.items).slice(0, seeded)).toEqual(
				list.slice(0, seeded).map((u) => ({ email: u.email, id: u.id })),
			);
			expect(json(all.items).at(-1)).toEqual({ email: 'bulk1199@example.com', id: null });
			expect(received()).toEqual(
				['1', '2', '3'].map((page) => ({
					method: 'GET',
					path: '/v2/loyalty_emails/unsubscribes',
					query: { limit: '500', page },
				})),
			);

			box.sim.stats.reset();
			const two = await run({
				resource: 'emailUnsubscribe',
				operation: 'getMany',
				returnAll: false,
				limit: 2,
			});
			expect(json(two.items)).toEqual(list.slice(0, 2).map((u) => ({ email: u.email, id: u.id })));
			expect(received()).toEqual([
				{
					method: 'GET',
					path: '/v2/loyalty_emails/unsubscribes',
					query: { limit: '2', page: '1' },
				},
			]);

			box.sim.stats.reset();
			const many = await run({
				resource: 'emailUnsubscribe',
				operation: 'getMany',
				returnAll: false,
				limit: 600,
			});
			expect(many.items).toHaveLength(600);
			expect(new Set(json(many.items).map((u) => u.email)).size).toBe(600);
			expect(received().map((r) => r.query)).toEqual([
				{ limit: '500', page: '1' },
				{ limit: '500', page: '2' },
			]);
		} finally {
			list.splice(seeded, extra.length);
		}
	});

	test('Create: added the first time (201), already on the list the second (200)', async () => {
		const { run } = withApiKey();
		const add = () =>
			run({ resource: 'emailUnsubscribe', operation: 'create', email: 'ops-unsub@example.com' });
		const first = await add();
		expect(first.error).toBeUndefined();
		expect(first.items[0].json).toEqual({ email: 'ops-unsub@example.com', added: true });
		const second = await add();
		expect(second.error).toBeUndefined();
		expect(second.items[0].json).toEqual({ email: 'ops-unsub@example.com', added: false });
		const call = {
			method: 'POST',
			path: '/v2/loyalty_emails/unsubscribes',
			query: {},
			body: { email: 'ops-unsub@example.com' },
		};
		expect(received()).toEqual([call, call]);
		expect(
			sim().state.unsubscribes.filter((u) => u.email === 'ops-unsub@example.com'),
		).toHaveLength(1);
	});

	test('Create: an address that is not one is refused before sending', async () => {
		const { run } = withApiKey();
		const { error } = await run({
			resource: 'emailUnsubscribe',
			operation: 'create',
			email: 'not-an-email',
		});
		expect(error?.message).toBe('Email must be an email address, got "not-an-email" (item 0)');
		expect(received()).toEqual([]);
	});
});

describe('how each operation runs', () => {
	test('reads run side by side; every write names the record it changes', () => {
		const { actions } = requireFromRoot<typeof ActionsModule>(
			'dist',
			'nodes',
			'LoyaltyLion',
			'actions',
			'index.js',
		);
		const spec = (resource: string, operation: string) => {
			const handler = must(actions.handler(resource, operation), `${resource} → ${operation}`);
			return { kind: handler.kind, records: handler.records };
		};
		expect(spec('customer', 'getTransactions')).toEqual({ kind: 'read', records: undefined });
		expect(spec('reward', 'getAvailable')).toEqual({ kind: 'read', records: undefined });
		expect(spec('order', 'get')).toEqual({ kind: 'read', records: undefined });
		expect(spec('order', 'getMany')).toEqual({ kind: 'read', records: undefined });
		expect(spec('site', 'getMany')).toEqual({ kind: 'read', records: undefined });
		expect(spec('emailUnsubscribe', 'getMany')).toEqual({ kind: 'read', records: undefined });
		expect(spec('reward', 'claim')).toEqual({ kind: 'write', records: ['merchantId'] });
		expect(spec('activity', 'create')).toEqual({ kind: 'write', records: ['customerId'] });
		expect(spec('activity', 'update')).toEqual({ kind: 'write', records: ['activityMerchantId'] });
		expect(spec('order', 'create')).toEqual({ kind: 'write', records: ['orderId'] });
		expect(spec('site', 'createWebviewSession')).toEqual({ kind: 'write', records: ['siteId'] });
		expect(spec('emailUnsubscribe', 'create')).toEqual({ kind: 'write', records: ['email'] });
	});

	test('the Customer of Activity → Create and Order → Create is a resource locator searching customers', () => {
		const properties = nodeProperties();
		for (const resource of ['activity', 'order']) {
			const field = must(
				properties.find(
					(p) =>
						p.name === 'customerId' &&
						p.displayOptions?.show?.resource?.includes(resource) &&
						p.displayOptions?.show?.operation?.includes('create'),
				),
				`the Customer field of ${resource} → Create`,
			);
			expect(field.type).toBe('resourceLocator');
			const list = must(
				must(field.modes, 'the Customer modes').find((m) => m.name === 'list'),
				'the Customer list mode',
			);
			expect(list.typeOptions?.searchListMethod).toBe('searchCustomers');
		}
	});
});

describe('Pickers for claimed rewards and sites', () => {
	test("a customer's claimed rewards are listed from their transactions, in their latest state; Refund and Order → Create take the picked ones; sites are picked in Additional Fields", async () => {
		const { engine, credentials, run } = withApiKey();
		customer('cust-11').points_approved = 10_000;
		const claim = await run({
			resource: 'reward',
			operation: 'claim',
			merchantId: rl('cust-11'),
			rewardId: rl('103'),
		});
		expect(claim.error).toBeUndefined();
		const claimedId = String(json(claim.items)[0].id);
		const day = String(json(claim.items)[0].claimed_at).slice(0, 10);
		const search = (filter: string) =>
			listSearch(engine, {
				type: 'loyaltyLion',
				method: 'searchClaimedRewards',
				credentials,
				filter,
				parameters: {
					authentication: 'apiKey',
					resource: 'reward',
					operation: 'refund',
					merchantId: rl('cust-11', 'list'),
				},
			});
		const listed = await search('');
		expect(listed.results).toContainEqual({
			name: `Free shipping · ${day} · approved · ID ${claimedId}`,
			value: claimedId,
		});
		expect((await search('no such reward')).results).toEqual([]);
		const options = await loadOptions(engine, {
			type: 'loyaltyLion',
			method: 'claimedRewardOptions',
			credentials,
			parameters: {
				authentication: 'apiKey',
				resource: 'order',
				operation: 'create',
				customerId: rl('cust-11'),
			},
		});
		expect(options).toEqual(listed.results);
		await expect(
			loadOptions(engine, {
				type: 'loyaltyLion',
				method: 'claimedRewardOptions',
				credentials,
				parameters: { authentication: 'apiKey', resource: 'order', operation: 'create' },
			}),
		).rejects.toMatchObject({ message: 'Choose the customer first' });

		const order = await run({
			resource: 'order',
			operation: 'create',
			orderId: 'ops-order-picked',
			customerId: rl('cust-11', 'list'),
			customerEmail: 'shopper11@example.com',
			total: '20.00',
			totalShipping: '0.00',
			paymentStatus: 'paid',
			additionalFields: { claimed_reward_ids: [claimedId], site_id: rl('1002', 'list') },
		});
		expect(order.error).toBeUndefined();
		const sent = must(
			received().find((r) => r.method === 'POST' && r.path === '/v2/orders'),
			'the order sent',
		);
		expect(sent.query).toEqual({ site_id: '1002' });
		expect((sent.body as IDataObject).claimed_reward_ids).toEqual([Number(claimedId)]);

		const refund = await run({
			resource: 'reward',
			operation: 'refund',
			merchantId: rl('cust-11', 'list'),
			claimedRewardId: rl(claimedId, 'list'),
		});
		expect(refund.error).toBeUndefined();
		expect(json(refund.items)[0]).toMatchObject({ id: Number(claimedId), state: 'void' });
		expect((await search('')).results).toContainEqual({
			name: `Free shipping · ${day} · void · ID ${claimedId}`,
			value: claimedId,
		});
		const bad = await run({
			resource: 'reward',
			operation: 'refund',
			merchantId: rl('cust-11'),
			claimedRewardId: rl('=free shipping'),
		});
		expect(bad.error?.message).toBe(
			'Claimed Reward must be a claimed reward ID (a whole number), got "free shipping" (item 0)',
		);

		const available = await run({
			resource: 'reward',
			operation: 'getAvailable',
			merchantId: rl('cust-11'),
			siteId: rl('1003', 'list'),
		});
		expect(available.error).toBeUndefined();
		expect(received().at(-1)).toMatchObject({
			method: 'GET',
			path: '/v2/customers/cust-11/available_rewards',
			query: { site_id: '1003' },
		});
	});
});

describe('Transactions as a CSV file (type=csv)', () => {
	test('every page along the Link header, one file with one header row; the same rows as the JSON list; Limit honoured', async () => {
		const { run } = withApiKey();
		const all = sim().state.transactions;
		let next = Math.max(...all.map((t) => t.id)) + 1;
		for (const t of all.slice(0, 140).concat(all, all)) all.push({ ...t, id: next++ });
		expect(all.length).toBeGreaterThan(600);

		const asJson = await run({ resource: 'transaction', operation: 'getMany', returnAll: true });
		expect(asJson.error).toBeUndefined();
		box.sim.stats.log.length = 0;
		const csv = await run({
			resource: 'transaction',
			operation: 'getMany',
			returnAll: true,
			format: 'csv',
			binaryPropertyName: 'export',
			filters: { created_at_min: '2000-01-01T00:00:00Z' },
		});
		expect(csv.error).toBeUndefined();
		expect(csv.items).toHaveLength(1);
		const [item] = csv.items;
		const binary = must(item.binary, 'the CSV file');
		expect(item.json).toEqual({
			fileName: 'loyaltylion-transactions.csv',
			rows: all.length,
			pages: 2,
		});
		expect(binary.export).toMatchObject({ mimeType: 'text/csv' });
		const text = Buffer.from(binary.export.data, 'base64').toString('utf8');
		const lines = text.trim().split('\n');
		expect(lines[0]).toMatch(/^id,/);
		expect(lines.filter((l) => l === lines[0])).toHaveLength(1);
		expect(lines.slice(1).map((l) => Number(l.split(',')[0]))).toEqual(
			json(asJson.items).map((t) => t.id),
		);
		const [first, second] = received();
		expect(first.query).toEqual({
			created_at_min: '2000-01-01T00:00:00.000Z',
			type: 'csv',
			limit: '500',
		});
		// The second page: the cursor of the Link header's next URL (and the type), sent to the credential's own base.
		expect(Object.keys(second.query).sort()).toEqual(['cursor', 'limit', 'type']);
		expect(received()).toHaveLength(2);

		const three = await run({
			resource: 'customer',
			operation: 'getTransactions',
			merchantId: rl('cust-3'),
			returnAll: false,
			limit: 2,
			format: 'csv',
			binaryPropertyName: 'data',
		});
		expect(three.error).toBeUndefined();
		expect(three.items[0].json).toEqual({
			fileName: 'loyaltylion-transactions-cust-3.csv',
			rows: 2,
			pages: 1,
		});
		expect(must(received().at(-1), 'the last request').query).toEqual({
			type: 'csv',
			limit: '2',
		});
	});
});

describe('CSV with Since ID when the answers carry no cursor (the since_id loop, developers.loyaltylion.com/api-reference/pagination)', () => {
	test('pages ascend, since_id moves to the last id of the id column, a short page ends; one header row', async () => {
		const { run } = withApiKey();
		const all = sim().state.transactions;
		let next = Math.max(...all.map((t) => t.id)) + 1;
		while (all.length < 1300) all.push({ ...all[all.length % 50], id: next++ });
		const since = all[0].id;
		const later = all.filter((t) => t.id > since).map((t) => t.id);
		sim().state.options.sinceIdCursors = false;
		try {
			box.sim.stats.log.length = 0;
			const { items, error } = await run({
				resource: 'transaction',
				operation: 'getMany',
				returnAll: true,
				format: 'csv',
				binaryPropertyName: 'data',
				filters: { since_id: since },
			});
			expect(error).toBeUndefined();
			const text = Buffer.from(must(items[0].binary, 'the CSV file').data.data, 'base64').toString(
				'utf8',
			);
			const lines = text.trim().split('\n');
			expect(lines[0]).toMatch(/^id,/);
			const ids = lines.slice(1).map((l) => Number(l.split(',')[0]));
			expect(ids).toEqual(later);
			expect(items[0].json).toMatchObject({ rows: later.length });
			const pages = received().map((r) => r.query);
			expect(pages.length).toBe(Math.floor(later.length / 500) + 1);
			pages.forEach((q, n) =>
				expect(q).toEqual({
					since_id: String(n === 0 ? since : later[n * 500 - 1]),
					type: 'csv',
					limit: '500',
				}),
			);
		} finally {
			sim().state.options.sinceIdCursors = true;
		}
	});

	test('Since ID with a Sort other than ID ascending is refused before anything is sent', async () => {
		const { run } = withApiKey();
		box.sim.stats.log.length = 0;
		const { error } = await run({
			resource: 'customer',
			operation: 'getMany',
			returnAll: true,
			filters: { since_id: 10 },
			sort: { sort_field: 'updated_at' },
		});
		expect(error?.message).toMatch(/^Sort cannot be combined with Since ID/);
		expect(received()).toHaveLength(0);
		const ok = await run({
			resource: 'customer',
			operation: 'getMany',
			returnAll: false,
			limit: 3,
			filters: { since_id: 10 },
			sort: { sort_field: 'id', sort_direction: 'asc' },
		});
		expect(ok.error).toBeUndefined();
		expect(ok.items).toHaveLength(3);
	});
});

describe('LoyaltyLion Return All with Since ID (pagination, since_id)', () => {
	const run = (parameters: INodeParameters) => {
		const engine = new Engine();
		const store = must(
			demoCredentials(box.sim.baseUrl).find((c) => c.type === 'loyaltyLionApi'),
			'the loyaltyLionApi demo credential',
		);
		const credentials = engine.addCredential(
			'll-since',
			'loyaltyLionApi',
			store.data as IDataObject,
		);
		return engine.runNode({
			type: 'loyaltyLion',
			credentials,
			typeVersion: 1.1,
			parameters: { authentication: 'apiToken', ...parameters },
		});
	};
	const queries = () =>
		box.sim.stats.log.filter((r) => r.route === '/v2/customers').map((r) => r.query);

	test('since_id 0 is sent; pages ascend, since_id moves to the last id, a short page ends', async () => {
		box.sim.stats.reset();
		const { items, error } = await run({
			resource: 'customer',
			operation: 'getMany',
			returnAll: false,
			limit: 1200,
			filters: { since_id: 0 },
			simplify: false,
		});
		expect(error).toBeUndefined();
		const ids = json<{ id: number }>(items).map((i) => i.id);
		expect(ids).toHaveLength(1200);
		expect([...ids].sort((a, b) => a - b)).toEqual(ids);
		expect(new Set(ids).size).toBe(1200);
		expect(queries()).toEqual([
			{ since_id: '0', limit: '500' },
			{ since_id: String(ids[499]), limit: '500' },
			{ since_id: String(ids[999]), limit: '200' },
		]);
		box.sim.stats.reset();
		const tail = await run({
			resource: 'customer',
			operation: 'getMany',
			returnAll: true,
			filters: { since_id: ids[1199] },
			simplify: false,
		});
		const rest = json<{ id: number }>(tail.items).map((i) => i.id);
		expect(rest[0]).toBeGreaterThan(ids[1199]);
		const pages = queries();
		expect(pages.length).toBeGreaterThan(1);
		expect(must(pages.at(-1), 'the last page').since_id).toBe(
			String(rest[(pages.length - 1) * 500 - 1]),
		);
		expect(rest.length).toBeLessThan(pages.length * 500);
	});
});

describe('LoyaltyLion simulator: a wrong method or an unknown path is named', () => {
	test('405 names the method, the path and the methods it takes; 404 names the route', async () => {
		const wrong = await fetch(`${box.sim.baseUrl('loyaltylion')}/v2/identity/whoami`, {
			method: 'DELETE',
		});
		expect(wrong.status).toBe(405);
		expect(wrong.headers.get('allow')).toBe('GET');
		expect(await wrong.json()).toEqual({
			error: {
				message: 'DELETE is not allowed on /loyaltylion/v2/identity/whoami; it takes GET',
			},
		});
		const unknown = await fetch(`${box.sim.baseUrl('loyaltylion')}/v2/nothing-here`);
		expect(unknown.status).toBe(404);
		expect(await unknown.json()).toEqual({
			error: { message: 'No route GET /v2/nothing-here' },
		});
	});
});

describe('LoyaltyLion simulator: a path with the wrong kind of id is refused naming the field', () => {
	test("a customer's, an order's or an activity's LoyaltyLion id where the store's ID belongs: 404 naming merchant_id and the record it is the id of", async () => {
		const { run } = withApiKey();
		const customer = sim().state.customers[2];
		const points = await run({
			resource: 'points',
			operation: 'add',
			merchantId: rl(String(customer.id)),
			points: 1,
		});
		expect(points.error?.message).toBe(
			`LoyaltyLion answered HTTP 404 (item 0): Customer ${customer.id} not found (merchant_id: must be the customer's ID in your store; ${customer.id} is LoyaltyLion's id of the customer whose merchant_id is "${customer.merchant_id}")`,
		);
		const unknown = await run({
			resource: 'points',
			operation: 'add',
			merchantId: rl('no-such-customer'),
			points: 1,
		});
		expect(unknown.error?.message).toBe(
			"LoyaltyLion answered HTTP 404 (item 0): Customer no-such-customer not found (merchant_id: matches nothing: it must be the customer's ID in your store)",
		);

		const order = [...sim().state.orders.values()][0];
		const get = await run({ resource: 'order', operation: 'get', orderId: rl(String(order.id)) });
		expect(get.error?.message).toBe(
			`LoyaltyLion answered HTTP 404 (item 0): Order ${order.id} not found (merchant_id: must be the order's ID in your store; ${order.id} is LoyaltyLion's id of the order whose merchant_id is "${order.merchant_id}")`,
		);

		const update = await run({
			resource: 'activity',
			operation: 'update',
			activityName: 'newsletter_signup',
			activityMerchantId: customer.merchant_id,
			state: 'declined',
		});
		expect(update.error?.message).toBe(
			`LoyaltyLion answered HTTP 404 (item 0): Activity newsletter_signup with merchant_id ${customer.merchant_id} not found (merchant_id: must be the activity's own merchant_id (sent when it was tracked); "${customer.merchant_id}" is a customer's merchant_id)`,
		);
		// Nothing was changed by the refused requests.
		expect(sim().state.customers[2].points_approved).toBe(customer.points_approved);
	});
});

describe('LoyaltyLion simulator: order create', () => {
	// orders/create-order: snapshot B's example carries `number` (meaning not public); another field is refused.
	test('accepts and ignores `number`; refuses a field the page does not describe, by name', async () => {
		const store = { token: 'll-demo-token', secret: 'll-demo-site-secret' };
		const post = (body: IDataObject) =>
			fetch(`${box.sim.baseUrl('loyaltylion')}/v2/orders`, {
				method: 'POST',
				headers: {
					'Content-Type': 'application/json',
					Authorization: `Basic ${Buffer.from(`${store.token}:${store.secret}`).toString('base64')}`,
				},
				body: JSON.stringify(body),
			});
		const order = {
			customer_id: 'cust-1',
			customer_email: 'shopper1@example.com',
			total: '10.00',
			total_shipping: '0.00',
			payment_status: 'paid',
		};
		const accepted = await post({ ...order, merchant_id: 'number-1', number: 1001 });
		expect(accepted.status).toBe(201);
		const refused = await post({ ...order, merchant_id: 'number-2', numbr: 1001 });
		expect(refused.status).toBe(400);
		expect(JSON.stringify(await refused.json())).toMatch(/numbr/);
	});
});
