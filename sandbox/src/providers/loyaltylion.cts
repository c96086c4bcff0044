// LoyaltyLion simulator: the Admin API v2 (`/v2/...`) as LoyaltyLion's Admin API v2 reference describes it,
// plus the partner OAuth flow. Each route names the developers.loyaltylion.com page it was written from
// (SOURCES below) or says "assumed: not public".
//
// Auth (developers.loyaltylion.com/api-reference/authentication/overview): API keys (`Authorization:
// Bearer pat_...`, each with its own scopes; the pat_ prefix is the documented example's, assumed), OAuth
// bearer tokens issued by /oauth/access-token (approved scopes), and the deprecated token & secret over HTTP
// Basic (all access, one pair per site; refused by GET /v2/sites). Scopes: a read needs read_X or write_X,
// a write needs write_X. Which scope each endpoint needs is not public except WebView sessions
// (write_customers) and the webhook topics (each topic's page): the mapping below is assumed.
//
// Errors use the documented 401 shape everywhere: {error: {message, details: {field: text}}} (details is an
// object of string to string); validation refusals are 400 and name each field and what is wrong; unknown
// query parameters and unknown body fields are refused by name. 403, 404, 422 and 429 bodies are not public
// for the Admin API: they use the same shape (assumed).
//
// Pagination (developers.loyaltylion.com/api-reference/pagination): cursor {prev, next} (also in the Link header), newest first; the cursor keeps
// the first request's filters and only `limit` is read with it; since_id switches to ascending ids above it;
// limit 1..500, default 100; `page` (deprecated) on customers, activities, orders; page-number pagination on
// the unsubscribe list. 20 requests per second per credential (100 for WebView sessions).
//
// Webhooks (developers.loyaltylion.com/api-reference/v2/webhooks/overview): deliveries POST {id, topic, created_at, ...} signed with base64 HMAC-SHA256 of the raw
// body in x-loyaltylion-hmac-sha256, keyed by the OAuth client secret for OAuth-created webhooks and by the
// site secret otherwise; the payload nesting follows each topic's page (see `envelope`).
import * as crypto from 'node:crypto';
import * as http from 'node:http';
import { z } from 'zod';

const NAME = 'loyaltylion';
const SCOPES = [
	'read_customers',
	'write_customers',
	'read_unsubscribes',
	'write_unsubscribes',
	'read_orders',
	'write_orders',
];

const DEFAULTS = {
	oauthClients: [
		{
			clientId: 'll-demo-client',
			clientSecret: 'll-demo-oauth-secret',
			/** the integration the OAuth client is (whoami `integration`, webhooks' service_integration_id; assumed) */
			serviceIntegrationId: 4101,
			name: 'Demo partner app',
		},
	],
	/**
	 * Token & secret pairs (deprecated): one pair per site. Whether the pair's secret is the site secret that
	 * signs webhooks is not public; here they are the same value (assumed).
	 */
	stores: [
		{
			token: 'll-demo-token',
			secret: 'll-demo-site-secret',
			domain: 'demo-store.example',
			siteId: 1001,
		},
	],
	/**
	 * API keys of the program (developers.loyaltylion.com/api-reference/authentication/api-keys): Bearer
	 * `pat_...`, each with the scopes chosen at creation.
	 */
	apiKeys: [
		{
			token: 'pat_e1c7demo0a11sc0pes5f3a9c2e1b7d4',
			name: 'Simulator: all scopes',
			scopes: [...SCOPES],
			disabled: false,
		},
		{
			token: 'pat_4b8ddemo0read0cust0mers2e6f0a9c1',
			name: 'Simulator: read_customers only',
			scopes: ['read_customers'],
			disabled: false,
		},
	],
	/** signs deliveries of webhooks created with an API key (and, being equal to it, with token & secret) */
	siteSecret: 'll-demo-site-secret',
	program: { id: 7301, accountId: 5120 },
	/** a multi-site program, newest last here (GET /v2/sites answers newest first) */
	sites: [
		{
			id: 1001,
			name: 'Demo Store (US)',
			url: 'https://demo-store.example',
			platform: 'shopify',
			currencies: ['usd'],
			languages: ['en'],
			created_at: '2023-03-01T09:00:00.000Z',
			updated_at: '2024-11-02T10:15:00.000Z',
		},
		{
			id: 1002,
			name: 'Demo Store (UK)',
			url: 'https://uk.demo-store.example',
			platform: 'magento',
			currencies: ['gbp'],
			languages: ['en-gb'],
			created_at: '2023-06-12T08:30:00.000Z',
			updated_at: '2024-09-20T16:00:00.000Z',
		},
		{
			id: 1003,
			name: 'Demo Store (FR)',
			url: 'https://fr.demo-store.example',
			platform: 'shopify',
			currencies: ['eur'],
			languages: ['fr', 'en'],
			created_at: '2024-02-05T11:45:00.000Z',
			updated_at: '2024-12-01T09:00:00.000Z',
		},
	],
	customers: 5000,
	rateLimitPerSecond: 20,
	/** sites/create-webview-session: this endpoint allows 100 requests per second */
	webviewRateLimitPerSecond: 100,
	/** whether a since_id answer also carries cursors (JSON `cursor`, CSV `Link`) is not public (assumed: yes) */
	sinceIdCursors: true,
	/** program_events/customer.points_earned is sent after a 5-minute delay (control `flushEvents` sends now) */
	pointsEarnedDelayMs: 5 * 60_000,
};

/** The 17 topics POST /v2/webhooks accepts (webhooks/create-webhook), with the scopes each topic's page names. */
const TOPIC_SCOPES: Record<string, string[]> = {
	'customers/update': ['read_customers'],
	'loyalty_emails/unsubscribe': ['read_unsubscribes'],
	'program_events/customer.enrolled': ['read_customers'],
	'program_events/customer.tier_upgraded': ['read_customers'],
	'program_events/customer.tier_downgraded': ['read_customers'],
	'program_events/customer.points_earned': ['read_customers'],
	'program_events/customer.reward_available_notification': ['read_customers'],
	'program_events/customer.recurring_reward_available_reminder': ['read_customers'],
	'program_events/customer.claimed_reward': ['read_customers'],
	'program_events/customer.referral_complete': ['read_customers', 'read_orders'],
	'program_events/customer.rule_completed': ['read_customers', 'read_orders'],
	'program_events/customer.approaching_tier_upgrade': ['read_customers'],
	// page not stored: the scope is assumed to be its siblings'
	'program_events/customer.moved_to_at_risk_segment': ['read_customers'],
	'program_events/customer.moved_to_defected_segment': ['read_customers'],
	'program_events/customer.moved_to_loyal_segment': ['read_customers'],
	'program_events/customer.approaching_points_expiration': ['read_customers'],
	'program_events/customer.approaching_reward_expiration': ['read_customers'],
};
const TOPICS = Object.keys(TOPIC_SCOPES);
/** Topics whose payload carries id/created_at/kind/unique_until next to `properties` (the topics' pages under api-reference/v2/webhooks/events/). */
const WRAPPED_TOPICS = new Set([
	'program_events/customer.tier_upgraded',
	'program_events/customer.tier_downgraded',
	'program_events/customer.approaching_points_expiration',
	'program_events/customer.approaching_reward_expiration',
]);
/** Insight-segment topics: fields directly in `payload`. */
const SEGMENT_TOPICS = new Set([
	'program_events/customer.moved_to_at_risk_segment',
	'program_events/customer.moved_to_defected_segment',
	'program_events/customer.moved_to_loyal_segment',
]);

/** Point-based tiers: bounds are the points divided by 100 (5000 points -> "50.00"). */
const TIERS = [
	{
		id: 1,
		name: 'Bronze',
		number: 1,
		default: true,
		hidden: false,
		lower_bound: '0.00',
		upper_bound: '10.00',
		position: 0,
	},
	{
		id: 2,
		name: 'Silver',
		number: 2,
		default: false,
		hidden: false,
		lower_bound: '10.00',
		upper_bound: '30.00',
		position: 1,
	},
	{
		id: 3,
		name: 'Gold',
		number: 3,
		default: false,
		hidden: false,
		lower_bound: '30.00',
		upper_bound: null,
		position: 2,
	},
];

/**
 * Rules activities are tracked against (activities/create-activity: a custom identifier, or a built-in rule
 * name prefixed with `$`). Values and initial states are the simulator's program configuration.
 */
const RULES = [
	{ id: 11, name: '$signup', title: 'Create an account', value: 100, state: 'approved' },
	{ id: 12, name: '$purchase', title: 'Make a purchase', value: 0, state: 'approved' },
	{ id: 13, name: '$review', title: 'Leave a product review', value: 50, state: 'pending' },
	{
		id: 14,
		name: '$clickthrough',
		title: 'Visit our Instagram',
		value: 20,
		state: 'approved',
		needsUrl: true,
	},
	{ id: 15, name: '$birthday', title: 'Celebrate your birthday', value: 200, state: 'approved' },
	{ id: 21, name: 'newsletter_signup', title: 'Join the newsletter', value: 50, state: 'approved' },
	{ id: 22, name: 'birthday_bonus', title: 'Birthday bonus', value: 150, state: 'approved' },
];

/** Reward kinds each platform supports (customers/rewards/list-available-rewards). */
const ONE_OFF = [
	'cart_discount_voucher',
	'free_shipping_voucher',
	'collection_voucher',
	'active_subscription_discount_voucher',
];
const PLATFORM_KINDS: Record<string, string[]> = {
	shopify: [
		...ONE_OFF,
		'custom_reward',
		'checkout_redemption',
		'product_voucher',
		'product_cart',
		'product_subscription',
		'gift_card',
	],
	magento: [...ONE_OFF, 'custom_reward', 'product_voucher'],
	bigcommerce: [...ONE_OFF, 'custom_reward', 'product_voucher'],
	custom: ['custom_reward'],
};

/**
 * Rewards. Field names from list-available-rewards and the old rewards page; the `kind` strings other than
 * the documented example `active_subscription_discount_voucher` are assumed (snake_case of the variant names).
 * `enabled` and `tiers` are internal (which rewards a customer is offered).
 */
const REWARD_SEED = [
	{
		id: 101,
		kind: 'cart_discount_voucher',
		title: '$5 voucher',
		point_cost: 500,
		method: 'voucher',
		discount_type: 'flat',
		discount_amount: 5,
		site_id: 1001,
	},
	{
		id: 102,
		kind: 'cart_discount_voucher',
		title: '$10 voucher',
		point_cost: 900,
		method: 'voucher',
		discount_type: 'flat',
		discount_amount: 10,
		minimum_spend: 50,
		site_id: 1001,
	},
	{
		id: 103,
		kind: 'free_shipping_voucher',
		title: 'Free shipping',
		point_cost: 300,
		method: 'voucher',
		discount_type: 'flat',
		discount_amount: null,
		max_free_shipping: 10,
		site_id: 1001,
	},
	{
		id: 104,
		kind: 'product_cart',
		title: 'Free canvas tote',
		description: 'Added to your cart at no cost',
		point_cost: 5000,
		method: 'voucher',
		discount_type: 'percentage',
		discount_amount: 100,
		site_id: 1001,
		target_type: 'products',
		target_products: [
			{
				id: 8801,
				variant_id: 4400101,
				sku: 'TOTE-NAT',
				url: 'https://demo-store.example/products/canvas-tote',
				image_url: 'https://demo-store.example/cdn/tote-natural.jpg',
				title: 'Canvas tote (natural)',
				sort_key: 1,
			},
			{
				id: 8801,
				variant_id: 4400102,
				sku: 'TOTE-BLK',
				url: 'https://demo-store.example/products/canvas-tote',
				image_url: 'https://demo-store.example/cdn/tote-black.jpg',
				title: 'Canvas tote (black)',
				sort_key: 2,
			},
		],
	},
	{
		id: 105,
		kind: 'custom_reward',
		title: 'Plant a tree',
		description: 'We plant one tree per claim, through our partner',
		point_cost: 100,
		method: 'store_fulfilment',
		discount_type: 'custom',
		discount_amount: null,
		min_redemption_amount: 1,
		max_redemption_amount: 10,
		site_id: 1001,
		content: { fulfilment_instructions: 'A certificate is e-mailed within 3 days' },
	},
	{
		id: 106,
		kind: 'cart_discount_voucher',
		title: '20% off for Gold members',
		point_cost: 1500,
		method: 'voucher',
		discount_type: 'percentage',
		discount_amount: 20,
		site_id: 1001,
		tiers: [3],
	},
	{
		id: 107,
		kind: 'active_subscription_discount_voucher',
		title: '15% off your next subscription box',
		point_cost: 1200,
		method: 'voucher',
		discount_type: 'percentage',
		discount_amount: 15,
		site_id: 1003,
		order_type: 'subscription',
		recurring_cycle_limit: 1,
	},
	{
		id: 108,
		kind: 'cart_discount_voucher',
		title: '£5 voucher',
		point_cost: 500,
		method: 'voucher',
		discount_type: 'flat',
		discount_amount: 5,
		site_id: 1002,
	},
	{
		id: 109,
		kind: 'gift_card',
		title: '€10 gift card',
		point_cost: 1000,
		method: 'gift_card',
		discount_type: 'flat',
		discount_amount: 10,
		site_id: 1003,
	},
	{
		id: 110,
		kind: 'product_voucher',
		title: 'Free tea sample',
		point_cost: 800,
		method: 'voucher',
		discount_type: 'percentage',
		discount_amount: 100,
		site_id: 1002,
		target_type: 'products',
		target_products: [
			{
				id: 9901,
				variant_id: 5500201,
				sku: 'TEA-SMPL',
				url: 'https://uk.demo-store.example/tea-sample',
				image_url: 'https://uk.demo-store.example/media/tea.jpg',
				title: 'Tea sample',
				sort_key: 1,
			},
		],
	},
	// disabled: never offered
	{
		id: 111,
		kind: 'cart_discount_voucher',
		title: 'Retired: $3 voucher',
		point_cost: 250,
		method: 'voucher',
		discount_type: 'flat',
		discount_amount: 3,
		site_id: 1001,
		enabled: false,
	},
	// a checkout reward on Adobe Commerce, which does not support them: never offered
	{
		id: 112,
		kind: 'checkout_redemption',
		title: 'Pay with points',
		point_cost: 100,
		method: 'voucher',
		discount_type: 'flat',
		discount_amount: 1,
		site_id: 1002,
	},
];

const encodeCursor = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decodeCursor = (text) => {
	try {
		return JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
	} catch {
		return undefined;
	}
};

const R = 'https://developers.loyaltylion.com/api-reference/v2/resources/';
/**
 * Where each route comes from: the provider's reference page it was written from and validates as, a seed
 * document, or "assumed: not public" with the reason. The core refuses to register a route not listed here.
 */
export const SOURCES: Record<string, string> = {
	'GET /oauth/authorize':
		'https://developers.loyaltylion.com/api-reference/authentication/oauth: authorize with comma-separated scopes; error answers and accepting any redirect_uri assumed: not public',
	'POST /oauth/access-token':
		'https://developers.loyaltylion.com/api/authentication/oauth/ (older copy): form client_id, client_secret, code; HTTP Basic client credentials and the error answers assumed: not public',
	'GET /v2/identity/whoami': `${R}whoami`,
	'GET /v2/customers': `${R}customers/list-customers (date filters: https://developers.loyaltylion.com/api/resources/customers)`,
	'GET /v2/customers/:merchantId':
		'assumed: not public (the Admin API has no get-one-customer operation; only Headless has one)',
	'PATCH /v2/customers/:merchantId': `${R}customers/update-customer`,
	'POST /v2/customers/:merchantId/points': `${R}customers/add-points`,
	'POST /v2/customers/:merchantId/remove_points': `${R}customers/remove-points`,
	'GET /v2/customers/:merchantId/transactions': `${R}customers/list-transactions`,
	'GET /v2/customers/:merchantId/available_rewards': `${R}customers/rewards/list-available-rewards`,
	'POST /v2/customers/:merchantId/claimed_rewards': `${R}customers/rewards/redeem-reward`,
	'POST /v2/customers/:merchantId/claimed_rewards/:id/refund': `${R}customers/rewards/refund-reward`,
	'GET /v2/activities': `${R}activities/list-activities`,
	'POST /v2/activities': `${R}activities/create-activity`,
	'PUT /v2/activities/:name/:merchantId': `${R}activities/update-activity`,
	'GET /v2/transactions': `${R}transactions/list-transactions`,
	'GET /v2/orders': `${R}orders/list-orders`,
	'POST /v2/orders': `${R}orders/create-order`,
	'GET /v2/orders/:merchantId': `${R}orders/get-order`,
	'PUT /v2/orders/:merchantId': `${R}orders/update-order`,
	'GET /v2/sites': `${R}sites/list-sites`,
	'POST /v2/sites/:siteId/webviews/sessions': `${R}sites/create-webview-session`,
	'GET /v2/loyalty_emails/unsubscribes': `${R}emails/list-unsubscribes`,
	'POST /v2/loyalty_emails/unsubscribes': `${R}emails/create-unsubscribe.md`,
	'GET /v2/webhooks': `${R}webhooks/list-webhooks`,
	'POST /v2/webhooks': `${R}webhooks/create-webhook`,
	'DELETE /v2/webhooks/:id':
		'assumed: not public (https://developers.loyaltylion.com/api-reference/v2/webhooks/overview says the API can remove subscriptions; no page gives the method and path)',
};

const MONEY = /^\d+(\.\d+)?$/;
const toCents = (s) => Math.round(Number(s) * 100);
const fromCents = (c) => (c / 100).toFixed(2);
// Amounts a request gives are decimal strings with any number of decimals (3 for KWD): they are added and
// compared exactly, in minor units at the most decimals any of them has (at least 2, as the examples show).
const decimalsOf = (s) => (String(s).split('.')[1] ?? '').length;
const scaleOf = (...amounts) => Math.max(2, ...amounts.map(decimalsOf));
const toMinor = (s, scale) => {
	const [whole, fraction = ''] = String(s).split('.');
	return (
		Number(whole || '0') * 10 ** scale + Number((fraction + '0'.repeat(scale)).slice(0, scale))
	);
};
const fromMinor = (minor, scale) => {
	const digits = String(minor).padStart(scale + 1, '0');
	return `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
};
/** The sum of amounts, at the scale of those and of `others` (the order's amounts). */
const sumOf = (amounts: string[], ...others: string[]) => {
	const scale = scaleOf(...amounts, ...others);
	return fromMinor(
		amounts.reduce((n, a) => n + toMinor(a, scale), 0),
		scale,
	);
};

function create(api, userOptions) {
	const { route, HttpError, parseAuthorization, sim, randomId } = api;
	const options = { ...DEFAULTS, ...userOptions };
	// own copies: the control API changes keys' scopes, which must not leak into DEFAULTS or other instances
	options.apiKeys = options.apiKeys.map((k) => ({ ...k, scopes: [...k.scopes] }));
	for (const key of options.apiKeys) api.secret(key.token);
	const program = options.program;
	const sites = options.sites;
	const siteById = new Map<number, any>(sites.map((s) => [s.id, s]));
	const state: any = {
		options,
		codes: new Map(),
		/** OAuth tokens: token -> {clientId, scopes, revoked} */
		tokens: new Map(),
		/** customers as the API shows them (wire objects), oldest first */
		customers: [] as any[],
		byMerchantId: new Map(),
		/** orders by their merchant_id (internal records; views below) */
		orders: new Map(),
		/** activities (internal records: `name` and `customer_id` are the tracked rule name and store customer id) */
		activities: [] as any[],
		/** transactions (internal: `merchant_id`, `points` and `reason` are the customer's store id, the net points and an adjustment's reason) */
		transactions: [] as any[],
		claimed: new Map(),
		rewards: REWARD_SEED.map((r) => ({ ...r })),
		unsubscribes: [] as any[],
		webhooks: new Map(),
		deliveries: [] as any[],
		/** delayed events not sent yet (points_earned waits 5 minutes) */
		pendingEvents: [] as any[],
		authorizeRequests: [] as any[],
		hits: new Map(),
		/** deliveries the webhook receiver rejected (status != 2xx) */
		failedDeliveries: [] as any[],
	};
	const seq = {
		customer: 1,
		transaction: 1,
		activity: 1,
		claimed: 1,
		webhook: 1,
		event: 1,
		order: 1,
		adjustment: 1,
		expiry: 1,
	};

	const iso = (ms) => new Date(ms).toISOString();
	const nowIso = () => new Date().toISOString();
	const base = Date.UTC(2024, 0, 1);

	// ---- Views ----
	const summary = (c) => ({
		id: c.id,
		merchant_id: c.merchant_id,
		email: c.email,
		points_pending: c.points_pending,
		points_approved: c.points_approved,
		points_spent: c.points_spent,
	});
	const customerByLionId = (id) =>
		state.customers[id - 1]?.id === id
			? state.customers[id - 1]
			: state.customers.find((c) => c.id === id);
	const rewardView = (r) => {
		const site = siteById.get(r.site_id);
		return {
			id: r.id,
			kind: r.kind,
			title: r.title,
			description: r.description ?? null,
			sort_key: r.sort_key,
			content: r.content ?? {},
			point_cost: r.point_cost,
			method: r.method,
			discount_type: r.discount_type,
			discount_amount: r.discount_amount ?? null,
			minimum_spend: r.minimum_spend ?? null,
			usage_limit: r.usage_limit ?? 1,
			min_redemption_amount: r.min_redemption_amount ?? 1,
			max_redemption_amount: r.max_redemption_amount ?? 1,
			max_free_shipping: r.max_free_shipping ?? null,
			site_id: r.site_id,
			target_site: site ? { id: site.id, name: site.name, url: site.url } : null,
			order_type: r.order_type ?? 'one_time',
			target_type: r.target_type ?? 'all',
			target_collections: r.target_collections ?? [],
			target_products: r.target_products ?? [],
			session_options: r.session_options ?? null,
			auto_refund_seconds: r.auto_refund_seconds ?? null,
			expiry_options: r.expiry_options ?? { kind: 'does_not_expire', seconds: null },
			redeemable_expiry_options: r.redeemable_expiry_options ?? null,
			supported_channels: r.supported_channels ?? ['web'],
			recurring_cycle_limit: r.recurring_cycle_limit ?? null,
		};
	};
	state.rewards.forEach((r, i) => (r.sort_key = i + 1));
	const activityView = (a) => {
		const c = customerByLionId(a.customerLionId);
		const view: any = {
			id: a.id,
			merchant_id: a.merchant_id,
			value: a.value,
			state: a.state,
			customer: summary(c),
			created_at: a.created_at,
			rule: a.rule,
		};
		if (a.flow) view.flow = a.flow;
		return view;
	};
	const claimedView = (cr) => {
		const { merchantId, customerLionId, ...view } = cr;
		return view;
	};
	const transactionView = (t) => ({
		id: t.id,
		customer: summary(customerByLionId(t.customerLionId)),
		points_approved: t.points_approved,
		points_pending: t.points_pending,
		created_at: t.created_at,
		resource: t.resource,
		activity: t.activity ? { ...activityView(t.activity), resource: null } : null,
		claimed_reward: t.claimed_reward ? claimedView(t.claimed_reward) : null,
		adjustment: t.adjustment ?? null,
		expiry: t.expiry ?? null,
	});
	const orderListView = (o) => ({
		id: o.id,
		merchant_id: o.merchant_id,
		merchant_number: o.merchant_number,
		total: o.total,
		total_tax: o.total_tax,
		total_shipping: o.total_shipping,
		total_discounts: o.total_discounts,
		total_paid: o.total_paid,
		total_refunded: sumOf(
			o.refunds.map((r) => r.amount),
			o.total,
		),
		payment_status: o.payment_status,
		fulfillment_status: o.fulfillment_status,
		refund_status: o.refund_status,
		cancellation_status: o.cancellation_status,
		metadata: o.metadata,
		created_at: o.created_at,
		updated_at: o.updated_at,
		customer: summary(customerByLionId(o.customerLionId)),
	});
	// orders/get-order: a bare object, these fields only (no id, no customer, no total_refunded)
	const orderGetView = (o) => ({
		cancellation_status: o.cancellation_status,
		merchant_id: o.merchant_id,
		payment_status: o.payment_status,
		refund_status: o.refund_status,
		total_paid: o.total_paid,
		total_shipping: o.total_shipping,
		total: o.total,
		merchant_created_at: o.merchant_created_at,
		merchant_updated_at: o.merchant_updated_at,
		payments: o.payments.map((p) => ({ ...p })),
		refunds: o.refunds.map((r) => ({ ...r })),
	});

	// ---- State changes ----
	const FIRST = ['Ava', 'Liam', 'Noah', 'Emma', 'Olivia', 'Mia', 'Lucas', 'Zoe', 'Ethan', 'Isla'];
	const LAST = [
		'Smith',
		'Jones',
		'Taylor',
		'Brown',
		'Williams',
		'Wilson',
		'Johnson',
		'Davies',
		'Patel',
		'Garcia',
	];
	const pad = (n) => String(n).padStart(2, '0');
	const tierMembership = (tier, startedMs) => ({
		started_at: iso(startedMs),
		expires_at: null,
		manual: false,
		loyalty_tier: { ...tier },
	});
	const addCustomer = (merchantId, email, createdMs, extra: any = {}) => {
		const id = seq.customer++;
		const first = FIRST[id % FIRST.length];
		const last = LAST[Math.floor(id / 10) % LAST.length];
		const guest = extra.guest ?? false;
		const referralId = `r${id.toString(36)}${(id * 7919).toString(36).slice(-3)}`;
		const customer = {
			id,
			merchant_id: merchantId,
			email,
			points_approved: 0,
			points_pending: 0,
			points_spent: 0,
			properties: { first_name: first, last_name: last, name: `${first} ${last}` },
			metadata: { shopify_source_url: `https://demo-store.example/admin/customers/${merchantId}` },
			rewards_claimed: 0,
			blocked: false,
			guest,
			enrolled: !guest,
			enrolled_at: guest ? null : iso(createdMs),
			referral_id: referralId,
			referred_by: null as any,
			// customers/list-customers: the tier sits at loyalty_tier_membership.loyalty_tier
			loyalty_tier_membership: guest ? null : tierMembership(TIERS[extra.tier ?? 0], createdMs),
			insights_segment: null as string | null,
			birthday: null as string | null,
			referral_url: `https://demo-store.example/r/${referralId}`,
			linked_merchant_ids: [] as string[],
			created_at: iso(createdMs),
			updated_at: iso(createdMs),
		};
		state.customers.push(customer);
		state.byMerchantId.set(merchantId, customer);
		return customer;
	};
	const addTransaction = (customer, t, createdAt = nowIso()) => {
		const record = {
			id: seq.transaction++,
			customerLionId: customer.id,
			merchant_id: customer.merchant_id,
			points: (t.points_approved ?? 0) + (t.points_pending ?? 0),
			reason: t.adjustment?.reason ?? null,
			points_approved: t.points_approved ?? 0,
			points_pending: t.points_pending ?? 0,
			created_at: createdAt,
			resource: t.resource,
			activity: t.activity ?? null,
			claimed_reward: t.claimed_reward ?? null,
			adjustment: t.adjustment ?? null,
			expiry: t.expiry ?? null,
		};
		state.transactions.push(record);
		return record;
	};
	const adjust = (customer, points, reason, createdAt = nowIso()) =>
		addTransaction(
			customer,
			{
				points_approved: points,
				resource: 'adjustment',
				// the adjustment object's fields are not public (assumed)
				adjustment: { id: seq.adjustment++, points, reason: reason ?? null, created_at: createdAt },
			},
			createdAt,
		);
	/** Records an activity and moves the customer's points as its state says. */
	const addActivity = (customer, a, createdAt = nowIso()) => {
		const activity = {
			id: seq.activity++,
			name: a.name,
			customer_id: customer.merchant_id,
			customer_email: customer.email,
			customerLionId: customer.id,
			merchant_id: a.merchant_id ?? null,
			value: a.value,
			state: a.state,
			rule: a.rule,
			flow: a.flow,
			properties: a.properties ?? {},
			site_id: a.site_id,
			guest: a.guest,
			ip_address: a.ip_address,
			user_agent: a.user_agent,
			referral_id: a.referral_id,
			tracking_id: a.tracking_id,
			created_at: createdAt,
		};
		state.activities.push(activity);
		if (activity.value && (activity.state === 'approved' || activity.state === 'pending')) {
			const field = activity.state === 'approved' ? 'points_approved' : 'points_pending';
			customer[field] += activity.value;
			addTransaction(
				customer,
				{ [field]: activity.value, resource: 'activity', activity },
				createdAt,
			);
		}
		return activity;
	};
	const ruleOf = (name) => {
		const rule = RULES.find((r) => r.name === name);
		return rule
			? { rule, view: { id: rule.id, name: rule.name, title: rule.title } }
			: { rule: undefined, view: { id: null, name: null, title: null } };
	};
	const touched = (customer) => {
		customer.updated_at = nowIso();
		deliverTopic('customers/update', { customer });
	};

	// ---- Seed ----
	for (let i = 1; i <= options.customers; i++) {
		const created = base + i * 3600_000;
		const tier = i % 10 === 9 ? 2 : i % 10 >= 7 ? 1 : 0;
		const c = addCustomer(`cust-${i}`, `shopper${i}@example.com`, created, {
			tier,
			// a few guests (not enrolled, no tier), none of them the newest customer
			guest: i % 250 === 125,
		});
		c.points_approved = (i * 37) % 2000;
		if (i % 97 === 0) c.blocked = true;
		c.insights_segment = ['Loyal', 'At Risk', 'Win Back', null][i % 4];
		if (i % 7 === 0) c.birthday = `19${70 + (i % 30)}-${pad(1 + (i % 12))}-${pad(1 + (i % 28))}`;
		if (i % 20 === 0) c.referred_by = { id: i - 1, merchant_id: `cust-${i - 1}` };
		if (i % 150 === 0) c.linked_merchant_ids = [`legacy-${i}`];
		if (i > 200) continue;
		// transactions of the four resource kinds, for the first 200 customers
		const at = (minutes) => iso(created + minutes * 60_000);
		adjust(c, c.points_approved, 'Seeded balance', at(1));
		addActivity(
			c,
			{ name: '$signup', value: 0, state: 'approved', rule: ruleOf('$signup').view, guest: false },
			at(2),
		);
		if (i % 10 === 3) {
			addActivity(
				c,
				{
					name: '$review',
					merchant_id: `review-${i}`,
					value: 50,
					state: 'pending',
					rule: ruleOf('$review').view,
				},
				at(5),
			);
		}
		if (i % 25 === 0) {
			addActivity(
				c,
				{
					name: 'birthday_bonus',
					merchant_id: `bday-${i}`,
					value: 150,
					state: 'approved',
					rule: ruleOf('birthday_bonus').view,
					flow: { id: 61, journey_id: 9000 + i, name: 'Birthday flow', block_id: 'block-reward-1' },
				},
				at(8),
			);
		}
		if (i % 50 === 0) {
			const points = Math.min(50, c.points_approved);
			c.points_approved -= points;
			addTransaction(
				c,
				{
					points_approved: -points,
					resource: 'expiry',
					// the expiry object's fields are not public (assumed)
					expiry: { id: seq.expiry++, points, expired_at: at(20) },
				},
				at(20),
			);
		}
		if (i <= 40) seedOrder(c, i, created + 30 * 60_000);
		if (i === 5 || i === 15 || i === 25) seedClaim(c, at(40));
	}
	function seedOrder(c, n, ms) {
		const total = ((n * 7.35) % 180) + 20;
		const status = n % 8 === 0 ? 'not_paid' : n % 8 === 1 ? 'partially_paid' : 'paid';
		const paidCents =
			status === 'paid'
				? toCents(total.toFixed(2))
				: status === 'partially_paid'
					? toCents((total / 2).toFixed(2))
					: 0;
		const when = iso(ms);
		const order: any = {
			id: seq.order++,
			merchant_id: String(5500100000 + n),
			merchant_number: `#${1000 + n}`,
			customerLionId: c.id,
			site_id: 1001,
			total: total.toFixed(2),
			total_tax: (total * 0.08).toFixed(2),
			total_shipping: '4.90',
			total_discounts: n % 6 === 0 ? '5.00' : '0.00',
			total_paid: fromCents(paidCents),
			payment_status: status,
			fulfillment_status: status === 'paid' ? 'fulfilled' : 'not_fulfilled',
			refund_status: 'not_refunded',
			cancellation_status: 'not_cancelled',
			metadata: {
				shopify_source_url: `https://demo-store.example/admin/orders/${5500100000 + n}`,
				shopify_source_name: 'web',
				shopify_location_id: 61001,
			},
			discount_codes: n % 6 === 0 ? [{ code: 'WELCOME5', amount: '5.00' }] : [],
			claimed_reward_ids: [],
			payments: paidCents
				? [{ amount: fromCents(paidCents), created_at: when, gateway: 'shopify_payments' }]
				: [],
			refunds: [] as any[],
			created_at: when,
			updated_at: when,
			merchant_created_at: when,
			merchant_updated_at: when,
			awarded: false,
		};
		if (status === 'paid' && n % 5 === 0) {
			order.refunds.push({ amount: '5.00', created_at: iso(ms + 86_400_000) });
			order.refund_status = 'partially_refunded';
		}
		if (status === 'paid' && n % 13 === 0) {
			order.refunds = [{ amount: order.total_paid, created_at: iso(ms + 86_400_000) }];
			order.refund_status = 'refunded';
			order.cancellation_status = 'cancelled';
		}
		if (order.refunds.length)
			order.updated_at = order.merchant_updated_at = order.refunds[0].created_at;
		state.orders.set(order.merchant_id, order);
		if (status === 'paid') awardPurchase(c, order, when);
	}
	function seedClaim(c, at) {
		const reward = state.rewards.find((r) => r.id === 103);
		const claimed = makeClaim(c, reward, 1, undefined, at);
		c.points_spent += claimed.point_cost;
		c.rewards_claimed++;
		addTransaction(
			c,
			{ points_approved: -claimed.point_cost, resource: 'claimed_reward', claimed_reward: claimed },
			at,
		);
	}
	/** $purchase: one point per whole currency unit of the total (the simulator's program configuration). */
	function awardPurchase(customer, order, at = nowIso()) {
		if (order.awarded) return;
		order.awarded = true;
		addActivity(
			customer,
			{
				name: '$purchase',
				merchant_id: order.merchant_id,
				value: Math.floor(Number(order.total)),
				state: 'approved',
				rule: ruleOf('$purchase').view,
				site_id: order.site_id,
			},
			at,
		);
	}
	function makeClaim(customer, reward, multiplier, variantId, at = nowIso()) {
		let redeemable: any;
		let session: any = null;
		if (reward.method === 'store_fulfilment') {
			redeemable = {
				redeemable_type: 'fulfilment',
				fulfilled: false,
				fulfilled_at: null,
				expires_on: null,
			};
		} else if (reward.kind === 'product_cart') {
			// assumed: a seamless product is added to the cart through a session token
			session = { kind: 'cart', token: randomId('cs_', 8) };
			redeemable = { redeemable_type: 'cart_item', variant_id: variantId };
		} else if (reward.kind === 'checkout_redemption') {
			session = { kind: 'checkout', token: randomId('co_', 8) };
			redeemable = {
				code: null,
				discount_amount: reward.discount_amount ?? null,
				usage_count: 0,
				usage_limit: 1,
			};
		} else {
			redeemable = {
				code: randomId('LL-', 4).toUpperCase(),
				discount_amount: reward.discount_amount ?? null,
				usage_count: 0,
				usage_limit: reward.usage_limit ?? 1,
			};
		}
		const claimed = {
			id: seq.claimed++,
			claimed_at: at,
			point_cost: reward.point_cost * multiplier,
			redeemable,
			reward: rewardView(reward),
			state: 'approved',
			session,
			auto_refund_at: null,
			expires_at: null,
			merchantId: customer.merchant_id,
			customerLionId: customer.id,
		};
		state.claimed.set(claimed.id, claimed);
		return claimed;
	}
	state.unsubscribes.push(
		{ email: 'shopper13@example.com', id: 'cust-13', created_at: iso(base + 20 * 86_400_000) },
		{
			email: 'no-longer-a-customer@example.com',
			id: null,
			created_at: iso(base + 40 * 86_400_000),
		},
		{ email: 'shopper77@example.com', id: 'cust-77', created_at: iso(base + 60 * 86_400_000) },
	);

	// ---- Errors, auth, validation ----
	const apiError = (status, message, details?) =>
		new HttpError(status, { error: { message, ...(details ? { details } : {}) } });

	/** Who is calling; enforces 20 requests per second per credential (`bucket` for endpoint limits). */
	const authenticate = (ctx, bucket?: { name: string; perSecond: number }) => {
		const auth = parseAuthorization(ctx.headers.authorization);
		let who;
		if (auth?.scheme === 'basic') {
			const store = options.stores.find((s) => s.token === auth.user && s.secret === auth.password);
			if (!store) throw apiError(401, 'Invalid token or secret');
			// token & secret: no permissions, i.e. everything (developers.loyaltylion.com/api/authentication/token-secret)
			who = {
				kind: 'token_secret',
				key: `store:${store.token}`,
				owner: 'merchant',
				store,
				siteId: store.siteId,
				scopes: SCOPES,
				noun: 'token and secret',
			};
		} else if (auth?.scheme === 'bearer' && auth.value.startsWith('pat_')) {
			// Assumed: a Bearer token starting with pat_ is an API key, any other an OAuth token (the API-keys
			// page's example key starts with pat_; the format is not stated).
			const key = options.apiKeys.find((k) => k.token === auth.value);
			if (!key) throw apiError(401, 'Invalid API key');
			if (key.disabled) throw apiError(401, 'This API key is disabled');
			who = {
				kind: 'api_key',
				key: `api_key:${key.token}`,
				owner: 'merchant',
				apiKey: key,
				scopes: key.scopes,
				noun: 'API key',
			};
		} else if (auth?.scheme === 'bearer') {
			const token = state.tokens.get(auth.value);
			if (!token || token.revoked) throw apiError(401, 'Invalid or revoked access token');
			who = {
				kind: 'oauth_token',
				key: `oauth:${auth.value}`,
				owner: `oauth:${token.clientId}`,
				clientId: token.clientId,
				scopes: token.scopes,
				noun: 'access token',
			};
		} else {
			throw apiError(
				401,
				'Authentication required: an API key or OAuth token as Bearer, or token:secret over HTTP Basic',
			);
		}
		const limit = bucket?.perSecond ?? options.rateLimitPerSecond;
		const hitKey = bucket ? `${who.key} ${bucket.name}` : who.key;
		const now = Date.now();
		const recent = (state.hits.get(hitKey) ?? []).filter((t) => now - t < 1000);
		if (recent.length >= limit) {
			state.hits.set(hitKey, recent);
			throw apiError(429, `Rate limit exceeded: at most ${limit} requests per second`);
		}
		recent.push(now);
		state.hits.set(hitKey, recent);
		return who;
	};
	const covers = (who, scope) =>
		who.scopes.includes(scope) ||
		(scope.startsWith('read_') && who.scopes.includes(`write_${scope.slice(5)}`));
	const refuseScope = (who, scope, message?) => {
		throw apiError(
			403,
			message ??
				(scope.startsWith('read_')
					? `This action requires the ${scope} scope (or write_${scope.slice(5)}), which the ${who.noun} was not granted`
					: `This action requires the ${scope} scope, which the ${who.noun} was not granted`),
			{ required_scope: scope, granted_scopes: who.scopes.join(',') },
		);
	};
	/**
	 * Authenticates and checks a scope: `read` needs read_X or write_X, `write` needs write_X. Which endpoint
	 * needs which scope is assumed (not public) except WebView sessions (write_customers).
	 */
	const need = (
		ctx,
		access: 'read' | 'write',
		resource: 'customers' | 'orders' | 'unsubscribes',
	) => {
		const who = authenticate(ctx);
		const scope = `${access}_${resource}`;
		if (!covers(who, scope)) refuseScope(who, scope);
		return who;
	};

	const article = (t) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`);
	/** zod issues -> {field: text}, one entry per field, each saying what is wrong. */
	const describe = (issues) => {
		const details: Record<string, string> = {};
		for (const issue of issues) {
			if (issue.code === 'unrecognized_keys') {
				for (const k of issue.keys)
					details[[...issue.path, k].join('.')] = 'is not a field of this request';
				continue;
			}
			const field = issue.path.join('.') || 'body';
			let text = issue.message;
			if (issue.code === 'invalid_type' && (text === 'Required' || text.startsWith('Expected ')))
				text =
					issue.received === 'undefined'
						? 'is required'
						: `must be ${article(issue.expected)}, not ${issue.received}`;
			else if (issue.code === 'invalid_enum_value')
				text = `must be one of ${issue.options.join(', ')}; got ${JSON.stringify(issue.received)}`;
			else if (issue.code === 'invalid_literal') text = `must be ${JSON.stringify(issue.expected)}`;
			else if (issue.code === 'invalid_union') {
				const firsts = issue.unionErrors
					.map((e) => e.issues[0])
					.filter((i) => i?.code === 'invalid_type');
				text = firsts.some((i) => i.received === 'undefined')
					? 'is required'
					: `must be ${firsts.map((i) => article(i.expected)).join(' or ')}, not ${firsts[0]?.received ?? 'this'}`;
			}
			details[field] ??= text;
		}
		return details;
	};
	const fail400 = (details: Record<string, string>) => {
		const message = Object.entries(details)
			.map(([k, v]) => `${k} ${v}`)
			.join('; ');
		return apiError(400, message, details);
	};
	const validate = (schema, body) => {
		if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body)))
			throw fail400({ body: 'must be a JSON object' });
		const parsed = schema.safeParse(body ?? {});
		if (!parsed.success) throw fail400(describe(parsed.error.issues));
		return parsed.data;
	};
	const noBody = (ctx) => {
		const b = ctx.body;
		if (
			b === undefined ||
			b === '' ||
			(typeof b === 'object' && b && !Array.isArray(b) && !Object.keys(b).length)
		)
			return;
		if (typeof b === 'object' && b && !Array.isArray(b))
			throw fail400(
				Object.fromEntries(
					Object.keys(b).map((k) => [k, 'is not a field of this request (it takes no body)']),
				),
			);
		throw fail400({ body: 'must be empty: this request takes no body' });
	};
	const money = (what = 'a decimal string such as "99.99"') =>
		z
			.string({
				invalid_type_error: `must be ${what}, not a number or other type`,
				required_error: 'is required',
			})
			.regex(MONEY, `must be ${what}, without currency symbols or separators`);
	const isoDateTime = z
		.string()
		.refine(
			(s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s) && !Number.isNaN(Date.parse(s)),
			'must be an ISO 8601 date-time such as "2024-05-01T12:00:00Z"',
		);

	type QSpec = Record<
		string,
		| { kind: 'int'; min?: number; max?: number }
		| { kind: 'enum'; values: string[] }
		| { kind: 'string'; pattern?: RegExp; hint?: string }
		| { kind: 'datetime' }
	>;
	/** Reads the query: unknown parameters refused by name, each known one checked; dates become ms. */
	const readQuery = (ctx, spec: QSpec) => {
		const given = [...new Set(ctx.query.keys())] as string[];
		const unknown = given.filter((k) => !(k in spec));
		if (unknown.length) {
			const accepted = Object.keys(spec);
			throw apiError(
				400,
				`Unknown query parameter${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}: ${ctx.url.pathname.replace(/^\/loyaltylion/, '')} accepts ${accepted.length ? accepted.join(', ') : 'no query parameters'}`,
				Object.fromEntries(unknown.map((k) => [k, 'is not a parameter of this endpoint'])),
			);
		}
		const out: any = {};
		const details: Record<string, string> = {};
		for (const [name, s] of Object.entries(spec)) {
			const raw = ctx.query.get(name);
			if (raw === null) continue;
			if (s.kind === 'int') {
				const ok = /^-?\d+$/.test(raw);
				const n = Number(raw);
				if (!ok) details[name] = `must be a whole number, got ${JSON.stringify(raw)}`;
				else if (s.min !== undefined && n < s.min)
					details[name] =
						s.max !== undefined
							? `must be between ${s.min} and ${s.max}, got ${raw}`
							: `must be at least ${s.min}, got ${raw}`;
				else if (s.max !== undefined && n > s.max)
					details[name] = `must be between ${s.min ?? 0} and ${s.max}, got ${raw}`;
				else out[name] = n;
			} else if (s.kind === 'enum') {
				if (!s.values.includes(raw))
					details[name] = `must be one of ${s.values.join(', ')}; got ${JSON.stringify(raw)}`;
				else out[name] = raw;
			} else if (s.kind === 'datetime') {
				const ms = Date.parse(raw);
				if (!/^\d{4}-\d{2}-\d{2}/.test(raw) || Number.isNaN(ms))
					details[name] =
						`must be an ISO 8601 date-time such as "2024-05-01T12:00:00Z", got ${JSON.stringify(raw)}`;
				else out[name] = ms;
			} else {
				if (s.pattern && !s.pattern.test(raw))
					details[name] = `${s.hint ?? 'is not valid'}, got ${JSON.stringify(raw)}`;
				else out[name] = raw;
			}
		}
		if (Object.keys(details).length) throw fail400(details);
		return out;
	};
	const LIMIT = { kind: 'int', min: 1, max: 500 } as const;

	/**
	 * Cursor pagination (developers.loyaltylion.com/api-reference/pagination). `q` is the parsed query; `filterNames` are baked into the cursor
	 * (and ignored on cursor requests); newest first unless since_id (ascending) or an explicit sort.
	 */
	const cursorList = (
		ctx,
		key,
		q,
		records: any[],
		filterNames: string[],
		filter: (r, f) => boolean,
	) => {
		const limit = q.limit ?? 100;
		let f: any;
		let anchor: any;
		let direction: 'next' | 'prev' | undefined;
		if (q.cursor !== undefined) {
			const c = decodeCursor(q.cursor);
			if (!c || c.k !== key || !c.f)
				throw fail400({ cursor: 'is not a cursor this endpoint issued' });
			f = c.f;
			anchor = c.a;
			direction = c.d;
		} else {
			f = {};
			for (const n of filterNames) if (q[n] !== undefined) f[n] = q[n];
		}
		const field = f.sort_field ?? 'id';
		const dir =
			f.sort_direction ?? (f.since_id !== undefined && f.sort_field === undefined ? 'asc' : 'desc');
		const tuple = (r) => [field === 'id' ? r.id : r[field], r.id];
		const cmp = (a, b) => {
			const s = a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1];
			return dir === 'asc' ? s : -s;
		};
		// every store is kept in ascending id order: only other sort fields need a sort. `filter` only tests
		// the baked filters `f` (a list scoped otherwise is passed already scoped), so no filter means no test.
		const filtering = Object.keys(f).some(
			(k) => !['sort_field', 'sort_direction', 'type'].includes(k),
		);
		const kept = filtering
			? records.filter((r) => (f.since_id === undefined || r.id > f.since_id) && filter(r, f))
			: records.slice();
		const matching =
			field !== 'id'
				? kept.sort((a, b) => cmp(tuple(a), tuple(b)))
				: dir === 'asc'
					? kept
					: kept.reverse();
		/** the first index whose record satisfies `pred` (monotone over the sorted list), else the length */
		const firstIndex = (pred) => {
			let lo = 0;
			let hi = matching.length;
			while (lo < hi) {
				const mid = (lo + hi) >> 1;
				if (pred(matching[mid])) hi = mid;
				else lo = mid + 1;
			}
			return lo;
		};
		let start = 0;
		let end;
		if (anchor && direction === 'prev') {
			end = firstIndex((r) => cmp(tuple(r), anchor) >= 0);
			start = Math.max(0, end - limit);
		} else if (anchor) {
			start = firstIndex((r) => cmp(tuple(r), anchor) > 0);
			end = start + limit;
		} else {
			start = q.page !== undefined ? (q.page - 1) * limit : 0;
			end = start + limit;
		}
		const page = matching.slice(start, end);
		const cursors = f.since_id === undefined || options.sinceIdCursors;
		const next =
			cursors && start + page.length < matching.length && page.length
				? encodeCursor({ k: key, f, a: tuple(page[page.length - 1]), d: 'next' })
				: null;
		const prev =
			cursors && start > 0 && page.length
				? encodeCursor({ k: key, f, a: tuple(page[0]), d: 'prev' })
				: null;
		const links: string[] = [];
		const link = (cursor, rel) =>
			`<${ctx.origin}${ctx.url.pathname}?cursor=${encodeURIComponent(cursor)}&limit=${limit}>; rel="${rel}"`;
		if (next) links.push(link(next, 'next'));
		if (prev) links.push(link(prev, 'prev'));
		return {
			page,
			cursor: { prev, next },
			headers: links.length ? { Link: links.join(', ') } : {},
		};
	};
	/** Whether an ISO timestamp lies within [min, max] (or [min, max) when maxExclusive); bounds in ms. */
	const inRange = (at: string, min, max, maxExclusive) => {
		if (min === undefined && max === undefined) return true;
		const ms = Date.parse(at);
		return (
			(min === undefined || ms >= min) &&
			(max === undefined || (maxExclusive ? ms < max : ms <= max))
		);
	};

	// The 404 bodies of the Admin API are not public: these name the path's field and, when the value is
	// another kind of id (LoyaltyLion's numeric id instead of your store's), say which (assumed wording).
	const notFound = (what: string, field: string, meaning: string, hint?: string) =>
		apiError(404, `${what} not found`, {
			[field]: hint ? `must be ${meaning}; ${hint}` : `matches nothing: it must be ${meaning}`,
		});
	const customerOr404 = (merchantId) => {
		const c = state.byMerchantId.get(merchantId);
		if (c) return c;
		const lion = /^\d+$/.test(merchantId) ? customerByLionId(Number(merchantId)) : undefined;
		throw notFound(
			`Customer ${merchantId}`,
			'merchant_id',
			"the customer's ID in your store",
			lion
				? `${merchantId} is LoyaltyLion's id of the customer whose merchant_id is "${lion.merchant_id}"`
				: undefined,
		);
	};
	/**
	 * site_id of create-order / create-activity: "multi-site only". Token & secret belong to one site, which is
	 * the default; an API key or OAuth token of a multi-site program must name the site. Unknown site ids are
	 * refused (assumed: not public).
	 */
	const siteOf = (who, given: number | undefined) => {
		if (given !== undefined) {
			if (!siteById.has(given))
				throw fail400({
					site_id: `is not a site of this program (sites: ${sites.map((s) => s.id).join(', ')}), got ${given}`,
				});
			if (who.kind === 'token_secret' && given !== who.siteId)
				throw fail400({
					site_id: `must be ${who.siteId}, the site of this token and secret, got ${given}`,
				});
			return given;
		}
		if (who.kind === 'token_secret') return who.siteId;
		if (sites.length > 1)
			throw fail400({
				site_id: `is required: this program has ${sites.length} sites (${sites.map((s) => s.id).join(', ')})`,
			});
		return sites[0].id;
	};
	/** A reward is offered when enabled, on the customer's tier (if restricted), and supported on its site's platform. */
	const offered = (reward, customer) => {
		if (reward.enabled === false) return false;
		const site = siteById.get(reward.site_id);
		if (!site || !(PLATFORM_KINDS[site.platform] ?? []).includes(reward.kind)) return false;
		if (reward.tiers) {
			const tier = customer.loyalty_tier_membership?.loyalty_tier?.id;
			if (!reward.tiers.includes(tier)) return false;
		}
		return true;
	};

	// ---- OAuth ----
	// developers.loyaltylion.com/api-reference/authentication/oauth: authorize takes client_id, scope
	// (comma-separated), redirect_uri (required; "must equal the registered URL") and state, and redirects
	// with ?code=. Assumed (not public): the error answers (text/plain 400s here), and that any redirect_uri
	// is accepted (the simulator's clients have no registered URL to compare it with).
	route('GET', '/oauth/authorize', (ctx) => {
		const q = Object.fromEntries(ctx.query);
		state.authorizeRequests.push(q);
		const client = options.oauthClients.find((c) => c.clientId === q.client_id);
		if (!client)
			return { status: 400, body: 'Unknown client_id', headers: { 'Content-Type': 'text/plain' } };
		if (!q.redirect_uri)
			return {
				status: 400,
				body: 'redirect_uri is required',
				headers: { 'Content-Type': 'text/plain' },
			};
		const scopes = String(q.scope ?? '')
			.split(',')
			.map((s) => s.trim())
			.filter(Boolean);
		const unknown = scopes.filter((s) => !SCOPES.includes(s));
		if (!scopes.length || unknown.length) {
			return {
				status: 400,
				body: `scope must be a comma-separated list of ${SCOPES.join(', ')}; got "${q.scope ?? ''}"`,
				headers: { 'Content-Type': 'text/plain' },
			};
		}
		// The merchant approves at once (the simulator has no login page).
		const code = randomId('', 8);
		api.secret(code);
		state.codes.set(code, {
			clientId: client.clientId,
			scopes,
			redirectUri: q.redirect_uri,
			used: false,
		});
		const target = new URL(q.redirect_uri);
		target.searchParams.set('code', code);
		if (q.state !== undefined) target.searchParams.set('state', q.state);
		return { status: 302, body: '', headers: { Location: target.toString() } };
	});
	// The documented exchange is a form body of client_id, client_secret and code, answered {access_token,
	// scope}. Assumed (not public): client credentials over HTTP Basic are accepted too, extra fields
	// (grant_type, redirect_uri, which n8n's client sends) are ignored, and the error answers are OAuth's
	// {error: "invalid_client" | "invalid_grant", error_description}.
	route(
		'POST',
		'/oauth/access-token',
		(ctx) => {
			const form = ctx.body && typeof ctx.body === 'object' ? ctx.body : {};
			const basic = parseAuthorization(ctx.headers.authorization);
			const clientId = form.client_id ?? (basic?.scheme === 'basic' ? basic.user : undefined);
			const clientSecret =
				form.client_secret ?? (basic?.scheme === 'basic' ? basic.password : undefined);
			const client = options.oauthClients.find(
				(c) => c.clientId === clientId && c.clientSecret === clientSecret,
			);
			if (!client)
				throw new HttpError(401, {
					error: 'invalid_client',
					error_description: 'Unknown client or wrong client secret',
				});
			const grant = state.codes.get(form.code);
			if (!grant || grant.used || grant.clientId !== client.clientId) {
				throw new HttpError(400, {
					error: 'invalid_grant',
					error_description: 'The code is invalid, was already used, or belongs to another client',
				});
			}
			grant.used = true;
			const token = randomId('', 16);
			state.tokens.set(token, { clientId: client.clientId, scopes: grant.scopes, revoked: false });
			api.secret(token);
			sim.stats.token(NAME);
			return { status: 200, body: { access_token: token, scope: grant.scopes.join(',') } };
		},
		{ token: true },
	);

	// ---- Identity ----
	// whoami: {identity: {kind, account_id, program_id, scopes, integration}}. Only kind "api_key" is public;
	// "oauth_token" and "token_secret" (and the OAuth `integration` object) are assumed: not public.
	route('GET', '/v2/identity/whoami', (ctx) => {
		const who = authenticate(ctx);
		readQuery(ctx, {});
		const client =
			who.kind === 'oauth_token'
				? options.oauthClients.find((c) => c.clientId === who.clientId)
				: undefined;
		return {
			status: 200,
			body: {
				identity: {
					kind: who.kind,
					account_id: program.accountId,
					program_id: program.id,
					scopes: [...who.scopes],
					integration: client
						? { id: client.serviceIntegrationId ?? null, name: client.name ?? client.clientId }
						: null,
				},
			},
		};
	});

	// ---- Customers ----
	// customers/list-customers (date filters from the old customers page; at-or-after / at-or-before)
	route('GET', '/v2/customers', (ctx) => {
		need(ctx, 'read', 'customers');
		const q = readQuery(ctx, {
			since_id: { kind: 'int', min: 0 },
			limit: LIMIT,
			page: { kind: 'int', min: 1 },
			sort_field: { kind: 'enum', values: ['id', 'updated_at'] },
			sort_direction: { kind: 'enum', values: ['asc', 'desc'] },
			cursor: { kind: 'string' },
			email: { kind: 'string' },
			created_at_min: { kind: 'datetime' },
			created_at_max: { kind: 'datetime' },
			updated_at_min: { kind: 'datetime' },
			updated_at_max: { kind: 'datetime' },
		});
		const { page, cursor, headers } = cursorList(
			ctx,
			'customers',
			q,
			state.customers,
			[
				'since_id',
				'sort_field',
				'sort_direction',
				'email',
				'created_at_min',
				'created_at_max',
				'updated_at_min',
				'updated_at_max',
			],
			(c, f) =>
				// email: the customers whose e-mail contains it (case-insensitive: assumed)
				(f.email === undefined || c.email.toLowerCase().includes(String(f.email).toLowerCase())) &&
				inRange(c.created_at, f.created_at_min, f.created_at_max, false) &&
				inRange(c.updated_at, f.updated_at_min, f.updated_at_max, false),
		);
		return { status: 200, body: { customers: page, cursor }, headers };
	});
	// assumed: not public. The Admin API has no get-one-customer operation (only Headless has one); kept for
	// existing callers: {customer}.
	route('GET', '/v2/customers/:merchantId', (ctx) => {
		need(ctx, 'read', 'customers');
		readQuery(ctx, {});
		return { status: 200, body: { customer: customerOr404(ctx.params.merchantId) } };
	});
	// customers/update-customer: PATCH, body {customer: {birthday, blocked}} and nothing else; 200 {customer}.
	route('PATCH', '/v2/customers/:merchantId', (ctx) => {
		need(ctx, 'write', 'customers');
		readQuery(ctx, {});
		const customer = customerOr404(ctx.params.merchantId);
		const body = validate(
			z
				.object({
					customer: z
						.object({
							// format not stated on the page; customer objects carry ISO 8601 dates (null clears: assumed)
							birthday: z
								.string()
								.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO 8601 date (YYYY-MM-DD)')
								.nullable()
								.optional(),
							blocked: z.boolean().optional(),
						})
						.strict(),
				})
				.strict(),
			ctx.body,
		);
		Object.assign(customer, body.customer);
		touched(customer);
		return { status: 200, body: { customer } };
	});

	// ---- Points ----
	const pointsSchema = (max?: number) =>
		z
			.object({
				points: max
					? z
							.number()
							.int('must be a whole number')
							.min(1, `must be between 1 and ${max}`)
							.max(max, `must be between 1 and ${max}`)
					: z.number().int('must be a whole number').min(1, 'must be at least 1'),
				reason: z.string().nullable().optional(),
			})
			.strict();
	// customers/add-points: points 1..1,000,000, reason string|null; 201 with an empty body.
	route('POST', '/v2/customers/:merchantId/points', (ctx) => {
		need(ctx, 'write', 'customers');
		readQuery(ctx, {});
		const customer = customerOr404(ctx.params.merchantId);
		const body = validate(pointsSchema(1_000_000), ctx.body);
		customer.points_approved += body.points;
		const t = adjust(customer, body.points, body.reason);
		touched(customer);
		// sent after a 5-minute delay (E/program-events/customer-points-earned), with the rewards the customer
		// can then afford; only scheduled when someone is subscribed when the points are earned
		if (subscribed('program_events/customer.points_earned'))
			later(options.pointsEarnedDelayMs, () =>
				deliverTopic('program_events/customer.points_earned', {
					customer,
					transaction: transactionView(t),
					available_rewards: state.rewards
						.filter((r) => offered(r, customer) && r.point_cost <= customer.points_approved)
						.map(rewardView),
				}),
			);
		return { status: 201 };
	});
	// customers/remove-points: points >= 1, reason string|null; 204. Refusing more than the approved balance
	// (422) is assumed: not public.
	route('POST', '/v2/customers/:merchantId/remove_points', (ctx) => {
		need(ctx, 'write', 'customers');
		readQuery(ctx, {});
		const customer = customerOr404(ctx.params.merchantId);
		const body = validate(pointsSchema(), ctx.body);
		if (body.points > customer.points_approved)
			throw apiError(
				422,
				`The customer has ${customer.points_approved} approved points, fewer than ${body.points}`,
			);
		customer.points_approved -= body.points;
		adjust(customer, -body.points, body.reason);
		touched(customer);
		return { status: 204 };
	});
	// customers/list-transactions: type json|csv, since_id >= 0, limit, cursor, created_at_min (on or after),
	// created_at_max (before).
	const txQuery = (extra: QSpec, sinceMin) =>
		({
			type: { kind: 'enum', values: ['json', 'csv'] },
			since_id: { kind: 'int', min: sinceMin },
			limit: LIMIT,
			cursor: { kind: 'string' },
			...extra,
			created_at_min: { kind: 'datetime' },
			created_at_max: { kind: 'datetime' },
		}) as QSpec;
	const csvOf = (rows) => {
		// CSV columns are not public (assumed)
		const cell = (v) =>
			v === null || v === undefined
				? ''
				: /[",\n]/.test(String(v))
					? `"${String(v).replace(/"/g, '""')}"`
					: String(v);
		const lines = [
			'id,customer_id,customer_merchant_id,customer_email,points_approved,points_pending,resource,created_at',
		];
		for (const t of rows)
			lines.push(
				[
					t.id,
					t.customer.id,
					t.customer.merchant_id,
					t.customer.email,
					t.points_approved,
					t.points_pending,
					t.resource,
					t.created_at,
				]
					.map(cell)
					.join(','),
			);
		return lines.join('\n') + '\n';
	};
	const answerTransactions = (
		ctx,
		q,
		key,
		records,
		extraFilters: string[],
		extra: (t, f) => boolean,
	) => {
		const { page, cursor, headers } = cursorList(
			ctx,
			key,
			q,
			records,
			['since_id', 'type', 'created_at_min', 'created_at_max', ...extraFilters],
			(t, f) => inRange(t.created_at, f.created_at_min, f.created_at_max, true) && extra(t, f),
		);
		const view = page.map(transactionView);
		const type =
			q.cursor !== undefined ? (decodeCursor(q.cursor)?.f?.type ?? 'json') : (q.type ?? 'json');
		// type=csv: a string body; the cursors are only in the Link header
		if (type === 'csv')
			return {
				status: 200,
				body: csvOf(view),
				headers: { ...headers, 'Content-Type': 'text/csv; charset=utf-8' },
			};
		return { status: 200, body: { transactions: view, cursor }, headers };
	};
	route('GET', '/v2/customers/:merchantId/transactions', (ctx) => {
		need(ctx, 'read', 'customers');
		const q = readQuery(ctx, txQuery({}, 0));
		const customer = customerOr404(ctx.params.merchantId);
		return answerTransactions(
			ctx,
			q,
			`customer-transactions:${customer.id}`,
			state.transactions.filter((t) => t.customerLionId === customer.id),
			[],
			() => true,
		);
	});

	// ---- Rewards ----
	// customers/rewards/list-available-rewards: enabled, on the customer's tier, supported on the platform,
	// even when the customer cannot afford them; site_id limits a multi-site program to one site.
	route('GET', '/v2/customers/:merchantId/available_rewards', (ctx) => {
		need(ctx, 'read', 'customers');
		const q = readQuery(ctx, { site_id: { kind: 'int', min: 1 } });
		if (q.site_id !== undefined && !siteById.has(q.site_id))
			throw fail400({
				site_id: `is not a site of this program (sites: ${sites.map((s) => s.id).join(', ')}), got ${q.site_id}`,
			});
		const customer = customerOr404(ctx.params.merchantId);
		const rewards = state.rewards
			.filter((r) => offered(r, customer) && (q.site_id === undefined || r.site_id === q.site_id))
			.map(rewardView);
		return { status: 200, body: { rewards } };
	});
	// customers/rewards/redeem-reward: reward_id (integer, required), multiplier (integer within the reward's
	// min/max_redemption_amount), variant_id (string, required for a seamless product reward); 201
	// {claimed_reward}; 422 when the points are insufficient (old claimed-rewards page). 404 for an unknown
	// reward and 422 for one not offered to the customer are assumed: not public. The page's fourth body field
	// (option redemption_notification) has no visible name, so the strict schema refuses it (assumed).
	route('POST', '/v2/customers/:merchantId/claimed_rewards', (ctx) => {
		need(ctx, 'write', 'customers');
		readQuery(ctx, {});
		const customer = customerOr404(ctx.params.merchantId);
		const body = validate(
			z
				.object({
					reward_id: z.number().int('must be a whole number'),
					multiplier: z.number().int('must be a whole number').optional(),
					variant_id: z.string().min(1, 'must not be empty').optional(),
				})
				.strict(),
			ctx.body,
		);
		const reward = state.rewards.find((r) => r.id === body.reward_id);
		if (!reward) throw apiError(404, `Reward ${body.reward_id} not found`);
		if (!offered(reward, customer))
			throw apiError(
				422,
				`Reward ${reward.id} is not available to customer ${customer.merchant_id}`,
			);
		const min = reward.min_redemption_amount ?? 1;
		const max = reward.max_redemption_amount ?? 1;
		const multiplier = body.multiplier ?? min;
		if (multiplier < min || multiplier > max)
			throw fail400({
				multiplier:
					min === max
						? `must be ${min} for reward ${reward.id} (only custom rewards take a multiplier), got ${multiplier}`
						: `must be between ${min} and ${max} (the reward's min/max_redemption_amount), got ${multiplier}`,
			});
		// Assumed (not public): "seamless product reward" is read as kind product_cart, and its variant_id must
		// be one of the reward's target_products.
		if (reward.kind === 'product_cart') {
			const variants = (reward.target_products ?? []).map((p) => String(p.variant_id));
			if (body.variant_id === undefined)
				throw fail400({
					variant_id: `is required for a seamless product reward (variants: ${variants.join(', ')})`,
				});
			if (!variants.includes(body.variant_id))
				throw fail400({
					variant_id: `must be one of the reward's variants (${variants.join(', ')}), got ${JSON.stringify(body.variant_id)}`,
				});
		}
		const cost = reward.point_cost * multiplier;
		if (cost > customer.points_approved)
			throw apiError(
				422,
				`The customer cannot afford this reward: it costs ${cost} points and they have ${customer.points_approved}`,
			);
		customer.points_approved -= cost;
		customer.points_spent += cost;
		customer.rewards_claimed++;
		const claimed = makeClaim(customer, reward, multiplier, body.variant_id);
		addTransaction(customer, {
			points_approved: -cost,
			resource: 'claimed_reward',
			claimed_reward: claimed,
		});
		touched(customer);
		// claimed_reward events: only voucher and gift-card rewards
		if (reward.method === 'voucher' || reward.method === 'gift_card') {
			const site = siteById.get(reward.site_id);
			const giftCard = reward.method === 'gift_card';
			deliverTopic('program_events/customer.claimed_reward', {
				customer,
				title: reward.title,
				reward_type: giftCard ? 'gift_card' : 'voucher',
				discount_type: reward.discount_type === 'percentage' ? 'percentage' : 'flat',
				voucher_code: giftCard ? null : (claimed.redeemable.code ?? null),
				discount_amount: giftCard ? null : (reward.discount_amount ?? null),
				gift_card_last_characters: giftCard ? claimed.redeemable.code.slice(-4) : null,
				currency: giftCard ? (site?.currencies[0] ?? null) : null,
				initial_value: giftCard ? reward.discount_amount : null,
				balance: giftCard ? reward.discount_amount : null,
			});
		}
		return { status: 201, body: { claimed_reward: claimedView(claimed) } };
	});
	// customers/rewards/refund-reward: no body; 200 {claimed_reward, remote_resource_deleted} (true when the
	// redeemable lives on the platform and was deleted: voucher rewards on Shopify). A second refund (422) and
	// the points going back to points_approved are assumed: not public.
	route('POST', '/v2/customers/:merchantId/claimed_rewards/:id/refund', (ctx) => {
		need(ctx, 'write', 'customers');
		readQuery(ctx, {});
		noBody(ctx);
		// The path's claimed_reward_id is LoyaltyLion's integer id (customers/rewards/refund-reward).
		if (!/^\d+$/.test(ctx.params.id))
			throw fail400({
				claimed_reward_id: `must be LoyaltyLion's integer id of a claimed reward, got "${ctx.params.id}"`,
			});
		const customer = customerOr404(ctx.params.merchantId);
		const claimed = state.claimed.get(Number(ctx.params.id));
		if (!claimed || claimed.merchantId !== customer.merchant_id)
			throw apiError(404, `Claimed reward ${ctx.params.id} not found for this customer`);
		if (claimed.state === 'void')
			throw apiError(422, `Claimed reward ${ctx.params.id} was already refunded`);
		claimed.state = 'void';
		customer.points_approved += claimed.point_cost;
		customer.points_spent -= claimed.point_cost;
		addTransaction(customer, {
			points_approved: claimed.point_cost,
			resource: 'claimed_reward',
			claimed_reward: claimed,
		});
		touched(customer);
		const site = siteById.get(claimed.reward.site_id);
		const remote =
			claimed.reward.method === 'voucher' &&
			claimed.redeemable.code != null &&
			site?.platform === 'shopify';
		return {
			status: 200,
			body: { claimed_reward: claimedView(claimed), remote_resource_deleted: remote },
		};
	});

	// ---- Activities ----
	// activities/list-activities: since_id >= 0, limit, page (deprecated), cursor, created_at_min (on or after),
	// created_at_max (before). There is no name, customer or state filter: those are refused.
	route('GET', '/v2/activities', (ctx) => {
		need(ctx, 'read', 'customers');
		const q = readQuery(ctx, {
			since_id: { kind: 'int', min: 0 },
			limit: LIMIT,
			page: { kind: 'int', min: 1 },
			cursor: { kind: 'string' },
			created_at_min: { kind: 'datetime' },
			created_at_max: { kind: 'datetime' },
		});
		const { page, cursor, headers } = cursorList(
			ctx,
			'activities',
			q,
			state.activities,
			['since_id', 'created_at_min', 'created_at_max'],
			(a, f) => inRange(a.created_at, f.created_at_min, f.created_at_max, true),
		);
		return { status: 200, body: { activities: page.map(activityView), cursor }, headers };
	});
	// activities/create-activity: query site_id (multi-site); body name, customer_id, customer_email required;
	// 201 with no body. `state` is documented as no longer supported and ignored. Custom activities give points
	// only to enrolled customers (not to guests; guest defaults to true). Unknown customers are created and a
	// repeated (name, merchant_id) is answered 201 without a second activity: both assumed, not public.
	const activitySchema = z
		.object({
			name: z.string().min(1, 'must not be empty'),
			// snapshot A: string; snapshot B: untyped with an integer example. Both accepted.
			customer_id: z.union([z.string().min(1, 'must not be empty'), z.number().int()]),
			customer_email: z.string().email('must be an e-mail address'),
			merchant_id: z.string().min(1, 'must not be empty').nullable().optional(),
			properties: z.record(z.any()).optional(),
			ip_address: z.string().optional(),
			user_agent: z.string().optional(),
			date: isoDateTime.optional(),
			referral_id: z.string().optional(),
			tracking_id: z.string().optional(),
			guest: z.boolean().optional(),
			state: z.any().optional(),
		})
		.strict();
	route('POST', '/v2/activities', (ctx) => {
		const who = need(ctx, 'write', 'customers');
		const q = readQuery(ctx, { site_id: { kind: 'int', min: 1 } });
		const body = validate(activitySchema, ctx.body);
		const siteId = siteOf(who, q.site_id);
		const { rule, view } = ruleOf(body.name);
		if (rule?.needsUrl && typeof body.properties?.url !== 'string')
			throw fail400({ 'properties.url': `is required for ${body.name}: the destination URL` });
		const merchantCustomerId = String(body.customer_id);
		if (
			body.merchant_id &&
			state.activities.some((a) => a.name === body.name && a.merchant_id === body.merchant_id)
		)
			return { status: 201 };
		const guest = body.guest ?? true;
		const customer =
			state.byMerchantId.get(merchantCustomerId) ??
			addCustomer(merchantCustomerId, body.customer_email, Date.now(), { guest });
		const custom = !body.name.startsWith('$');
		const earns = !(custom && (guest || !customer.enrolled));
		const activity = addActivity(
			customer,
			{
				name: body.name,
				merchant_id: body.merchant_id ?? null,
				value: rule && earns ? rule.value : 0,
				state: rule?.state ?? 'approved',
				rule: view,
				properties: body.properties,
				site_id: siteId,
				guest,
				ip_address: body.ip_address,
				user_agent: body.user_agent,
				referral_id: body.referral_id,
				tracking_id: body.tracking_id,
			},
			body.date ? new Date(body.date).toISOString() : nowIso(),
		);
		if (activity.value) touched(customer);
		if (rule)
			deliverTopic('program_events/customer.rule_completed', {
				customer,
				activity: activityView(activity),
				order: null,
				social_link: null,
				review: null,
			});
		return { status: 201 };
	});
	// activities/update-activity: PUT /v2/activities/{name}/{merchant_id} (the activity's merchant_id), body
	// {state: approved|declined|void}; 204. pending -> declined, approved -> void; declined on an approved
	// activity is treated as void. 404 for an unknown activity is assumed: not public.
	route('PUT', '/v2/activities/:name/:merchantId', (ctx) => {
		need(ctx, 'write', 'customers');
		readQuery(ctx, {});
		const { name, merchantId } = ctx.params;
		const body = validate(
			z.object({ state: z.enum(['approved', 'declined', 'void']) }).strict(),
			ctx.body,
		);
		const activity = [...state.activities]
			.reverse()
			.find((a) => a.name === name && a.merchant_id === merchantId);
		if (!activity) {
			const customer = state.byMerchantId.get(merchantId);
			const byLionId = /^\d+$/.test(merchantId)
				? state.activities.find((a) => a.name === name && a.id === Number(merchantId))
				: undefined;
			const hint = customer
				? `"${merchantId}" is a customer's merchant_id`
				: byLionId
					? `${merchantId} is LoyaltyLion's id of the activity; the path takes its merchant_id (${byLionId.merchant_id === null ? 'none was sent, so it cannot be updated' : `"${byLionId.merchant_id}"`})`
					: state.activities.some((a) => a.name === `$${name}`)
						? `built-in rule names start with $ ("$${name}")`
						: undefined;
			throw notFound(
				`Activity ${name} with merchant_id ${merchantId}`,
				'merchant_id',
				"the activity's own merchant_id (sent when it was tracked)",
				hint,
			);
		}
		const customer = customerByLionId(activity.customerLionId);
		let target = body.state;
		if (activity.state === 'approved' && target === 'declined') target = 'void';
		// Assumed (not public): void on a pending activity declines it (the page gives only pending → declined,
		// approved → void, and declined on an approved one → void).
		if (activity.state === 'pending' && target === 'void') target = 'declined';
		const from = activity.state;
		if (from !== target && (from === 'pending' || from === 'approved')) {
			const v = activity.value;
			if (from === 'pending' && target === 'approved' && v) {
				customer.points_pending -= v;
				customer.points_approved += v;
				addTransaction(customer, {
					points_pending: -v,
					points_approved: v,
					resource: 'activity',
					activity,
				});
			} else if (from === 'pending' && v) {
				customer.points_pending -= v;
				addTransaction(customer, { points_pending: -v, resource: 'activity', activity });
			} else if (from === 'approved' && v) {
				// transactions are immutable: voiding gives a second, negative one
				customer.points_approved -= v;
				addTransaction(customer, { points_approved: -v, resource: 'activity', activity });
			}
			activity.state = target;
			if (v) touched(customer);
		}
		return { status: 204 };
	});

	// ---- Transactions ----
	// transactions/list-transactions: type, since_id (> 0), limit, cursor, customer_id (LoyaltyLion's NUMERIC
	// customer id), created_at_min (on or after), created_at_max (before).
	route('GET', '/v2/transactions', (ctx) => {
		need(ctx, 'read', 'customers');
		const q = readQuery(
			ctx,
			txQuery(
				{
					customer_id: {
						kind: 'string',
						pattern: /^\d+$/,
						hint: "must be LoyaltyLion's numeric customer id (a customer's `id`), not the store's merchant_id",
					},
				},
				1,
			),
		);
		if (q.customer_id !== undefined) q.customer_id = Number(q.customer_id);
		return answerTransactions(
			ctx,
			q,
			'transactions',
			state.transactions,
			['customer_id'],
			(t, f) => f.customer_id === undefined || t.customerLionId === f.customer_id,
		);
	});

	// ---- Orders ----
	const PAYMENT = ['not_paid', 'partially_paid', 'paid'] as const;
	const REFUND = ['not_refunded', 'partially_refunded', 'refunded'] as const;
	const CANCELLATION = ['cancelled', 'not_cancelled'] as const;
	// orders/list-orders: since_id (> 0), limit, page (deprecated), cursor, created/updated_at_min/max.
	route('GET', '/v2/orders', (ctx) => {
		need(ctx, 'read', 'orders');
		const q = readQuery(ctx, {
			since_id: { kind: 'int', min: 1 },
			limit: LIMIT,
			page: { kind: 'int', min: 1 },
			cursor: { kind: 'string' },
			created_at_min: { kind: 'datetime' },
			created_at_max: { kind: 'datetime' },
			updated_at_min: { kind: 'datetime' },
			updated_at_max: { kind: 'datetime' },
		});
		const { page, cursor, headers } = cursorList(
			ctx,
			'orders',
			q,
			[...state.orders.values()],
			['since_id', 'created_at_min', 'created_at_max', 'updated_at_min', 'updated_at_max'],
			(o, f) =>
				inRange(o.created_at, f.created_at_min, f.created_at_max, false) &&
				inRange(o.updated_at, f.updated_at_min, f.updated_at_max, false),
		);
		return { status: 200, body: { orders: page.map(orderListView), cursor }, headers };
	});
	// orders/create-order: query site_id (multi-site); customer_id, customer_email, merchant_id, total,
	// total_shipping, payment_status required; money as decimal strings; 201 with an empty body. A repeated
	// merchant_id (422), creating an unknown customer, and the $purchase points when paid are assumed.
	// `number` appears only in snapshot B's example (meaning not public): accepted and ignored.
	const orderSchema = z
		.object({
			customer_id: z.string().min(1, 'must not be empty'),
			customer_email: z.string().email('must be an e-mail address'),
			merchant_id: z.string().min(1, 'must not be empty'),
			total: money(),
			total_shipping: money(),
			payment_status: z.enum(PAYMENT),
			total_paid: money().optional(),
			merchant_number: z.string().optional(),
			discount_codes: z.array(z.object({ code: z.string(), amount: money() }).strict()).optional(),
			claimed_reward_ids: z.array(z.number().int('must be whole numbers')).optional(),
			date: isoDateTime.optional(),
			ip_address: z.string().optional(),
			user_agent: z.string().optional(),
			referral_id: z.string().optional(),
			tracking_id: z.string().optional(),
			guest: z.boolean().optional(),
			number: z.any().optional(),
		})
		.strict();
	route('POST', '/v2/orders', (ctx) => {
		const who = need(ctx, 'write', 'orders');
		const q = readQuery(ctx, { site_id: { kind: 'int', min: 1 } });
		const body = validate(orderSchema, ctx.body);
		const siteId = siteOf(who, q.site_id);
		if (state.orders.has(body.merchant_id))
			throw apiError(422, `An order with merchant_id ${body.merchant_id} already exists`);
		const now = nowIso();
		const placed = body.date ? new Date(body.date).toISOString() : now;
		const customer =
			state.byMerchantId.get(body.customer_id) ??
			addCustomer(body.customer_id, body.customer_email, Date.now(), {
				guest: body.guest ?? false,
			});
		const paid = body.total_paid ?? (body.payment_status === 'paid' ? body.total : '0');
		const discounts = sumOf(
			(body.discount_codes ?? []).map((d) => d.amount),
			body.total,
		);
		const paidAmount = sumOf([paid], body.total);
		const order = {
			id: seq.order++,
			merchant_id: body.merchant_id,
			merchant_number: body.merchant_number ?? null,
			customerLionId: customer.id,
			site_id: siteId,
			total: body.total,
			total_tax: '0.00',
			total_shipping: body.total_shipping,
			total_discounts: discounts,
			total_paid: paidAmount,
			payment_status: body.payment_status,
			fulfillment_status: 'not_fulfilled',
			refund_status: 'not_refunded',
			cancellation_status: 'not_cancelled',
			metadata: { shopify_source_url: null, shopify_source_name: 'api', shopify_location_id: null },
			discount_codes: body.discount_codes ?? [],
			claimed_reward_ids: body.claimed_reward_ids ?? [],
			guest: body.guest ?? false,
			ip_address: body.ip_address,
			user_agent: body.user_agent,
			referral_id: body.referral_id,
			tracking_id: body.tracking_id,
			// gateway of API-created payments is not public (assumed "manual")
			payments:
				Number(paid) > 0 ? [{ amount: paidAmount, created_at: placed, gateway: 'manual' }] : [],
			refunds: [] as any[],
			created_at: now,
			updated_at: now,
			merchant_created_at: placed,
			merchant_updated_at: placed,
			awarded: false,
		};
		state.orders.set(body.merchant_id, order);
		if (order.payment_status === 'paid') {
			awardPurchase(customer, order);
			touched(customer);
		}
		return { status: 201 };
	});
	const orderOr404 = (merchantId) => {
		const order = state.orders.get(merchantId);
		if (order) return order;
		const lion = /^\d+$/.test(merchantId)
			? [...state.orders.values()].find((o) => o.id === Number(merchantId))
			: undefined;
		throw notFound(
			`Order ${merchantId}`,
			'merchant_id',
			"the order's ID in your store",
			lion
				? `${merchantId} is LoyaltyLion's id of the order whose merchant_id is "${lion.merchant_id}"`
				: undefined,
		);
	};
	// orders/get-order: a bare object (no `order` wrapper).
	route('GET', '/v2/orders/:merchantId', (ctx) => {
		need(ctx, 'read', 'orders');
		readQuery(ctx, {});
		const order = orderOr404(ctx.params.merchantId);
		return { status: 200, body: orderGetView(order) };
	});
	// orders/update-order: a FULL update, all five fields required (cancelling and refunding are this call);
	// 204. The stored payments/refunds follow the totals. total_refunded above the total, or below what was
	// already refunded (422), are assumed: not public. `$magento_payload` (one snapshot) is accepted and ignored.
	route('PUT', '/v2/orders/:merchantId', (ctx) => {
		need(ctx, 'write', 'orders');
		readQuery(ctx, {});
		const order = orderOr404(ctx.params.merchantId);
		const body = validate(
			z
				.object({
					payment_status: z.enum(PAYMENT),
					refund_status: z.enum(REFUND),
					cancellation_status: z.enum(CANCELLATION),
					total_paid: money(),
					total_refunded: money(),
					$magento_payload: z.any().optional(),
				})
				.strict(),
			ctx.body,
		);
		const scale = scaleOf(
			order.total,
			body.total_paid,
			body.total_refunded,
			...order.refunds.map((r) => r.amount),
			...order.payments.map((p) => p.amount),
		);
		const toCents = (a) => toMinor(a, scale);
		const fromCents = (c) => fromMinor(c, scale);
		const refunded = order.refunds.reduce((n, r) => n + toCents(r.amount), 0);
		const wanted = toCents(body.total_refunded);
		if (wanted > toCents(order.total))
			throw apiError(
				422,
				`total_refunded ${body.total_refunded} exceeds the order total ${order.total}`,
			);
		if (wanted < refunded)
			throw apiError(
				422,
				`total_refunded ${body.total_refunded} is less than the ${fromCents(refunded)} already refunded`,
			);
		const now = nowIso();
		const paidSoFar = order.payments.reduce((n, p) => n + toCents(p.amount), 0);
		if (toCents(body.total_paid) > paidSoFar)
			order.payments.push({
				amount: fromCents(toCents(body.total_paid) - paidSoFar),
				created_at: now,
				gateway: 'manual',
			});
		if (wanted > refunded)
			order.refunds.push({ amount: fromCents(wanted - refunded), created_at: now });
		Object.assign(order, {
			payment_status: body.payment_status,
			refund_status: body.refund_status,
			cancellation_status: body.cancellation_status,
			total_paid: fromCents(toCents(body.total_paid)),
			updated_at: now,
			merchant_updated_at: now,
		});
		if (
			order.payment_status === 'paid' &&
			order.cancellation_status === 'not_cancelled' &&
			!order.awarded
		) {
			const customer = customerByLionId(order.customerLionId);
			awardPurchase(customer, order);
			touched(customer);
		}
		return { status: 204 };
	});

	// ---- Sites ----
	// sites/list-sites: {sites}, newest first; not callable with token & secret (the 403 is assumed).
	route('GET', '/v2/sites', (ctx) => {
		const who = authenticate(ctx);
		if (who.kind === 'token_secret')
			throw apiError(
				403,
				'GET /v2/sites cannot be called with token and secret authentication: use an API key or an OAuth token',
				{ authentication: 'token and secret is not accepted by this endpoint' },
			);
		readQuery(ctx, {});
		const list = [...sites]
			.sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at))
			.map((s) => ({
				id: s.id,
				program_id: program.id,
				account_id: program.accountId,
				name: s.name,
				url: s.url,
				platform: s.platform,
				currencies: [...s.currencies],
				languages: [...s.languages],
				created_at: s.created_at,
				updated_at: s.updated_at,
			}));
		return { status: 200, body: { sites: list } };
	});
	// sites/create-webview-session: write_customers; channel required (letters, digits, dots, underscores, at
	// least 2); language, currency optional; customer {merchant_id, email} optional; 201 {webview_session:
	// {url, expires_at}}; 100 requests per second. 404 for an unknown site, the URL and the 15-minute lifetime
	// are assumed: not public.
	route('POST', '/v2/sites/:siteId/webviews/sessions', (ctx) => {
		const who = authenticate(ctx, {
			name: 'webview',
			perSecond: options.webviewRateLimitPerSecond,
		});
		if (!covers(who, 'write_customers')) refuseScope(who, 'write_customers');
		readQuery(ctx, {});
		// The path's site_id is an integer (sites/create-webview-session).
		if (!/^\d+$/.test(ctx.params.siteId))
			throw fail400({ site_id: `must be a site's integer id, got "${ctx.params.siteId}"` });
		const site = siteById.get(Number(ctx.params.siteId));
		if (!site) throw apiError(404, `Site ${ctx.params.siteId} not found`);
		const body = validate(
			z
				.object({
					channel: z
						.string()
						.regex(
							/^[A-Za-z0-9._]{2,}$/,
							'must be at least 2 characters of letters, digits, dots and underscores',
						),
					language: z.string().optional(),
					currency: z.string().optional(),
					customer: z
						.object({
							merchant_id: z.string().min(1, 'must not be empty'),
							email: z.string().email('must be an e-mail address'),
						})
						.strict()
						.optional(),
				})
				.strict(),
			ctx.body,
		);
		const language =
			body.language && site.languages.includes(body.language.toLowerCase())
				? body.language.toLowerCase()
				: site.languages[0];
		const currency =
			body.currency && site.currencies.includes(body.currency.toLowerCase())
				? body.currency.toLowerCase()
				: site.currencies[0];
		const token = randomId('wv_', 16);
		const url = `${site.url}/apps/loyaltylion/webview?session=${token}&channel=${encodeURIComponent(body.channel)}&lang=${language}&currency=${currency}${body.customer ? `&customer=${encodeURIComponent(body.customer.merchant_id)}` : ''}`;
		return {
			status: 201,
			body: {
				webview_session: { url, expires_at: new Date(Date.now() + 15 * 60_000).toISOString() },
			},
		};
	});

	// ---- Loyalty e-mail unsubscribes ----
	// emails/list-unsubscribes: limit (1..500, default 100), page (>= 1); a bare array of {email, id} where id
	// is the store customer id or null. Oldest first (the order is not public).
	route('GET', '/v2/loyalty_emails/unsubscribes', (ctx) => {
		need(ctx, 'read', 'unsubscribes');
		const q = readQuery(ctx, { limit: LIMIT, page: { kind: 'int', min: 1 } });
		const limit = q.limit ?? 100;
		const start = ((q.page ?? 1) - 1) * limit;
		return {
			status: 200,
			body: state.unsubscribes
				.slice(start, start + limit)
				.map((u) => ({ email: u.email, id: u.id })),
		};
	});
	// emails/create-unsubscribe.md: {email}; 201 added, 200 already on the list (no bodies); 422 for an invalid
	// address (old loyalty-emails page).
	route('POST', '/v2/loyalty_emails/unsubscribes', (ctx) => {
		need(ctx, 'write', 'unsubscribes');
		readQuery(ctx, {});
		const body = validate(
			z.object({ email: z.string().min(1, 'must not be empty') }).strict(),
			ctx.body,
		);
		// Assumed (not public): the address is trimmed and matched without regard to case.
		const email = body.email.trim();
		if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
			throw apiError(422, `${JSON.stringify(body.email)} is not a valid e-mail address`, {
				email: 'is not a valid e-mail address',
			});
		if (state.unsubscribes.some((u) => u.email.toLowerCase() === email.toLowerCase()))
			return { status: 200 };
		const customer = state.customers.find((c) => c.email.toLowerCase() === email.toLowerCase());
		state.unsubscribes.push({ email, id: customer?.merchant_id ?? null, created_at: nowIso() });
		// The topic's page types customer.id as a number; for an address that is no customer the simulator
		// sends null (assumed: what LoyaltyLion sends then is not public).
		deliverTopic('loyalty_emails/unsubscribe', { customer: { id: customer?.id ?? null, email } });
		return { status: 201 };
	});

	// ---- Webhooks ----
	const webhookView = ({ owner, secret, ...w }) => w;
	// webhooks/list-webhooks: no parameters; an OAuth client sees only its own subscriptions, API-key (and
	// token & secret) webhooks are never shown to OAuth clients (webhooks overview).
	route('GET', '/v2/webhooks', (ctx) => {
		const who = authenticate(ctx);
		readQuery(ctx, {});
		const mine = [...state.webhooks.values()].filter((w) => w.owner === who.owner).map(webhookView);
		return { status: 200, body: { webhooks: mine } };
	});
	// webhooks/create-webhook: {webhook: {topic (the 17 subscribable topics), address, service_integration_id?}};
	// 201 {webhook}. Open to every credential, but its scopes must cover the topic (api-reference/authentication/api-keys; each topic's page names its scope).
	route('POST', '/v2/webhooks', (ctx) => {
		const who = authenticate(ctx);
		readQuery(ctx, {});
		const body = validate(
			z
				.object({
					webhook: z
						.object({
							topic: z.string(),
							// should start with https:// (http is accepted for local receivers)
							address: z.string().url('must be a full URL such as https://example.com/hooks'),
							service_integration_id: z
								.number()
								.int('must be a whole number')
								.nullable()
								.optional(),
						})
						.strict(),
				})
				.strict(),
			ctx.body,
		);
		const { topic } = body.webhook;
		if (topic === 'rewards/store_fulfilment')
			throw fail400({
				'webhook.topic':
					'rewards/store_fulfilment cannot be subscribed through the API: LoyaltyLion manages it from the custom reward in the admin',
			});
		if (!TOPIC_SCOPES[topic])
			throw fail400({
				'webhook.topic': `must be one of ${TOPICS.join(', ')}; got ${JSON.stringify(topic)}`,
			});
		for (const scope of TOPIC_SCOPES[topic])
			if (!covers(who, scope))
				refuseScope(
					who,
					scope,
					`Webhooks for ${topic} require the ${TOPIC_SCOPES[topic].join(' and ')} scope${TOPIC_SCOPES[topic].length > 1 ? 's' : ''}; the ${who.noun} was not granted ${scope}`,
				);
		const now = nowIso();
		const client =
			who.kind === 'oauth_token'
				? options.oauthClients.find((c) => c.clientId === who.clientId)
				: undefined;
		const secret = client
			? client.clientSecret
			: who.kind === 'token_secret'
				? who.store.secret
				: options.siteSecret;
		const webhook = {
			id: seq.webhook++,
			topic,
			address: body.webhook.address,
			created_at: now,
			updated_at: now,
			service_integration_id:
				body.webhook.service_integration_id ?? client?.serviceIntegrationId ?? null,
		};
		state.webhooks.set(webhook.id, { ...webhook, owner: who.owner, secret });
		return { status: 201, body: { webhook } };
	});
	// assumed: not public (method and path of removing a subscription): 204, 404 when not the caller's.
	route('DELETE', '/v2/webhooks/:id', (ctx) => {
		const who = authenticate(ctx);
		readQuery(ctx, {});
		const webhook = state.webhooks.get(Number(ctx.params.id));
		if (!webhook || webhook.owner !== who.owner)
			throw apiError(404, `Webhook ${ctx.params.id} not found`);
		state.webhooks.delete(webhook.id);
		return { status: 204 };
	});

	/** POSTs one signed delivery; resolves with the receiver's status (0 when unreachable or over 5 s). */
	const post = (webhook, body, headers) =>
		new Promise<number>((resolve) => {
			const url = new URL(webhook.address);
			const req = http.request(
				{
					method: 'POST',
					hostname: url.hostname,
					port: url.port,
					path: url.pathname + url.search,
					headers: {
						'Content-Type': 'application/json',
						'Content-Length': Buffer.byteLength(body),
						...headers,
					},
				},
				(res) => {
					res.resume();
					res.on('end', () => resolve(res.statusCode ?? 0));
				},
			);
			req.on('error', () => resolve(0));
			req.setTimeout(5000, () => req.destroy());
			req.end(body);
		});
	const sign = (secret, raw) => crypto.createHmac('sha256', secret).update(raw).digest('base64');

	/**
	 * The event body for a topic (developers.loyaltylion.com/api-reference/v2/webhooks/overview): `data` holds the topic's fields (e.g. {customer}).
	 *  - customers/update: `customer` at the top level next to id/topic/created_at (no payload)
	 *  - loyalty_emails/unsubscribe: payload.unsubscribe.customer
	 *  - insight-segment topics: the fields directly in payload
	 *  - tier_upgraded/downgraded, approaching_*_expiration: payload {id, created_at, kind, unique_until, properties}
	 *  - the other program_events: payload.properties
	 * Data already in the documented shape (a `properties` or `unsubscribe` key) is used as it is.
	 */
	const envelope = (topic, data) => {
		const head = { id: `evt_${seq.event++}`, topic, created_at: nowIso() };
		const d = data ?? {};
		if (topic === 'customers/update') return { ...head, customer: d.customer ?? null };
		if (topic === 'loyalty_emails/unsubscribe')
			return {
				...head,
				payload: d.unsubscribe ? d : { unsubscribe: { customer: d.customer ?? null } },
			};
		if (SEGMENT_TOPICS.has(topic) || !topic.startsWith('program_events/'))
			return { ...head, payload: d };
		if (d.properties && !d.customer) return { ...head, payload: d };
		if (WRAPPED_TOPICS.has(topic))
			return {
				...head,
				payload: {
					id: randomId('pe_', 8),
					created_at: head.created_at,
					kind: topic.slice('program_events/'.length),
					unique_until: new Date(Date.now() + 7 * 86_400_000).toISOString(),
					properties: d,
				},
			};
		return { ...head, payload: { properties: d } };
	};

	/**
	 * Delivers an event to every webhook subscribed to its topic, signed as LoyaltyLion signs: base64
	 * HMAC-SHA256 of the raw body keyed by the OAuth client secret or the site secret. Only Content-Type and
	 * x-loyaltylion-hmac-sha256 are sent (other delivery headers are not public).
	 * `tamper` lets tests send forged deliveries: {signature?, alterBody?, omitSignature?, secret?, event?}.
	 * A simplification: a failed delivery is recorded in failedDeliveries and not retried (LoyaltyLion retries
	 * with exponential backoff; its schedule and end are not public), so tests resend with `event`.
	 */
	async function deliver(topic, data, tamper: any = {}) {
		const event = tamper.event ?? envelope(topic, data);
		const results: any[] = [];
		for (const webhook of [...state.webhooks.values()]) {
			if (webhook.topic !== topic) continue;
			const raw = JSON.stringify(event);
			const signature = tamper.signature ?? sign(tamper.secret ?? webhook.secret, raw);
			const sent = tamper.alterBody ? raw.replace(/^\{/, '{"injected":true,') : raw;
			const headers = {};
			if (!tamper.omitSignature) headers['x-loyaltylion-hmac-sha256'] = signature;
			const status = await post(webhook, sent, headers);
			const record = { webhookId: webhook.id, eventId: event.id, topic, status };
			state.deliveries.push(record);
			if (status < 200 || status >= 300) state.failedDeliveries.push(record);
			results.push(record);
		}
		return { event, results };
	}
	function subscribed(topic) {
		for (const w of state.webhooks.values()) if (w.topic === topic) return true;
		return false;
	}
	function deliverTopic(topic, data) {
		if (subscribed(topic)) deliver(topic, JSON.parse(JSON.stringify(data))).catch(() => undefined);
	}
	/** Runs `send` after `ms` (kept in pendingEvents until then; control `flushEvents` runs them now). */
	function later(ms, send) {
		const entry: any = { send, at: Date.now() + ms };
		entry.timer = setTimeout(() => {
			state.pendingEvents.splice(state.pendingEvents.indexOf(entry), 1);
			send();
		}, ms);
		entry.timer.unref?.();
		state.pendingEvents.push(entry);
	}

	return {
		state,
		deliver,
		sign,
		/** Forgets the requests counted toward the 20 per second. */
		resetRateWindow: () => state.hits.clear(),
		faultBody: (status) => ({
			error: { message: status === 429 ? 'Rate limit exceeded' : 'Internal server error' },
		}),
		// Admin 404/405 bodies are not public: the {error: {message}} shape of the documented 401 (assumed).
		methodNotAllowed: ({ message }) => ({ status: 405, body: { error: { message } } }),
		notFound: ({ method, path }) => ({
			status: 404,
			body: { error: { message: `No route ${method} ${path.slice('/loyaltylion'.length)}` } },
		}),
		control: {
			deliver: ({ topic, payload, tamper }) => deliver(topic, payload, tamper),
			revokeTokens: () => {
				for (const t of state.tokens.values()) t.revoked = true;
				return { ok: true };
			},
			/** Sends the delayed events (points_earned) now. */
			flushEvents: () => {
				const pending = state.pendingEvents.splice(0);
				for (const e of pending) {
					clearTimeout(e.timer);
					e.send();
				}
				return { sent: pending.length };
			},
			/** Changes an API key as the admin can at any time: {token, scopes?, disabled?}. */
			setApiKey: ({ token, scopes, disabled }) => {
				const key = options.apiKeys.find((k) => k.token === token);
				if (!key) return { ok: false, error: 'unknown API key' };
				if (Array.isArray(scopes)) key.scopes = scopes.filter((s) => SCOPES.includes(s));
				if (disabled !== undefined) key.disabled = Boolean(disabled);
				return { ok: true, scopes: key.scopes, disabled: key.disabled };
			},
		},
	};
}

export { NAME as name, create, DEFAULTS, SCOPES, TOPICS };
