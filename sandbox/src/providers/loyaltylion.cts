// LoyaltyLion simulator. From ../../../shared/providers.md and seed 001: OAuth authorize (auto-approving)
// and code exchange ({access_token, scope}, permanent, single-use codes), comma-separated scopes enforced
// with 403 {"error":{"message","details"}}, token+secret over HTTP Basic with full access, customers with
// cursor pagination (filters baked into the cursor, limit 1-500, newest first, since_id), points add/remove,
// rewards, orders, activities, transactions, webhooks that really deliver signed events, 20 requests/second.
// Each route names the reference page it was written from (developers.loyaltylion.com/api-reference/v2/
// resources/..., the official OpenAPI per operation) and validates as that page does; routes marked ASSUMED
// have no public page (third-party listings): remove_points, available_rewards, claimed_rewards and their
// refund, the activity listing and its filters.
import * as crypto from 'node:crypto';
import * as http from 'node:http';
import { z } from 'zod';

const NAME = 'loyaltylion';
const SCOPES = ['read_customers', 'write_customers', 'read_unsubscribes', 'write_unsubscribes', 'read_orders', 'write_orders'];

const DEFAULTS = {
	oauthClients: [{ clientId: 'll-demo-client', clientSecret: 'll-demo-oauth-secret' }],
	/** single-store credentials: token and secret (the secret also signs webhooks of this store) */
	stores: [{ token: 'll-demo-token', secret: 'll-demo-site-secret', domain: 'demo-store.example' }],
	customers: 5000,
	rateLimitPerSecond: 20,
};

const REWARDS = [
	{ id: 101, title: '$5 voucher', point_cost: 500, method: 'voucher' },
	{ id: 102, title: '$10 voucher', point_cost: 900, method: 'voucher' },
	{ id: 103, title: 'Free shipping', point_cost: 300, method: 'free_shipping' },
	{ id: 104, title: 'Mystery gift', point_cost: 5000, method: 'product' },
];

const encodeCursor = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decodeCursor = (text) => {
	try {
		return JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
	} catch {
		return undefined;
	}
};

/**
 * Where each route comes from: the provider's reference page it was written from and validates as, a seed
 * document, or "assumed:" with the reason. The core refuses to register a route that is not listed here.
 */
export const SOURCES: Record<string, string> = {
	"GET /oauth/authorize": "seed 001 and shared/providers.md: partner OAuth2, authorize with comma-separated scopes",
	"POST /oauth/access-token": "seed 001 and shared/providers.md: code exchange, form client_id, client_secret, code",
	"GET /v2/customers": "https://developers.loyaltylion.com/api-reference/v2/resources/customers/list-customers",
	"GET /v2/customers/:merchantId": "assumed: a customer by merchant_id is not on a public page we could read (third-party listing)",
	"PATCH /v2/customers/:merchantId": "https://developers.loyaltylion.com/api-reference/v2/resources/customers/update-customer",
	"POST /v2/customers/:merchantId/points": "https://developers.loyaltylion.com/api-reference/v2/resources/customers/add-points",
	"POST /v2/customers/:merchantId/remove_points": "https://developers.loyaltylion.com/api-reference/v2/resources/customers/remove-points",
	"GET /v2/customers/:merchantId/available_rewards": "assumed: third-party listing, no public page found",
	"POST /v2/customers/:merchantId/claimed_rewards": "https://developers.loyaltylion.com/api-reference/v2/resources/customers/rewards/redeem-reward",
	"POST /v2/customers/:merchantId/claimed_rewards/:id/refund": "https://developers.loyaltylion.com/api-reference/v2/resources/customers/rewards/refund-reward",
	"POST /v2/orders": "https://developers.loyaltylion.com/api-reference/v2/resources/orders/create-order",
	"GET /v2/orders": "https://developers.loyaltylion.com/api/resources/orders",
	"GET /v2/orders/:merchantId": "https://developers.loyaltylion.com/api-reference/v2/resources/orders/get-order",
	"PUT /v2/orders/:merchantId": "https://developers.loyaltylion.com/api-reference/v2/resources/orders/update-order",
	"POST /v2/activities": "https://developers.loyaltylion.com/api-reference/v2/resources/activities/create-activity",
	"GET /v2/activities": "assumed: the activity listing and its filters are not on a public page we could read",
	"GET /v2/transactions": "https://developers.loyaltylion.com/api-reference/v2/resources/transactions/list-transactions",
	"POST /v2/webhooks": "https://developers.loyaltylion.com/api-reference/v2/resources/webhooks/create-webhook",
	"GET /v2/webhooks": "https://developers.loyaltylion.com/api-reference/v2/resources/webhooks/list-webhooks",
	"DELETE /v2/webhooks/:id": "https://developers.loyaltylion.com/api-reference/v2/resources/webhooks/delete-webhook",
};

function create(api, userOptions) {
	const { route, HttpError, parseAuthorization, sim, randomId } = api;
	const options = { ...DEFAULTS, ...userOptions };
	const state: any = {
		options,
		codes: new Map(),
		/** OAuth tokens: token -> {clientId, scopes} */
		tokens: new Map(),
		customers: [] as any[],
		byMerchantId: new Map(),
		orders: new Map(),
		activities: [] as any[],
		transactions: [] as any[],
		claimed: new Map(),
		webhooks: new Map(),
		deliveries: [] as any[],
		authorizeRequests: [] as any[],
		hits: new Map(),
		/** deliveries the webhook receiver rejected (status != 2xx) */
		failedDeliveries: [] as any[],
	};
	let seq = { customer: 1, transaction: 1, activity: 1, claimed: 1, webhook: 1, event: 1, order: 1 };

	const iso = (ms) => new Date(ms).toISOString();
	const base = Date.UTC(2024, 0, 1);
	const addCustomer = (merchantId, email, createdMs) => {
		const id = seq.customer++;
		const customer = {
			id,
			merchant_id: merchantId,
			email,
			points_approved: 0,
			points_pending: 0,
			points_spent: 0,
			rewards_claimed: 0,
			blocked: false,
			guest: false,
			enrolled: true,
			// customers/list-customers: the tier sits at loyalty_tier_membership.loyalty_tier
			loyalty_tier_membership: { loyalty_tier: { id: 1, name: 'Bronze', number: 1 }, started_at: iso(createdMs), expires_at: null, manual: false },
			birthday: null,
			referral_url: `https://demo-store.example/r/${id.toString(36)}`,
			created_at: iso(createdMs),
			updated_at: iso(createdMs),
		};
		state.customers.push(customer);
		state.byMerchantId.set(merchantId, customer);
		return customer;
	};
	const addTransaction = (customer, points, reason, kind) => {
		const t = { id: seq.transaction++, customer_id: customer.id, merchant_id: customer.merchant_id, points, kind, reason: reason ?? null, created_at: new Date().toISOString() };
		state.transactions.push(t);
		return t;
	};
	for (let i = 1; i <= options.customers; i++) {
		const c = addCustomer(`cust-${i}`, `shopper${i}@example.com`, base + i * 3600_000);
		c.points_approved = (i * 37) % 2000;
		if (i % 97 === 0) c.blocked = true;
		if (i <= 200) addTransaction(c, c.points_approved, 'Seeded balance', 'add');
	}

	const apiError = (status, message, details?) => new HttpError(status, { error: { message, ...(details ? { details } : {}) } });

	/** Who is calling: {kind:'oauth', clientId, scopes} or {kind:'store', store}; enforces 20 req/s. */
	const authenticate = (ctx) => {
		const auth = parseAuthorization(ctx.headers.authorization);
		let who;
		if (auth?.scheme === 'basic') {
			const store = options.stores.find((s) => s.token === auth.user && s.secret === auth.password);
			if (!store) throw apiError(401, 'Invalid token or secret');
			who = { kind: 'store', key: `store:${store.token}`, store, scopes: SCOPES };
		} else if (auth?.scheme === 'bearer') {
			const token = state.tokens.get(auth.value);
			if (!token || token.revoked) throw apiError(401, 'Invalid or revoked access token');
			who = { kind: 'oauth', key: `oauth:${auth.value}`, clientId: token.clientId, scopes: token.scopes };
		} else {
			throw apiError(401, 'Authentication required: a Bearer token or token:secret over HTTP Basic');
		}
		const now = Date.now();
		const recent = (state.hits.get(who.key) ?? []).filter((t) => now - t < 1000);
		if (recent.length >= options.rateLimitPerSecond) {
			state.hits.set(who.key, recent);
			throw apiError(429, `Rate limit exceeded: at most ${options.rateLimitPerSecond} requests per second`);
		}
		recent.push(now);
		state.hits.set(who.key, recent);
		return who;
	};
	const need = (ctx, scope) => {
		const who = authenticate(ctx);
		if (!who.scopes.includes(scope)) {
			throw apiError(403, `This action requires the ${scope} scope, which the access token was not granted`, { required_scope: scope, granted_scopes: who.scopes });
		}
		return who;
	};
	const validate = (schema, body) => {
		const parsed = schema.safeParse(body ?? {});
		if (!parsed.success) {
			const details = {};
			for (const issue of parsed.error.issues) (details[issue.path.join('.') || 'body'] ??= []).push(issue.message);
			throw apiError(400, 'Validation failed', details);
		}
		return parsed.data;
	};
	const customerOr404 = (merchantId) => {
		const c = state.byMerchantId.get(merchantId);
		if (!c) throw apiError(404, `Customer ${merchantId} not found`);
		return c;
	};

	/**
	 * Cursor pagination as documented: the first request's filters are baked into the cursor; on later pages
	 * only `limit` is read. `records` must be newest first; `filter(record, f)` applies baked filters.
	 */
	const cursorPage = (ctx, records, filterNames, filter, key) => {
		const limit = ctx.query.has('limit') ? Number(ctx.query.get('limit')) : 100;
		if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw apiError(400, 'limit must be between 1 and 500', { limit: ['must be between 1 and 500'] });
		let f;
		let after;
		if (ctx.query.get('cursor')) {
			const c = decodeCursor(ctx.query.get('cursor'));
			if (!c || c.k !== key) throw apiError(400, 'Invalid cursor');
			f = c.f;
			after = c.a;
		} else {
			f = {};
			for (const n of filterNames) if (ctx.query.get(n) !== null) f[n] = ctx.query.get(n);
			if (f.since_id !== undefined && !/^\d+$/.test(f.since_id)) throw apiError(400, 'since_id must be a number');
		}
		const matching = records.filter((r) => filter(r, f) && (f.since_id === undefined || r.id > Number(f.since_id)));
		const start = after === undefined ? 0 : matching.findIndex((r) => r.id < after);
		const page = start < 0 ? [] : matching.slice(start, start + limit);
		const last = page[page.length - 1];
		const hasMore = start >= 0 && start + limit < matching.length;
		return {
			page,
			cursor: {
				prev: after === undefined || !page.length ? null : encodeCursor({ k: key, f, b: page[0].id }),
				next: hasMore ? encodeCursor({ k: key, f, a: last.id }) : null,
			},
		};
	};

	// ---- OAuth ----
	route('GET', '/oauth/authorize', (ctx) => {
		const q = Object.fromEntries(ctx.query);
		state.authorizeRequests.push(q);
		const client = options.oauthClients.find((c) => c.clientId === q.client_id);
		if (!client) return { status: 400, body: 'Unknown client_id', headers: { 'Content-Type': 'text/plain' } };
		if (!q.redirect_uri) return { status: 400, body: 'redirect_uri is required', headers: { 'Content-Type': 'text/plain' } };
		const scopes = String(q.scope ?? '').split(',').map((s) => s.trim()).filter(Boolean);
		const unknown = scopes.filter((s) => !SCOPES.includes(s));
		if (!scopes.length || unknown.length) {
			return { status: 400, body: `scope must be a comma-separated list of ${SCOPES.join(', ')}; got "${q.scope ?? ''}"`, headers: { 'Content-Type': 'text/plain' } };
		}
		// The merchant approves at once (the simulator has no login page).
		const code = randomId('', 8);
		api.secret(code);
		state.codes.set(code, { clientId: client.clientId, scopes, redirectUri: q.redirect_uri, used: false });
		const target = new URL(q.redirect_uri);
		target.searchParams.set('code', code);
		if (q.state !== undefined) target.searchParams.set('state', q.state);
		return { status: 302, body: '', headers: { Location: target.toString() } };
	});
	route(
		'POST',
		'/oauth/access-token',
		(ctx) => {
			const form = ctx.body && typeof ctx.body === 'object' ? ctx.body : {};
			const basic = parseAuthorization(ctx.headers.authorization);
			const clientId = form.client_id ?? (basic?.scheme === 'basic' ? basic.user : undefined);
			const clientSecret = form.client_secret ?? (basic?.scheme === 'basic' ? basic.password : undefined);
			const client = options.oauthClients.find((c) => c.clientId === clientId && c.clientSecret === clientSecret);
			if (!client) throw new HttpError(401, { error: 'invalid_client', error_description: 'Unknown client or wrong client secret' });
			const grant = state.codes.get(form.code);
			if (!grant || grant.used || grant.clientId !== client.clientId) {
				throw new HttpError(400, { error: 'invalid_grant', error_description: 'The code is invalid, was already used, or belongs to another client' });
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

	// ---- Customers ----
	const newestFirst = () => [...state.customers].reverse();
	route('GET', '/v2/customers', (ctx) => {
		need(ctx, 'read_customers');
		const { page, cursor } = cursorPage(
			ctx,
			newestFirst(),
			['since_id', 'email', 'updated_at_min', 'blocked'],
			(c, f) => (f.email === undefined || c.email.includes(f.email)) && (f.updated_at_min === undefined || c.updated_at >= f.updated_at_min) && (f.blocked === undefined || String(c.blocked) === f.blocked),
			'customers',
		);
		return { status: 200, body: { customers: page, cursor } };
	});
	route('GET', '/v2/customers/:merchantId', (ctx) => {
		need(ctx, 'read_customers');
		return { status: 200, body: { customer: customerOr404(ctx.params.merchantId) } };
	});
	// customers/update-customer: PATCH /v2/customers/{merchant_id}, body {customer: {birthday, blocked}} and
	// nothing else (no email).
	route('PATCH', '/v2/customers/:merchantId', (ctx) => {
		need(ctx, 'write_customers');
		const customer = customerOr404(ctx.params.merchantId);
		const body = validate(
			z
				.object({
					customer: z
						.object({
							birthday: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD').nullable().optional(),
							blocked: z.boolean().optional(),
						})
						.strict(),
				})
				.strict(),
			ctx.body,
		);
		Object.assign(customer, body.customer, { updated_at: new Date().toISOString() });
		deliverTopic('customers/update', { customer });
		return { status: 200, body: { customer } };
	});

	// ---- Points ----
	// customers/add-points: points a whole number 1..1,000,000, reason optional (shown to the shopper); 201.
	const pointsSchema = z.object({ points: z.number().int('must be a whole number').min(1, 'must be at least 1').max(1000000, 'must be at most 1000000'), reason: z.string().nullable().optional() }).strict();
	// customers/remove-points: points a whole number of at least 1; 204.
	const removePointsSchema = z.object({ points: z.number().int('must be a whole number').min(1, 'must be at least 1'), reason: z.string().nullable().optional() }).strict();
	route('POST', '/v2/customers/:merchantId/points', (ctx) => {
		need(ctx, 'write_customers');
		const customer = customerOr404(ctx.params.merchantId);
		const body = validate(pointsSchema, ctx.body);
		customer.points_approved += body.points;
		customer.updated_at = new Date().toISOString();
		addTransaction(customer, body.points, body.reason, 'add');
		deliverTopic('program_events/customer.points_earned', { customer: { id: customer.id, merchant_id: customer.merchant_id, email: customer.email }, points: body.points, reason: body.reason ?? null });
		return { status: 201 };
	});
	route('POST', '/v2/customers/:merchantId/remove_points', (ctx) => {
		need(ctx, 'write_customers');
		const customer = customerOr404(ctx.params.merchantId);
		const body = validate(removePointsSchema, ctx.body);
		if (body.points > customer.points_approved) throw apiError(422, `The customer has ${customer.points_approved} approved points, fewer than ${body.points}`);
		customer.points_approved -= body.points;
		customer.updated_at = new Date().toISOString();
		addTransaction(customer, -body.points, body.reason, 'remove');
		return { status: 204 };
	});

	// ---- Rewards ----
	route('GET', '/v2/customers/:merchantId/available_rewards', (ctx) => {
		need(ctx, 'read_customers');
		const customer = customerOr404(ctx.params.merchantId);
		return { status: 200, body: { rewards: REWARDS.filter((r) => r.point_cost <= customer.points_approved) } };
	});
	route('POST', '/v2/customers/:merchantId/claimed_rewards', (ctx) => {
		need(ctx, 'write_customers');
		const customer = customerOr404(ctx.params.merchantId);
		// customers/rewards/redeem-reward: reward_id, multiplier (custom rewards), variant_id (product rewards).
		const body = validate(z.object({ reward_id: z.number().int(), multiplier: z.number().int().min(1).optional(), variant_id: z.string().optional() }).strict(), ctx.body);
		const reward = REWARDS.find((r) => r.id === body.reward_id);
		if (!reward) throw apiError(404, `Reward ${body.reward_id} not found`);
		const cost = reward.point_cost * (body.multiplier ?? 1);
		if (cost > customer.points_approved) throw apiError(422, `The customer cannot afford this reward: it costs ${cost} points and they have ${customer.points_approved}`);
		customer.points_approved -= cost;
		customer.points_spent += cost;
		customer.rewards_claimed++;
		addTransaction(customer, -cost, `Claimed ${reward.title}`, 'claim');
		const claimed = {
			id: seq.claimed++,
			claimed_at: new Date().toISOString(),
			point_cost: cost,
			redeemable: { redeemable_type: 'voucher', code: randomId('LL-', 4).toUpperCase() },
			reward: { id: reward.id, title: reward.title, point_cost: reward.point_cost, method: reward.method },
			state: 'approved',
		};
		state.claimed.set(claimed.id, { ...claimed, merchantId: customer.merchant_id });
		return { status: 201, body: { claimed_reward: claimed } };
	});
	route('POST', '/v2/customers/:merchantId/claimed_rewards/:id/refund', (ctx) => {
		need(ctx, 'write_customers');
		const customer = customerOr404(ctx.params.merchantId);
		const claimed = state.claimed.get(Number(ctx.params.id));
		if (!claimed || claimed.merchantId !== customer.merchant_id) throw apiError(404, `Claimed reward ${ctx.params.id} not found for this customer`);
		if (claimed.state === 'void') throw apiError(422, `Claimed reward ${ctx.params.id} was already refunded`);
		claimed.state = 'void';
		customer.points_approved += claimed.point_cost;
		customer.points_spent -= claimed.point_cost;
		addTransaction(customer, claimed.point_cost, 'Refunded claimed reward', 'refund');
		// customers/rewards/refund-reward: 200 {claimed_reward, remote_resource_deleted}.
		const { merchantId, ...view } = claimed;
		return { status: 200, body: { claimed_reward: view, remote_resource_deleted: false } };
	});

	// ---- Orders ----
	const money = z.string().regex(/^\d+(\.\d{1,2})?$/, 'must be a decimal string such as "49.90"');
	const PAYMENT = ['not_paid', 'partially_paid', 'paid'] as const;
	// orders/create-order: POST /v2/orders (optional query site_id); these six fields are required.
	const orderSchema = z
		.object({
			merchant_id: z.string().min(1),
			customer_id: z.string().min(1),
			customer_email: z.string().email('must be an email address'),
			total: money,
			total_shipping: money,
			payment_status: z.enum(PAYMENT),
			total_paid: money.optional(),
			merchant_number: z.string().optional(),
			discount_codes: z.array(z.object({ code: z.string(), amount: money })).optional(),
			claimed_reward_ids: z.array(z.number().int()).optional(),
			date: z.string().datetime({ offset: true, message: 'must be an ISO 8601 date-time' }).optional(),
			ip_address: z.string().optional(),
			user_agent: z.string().optional(),
			referral_id: z.string().optional(),
			tracking_id: z.string().optional(),
			guest: z.boolean().optional(),
		})
		.strict();
	route('POST', '/v2/orders', (ctx) => {
		need(ctx, 'write_orders');
		const body = validate(orderSchema, ctx.body);
		if (state.orders.has(body.merchant_id)) throw apiError(422, `An order with merchant_id ${body.merchant_id} already exists`);
		const now = new Date().toISOString();
		const order = { id: seq.order++, ...body, cancellation_status: 'not_cancelled', refund_status: 'not_refunded', total_refunded: '0', created_at: now, updated_at: now };
		state.orders.set(body.merchant_id, order);
		const customer = state.byMerchantId.get(body.customer_id);
		if (customer && order.payment_status === 'paid') {
			const points = Math.floor(Number(body.total));
			customer.points_approved += points;
			addTransaction(customer, points, `Order ${body.merchant_number ?? body.merchant_id}`, 'order');
		}
		return { status: 201 };
	});
	// developers.loyaltylion.com/api/resources/orders: GET /v2/orders, newest first, cursor paging; filters
	// since_id, created_at_min/max, updated_at_min/max.
	route('GET', '/v2/orders', (ctx) => {
		need(ctx, 'read_orders');
		const { page, cursor } = cursorPage(
			ctx,
			[...state.orders.values()].reverse(),
			['since_id', 'created_at_min', 'created_at_max', 'updated_at_min', 'updated_at_max'],
			(o, f) =>
				(f.created_at_min === undefined || o.created_at >= f.created_at_min) &&
				(f.created_at_max === undefined || o.created_at <= f.created_at_max) &&
				(f.updated_at_min === undefined || (o.updated_at ?? o.created_at) >= f.updated_at_min) &&
				(f.updated_at_max === undefined || (o.updated_at ?? o.created_at) <= f.updated_at_max),
			'orders',
		);
		// orders/list-orders: each order carries its customer (id, merchant_id, email, points).
		const withCustomer = page.map((o) => {
			const c = state.byMerchantId.get(o.customer_id);
			return c ? { ...o, customer: { id: c.id, merchant_id: c.merchant_id, email: c.email, points_pending: c.points_pending, points_approved: c.points_approved, points_spent: c.points_spent } } : o;
		});
		return { status: 200, body: { orders: withCustomer, cursor } };
	});
	// orders/get-order
	route('GET', '/v2/orders/:merchantId', (ctx) => {
		need(ctx, 'read_orders');
		const order = state.orders.get(ctx.params.merchantId);
		if (!order) throw apiError(404, `Order ${ctx.params.merchantId} not found`);
		return { status: 200, body: { order } };
	});
	// orders/update-order: PUT /v2/orders/{merchant_id}, a FULL update: the three statuses and both totals,
	// always. Cancelling and refunding are this call (there is no /cancel or /refund sub-path). Answers 204.
	route('PUT', '/v2/orders/:merchantId', (ctx) => {
		need(ctx, 'write_orders');
		const order = state.orders.get(ctx.params.merchantId);
		if (!order) throw apiError(404, `Order ${ctx.params.merchantId} not found`);
		const body = validate(
			z
				.object({
					payment_status: z.enum(PAYMENT),
					refund_status: z.enum(['not_refunded', 'partially_refunded', 'refunded']),
					cancellation_status: z.enum(['cancelled', 'not_cancelled']),
					total_paid: money,
					total_refunded: money,
				})
				.strict(),
			ctx.body,
		);
		if (Number(body.total_refunded) > Number(order.total)) throw apiError(422, `total_refunded ${body.total_refunded} exceeds the order total ${order.total}`);
		Object.assign(order, body, { updated_at: new Date().toISOString() });
		return { status: 204 };
	});

	// ---- Activities ----
	route('POST', '/v2/activities', (ctx) => {
		need(ctx, 'write_customers');
		const body = validate(
			z.object({ name: z.string().min(1), customer_id: z.string().min(1), customer_email: z.string().email('must be an email address'), merchant_id: z.string().optional(), date: z.string().optional() }),
			ctx.body,
		);
		const activity = { id: seq.activity++, ...body, state: 'approved', created_at: new Date().toISOString() };
		state.activities.push(activity);
		return { status: 201, body: { activity } };
	});
	route('GET', '/v2/activities', (ctx) => {
		need(ctx, 'read_customers');
		const { page, cursor } = cursorPage(ctx, [...state.activities].reverse(), ['since_id', 'customer_id', 'name'], (a, f) => (f.customer_id === undefined || a.customer_id === f.customer_id) && (f.name === undefined || a.name === f.name), 'activities');
		return { status: 200, body: { activities: page, cursor } };
	});

	// ---- Transactions ----
	// transactions/list-transactions: customer_id is the NUMERIC LoyaltyLion customer id (a customer's `id`).
	route('GET', '/v2/transactions', (ctx) => {
		need(ctx, 'read_customers');
		const given = ctx.query.get('customer_id');
		if (given !== null && !/^\d+$/.test(given)) throw apiError(400, 'Validation failed', { customer_id: ['must be the numeric LoyaltyLion customer id'] });
		const { page, cursor } = cursorPage(ctx, [...state.transactions].reverse(), ['since_id', 'customer_id'], (t, f) => f.customer_id === undefined || String(t.customer_id) === f.customer_id, 'transactions');
		return { status: 200, body: { transactions: page, cursor } };
	});

	// ---- Webhooks ----
	const TOPIC = /^(customers\/update|loyalty_emails\/unsubscribe|rewards\/store_fulfilment|program_events\/customer\.[a-z_]+)$/;
	route('POST', '/v2/webhooks', (ctx) => {
		const who = authenticate(ctx);
		const body = validate(z.object({ webhook: z.object({ topic: z.string().regex(TOPIC, 'is not a known topic'), address: z.string().url('must be a URL') }) }), ctx.body);
		const readScope = body.webhook.topic === 'loyalty_emails/unsubscribe' ? 'read_unsubscribes' : 'read_customers';
		if (!who.scopes.includes(readScope)) throw apiError(403, `Webhooks for ${body.webhook.topic} require the ${readScope} scope`, { required_scope: readScope });
		const now = new Date().toISOString();
		const secret = who.kind === 'oauth' ? options.oauthClients.find((c) => c.clientId === who.clientId).clientSecret : who.store.secret;
		const webhook = { id: seq.webhook++, topic: body.webhook.topic, address: body.webhook.address, created_at: now, updated_at: now };
		state.webhooks.set(webhook.id, { ...webhook, owner: who.key, secret });
		return { status: 201, body: { webhook } };
	});
	route('GET', '/v2/webhooks', (ctx) => {
		const who = authenticate(ctx);
		const mine = [...state.webhooks.values()].filter((w) => w.owner === who.key).map(({ owner, secret, ...w }) => w);
		return { status: 200, body: { webhooks: mine } };
	});
	route('DELETE', '/v2/webhooks/:id', (ctx) => {
		const who = authenticate(ctx);
		const webhook = state.webhooks.get(Number(ctx.params.id));
		if (!webhook || webhook.owner !== who.key) throw apiError(404, `Webhook ${ctx.params.id} not found`);
		state.webhooks.delete(webhook.id);
		return { status: 204 };
	});

	/** POSTs one signed delivery; resolves with the receiver's status. */
	const post = (webhook, body, headers) =>
		new Promise<number>((resolve) => {
			const url = new URL(webhook.address);
			const req = http.request(
				{ method: 'POST', hostname: url.hostname, port: url.port, path: url.pathname + url.search, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...headers } },
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
	 * Delivers an event to every webhook subscribed to its topic, signed as LoyaltyLion signs: base64
	 * HMAC-SHA256 of the raw body keyed by the OAuth client secret or the site secret.
	 * `tamper` lets tests send forged deliveries: {signature?, alterBody?, omitSignature?, secret?, event?}.
	 */
	async function deliver(topic, payload, tamper: any = {}) {
		const event = tamper.event ?? { id: `evt_${seq.event++}`, topic, created_at: new Date().toISOString(), payload };
		const results: any[] = [];
		for (const webhook of state.webhooks.values()) {
			if (webhook.topic !== topic) continue;
			const raw = JSON.stringify(event);
			const signature = tamper.signature ?? sign(tamper.secret ?? webhook.secret, raw);
			const sent = tamper.alterBody ? raw.replace(/"payload":\{/, '"payload":{"injected":true,') : raw;
			const headers = { 'x-loyaltylion-topic': topic, 'x-loyaltylion-site-domain': options.stores[0].domain };
			if (!tamper.omitSignature) headers['x-loyaltylion-hmac-sha256'] = signature;
			const status = await post(webhook, sent, headers);
			const record = { webhookId: webhook.id, eventId: event.id, topic, status };
			state.deliveries.push(record);
			if (status < 200 || status >= 300) state.failedDeliveries.push(record);
			results.push(record);
		}
		return { event, results };
	}
	function deliverTopic(topic, payload) {
		if ([...state.webhooks.values()].some((w) => w.topic === topic)) deliver(topic, payload).catch(() => undefined);
	}

	return {
		state,
		deliver,
		sign,
		/** Forgets the requests counted toward the 20 per second. */
		resetRateWindow: () => state.hits.clear(),
		faultBody: (status) => ({ error: { message: status === 429 ? 'Rate limit exceeded' : 'Internal server error' } }),
		control: {
			deliver: ({ topic, payload, tamper }) => deliver(topic, payload, tamper),
			revokeTokens: () => {
				for (const t of state.tokens.values()) t.revoked = true;
				return { ok: true };
			},
		},
	};
}

export { NAME as name, create, DEFAULTS, SCOPES };
