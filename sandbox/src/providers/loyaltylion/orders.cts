// LoyaltyLion simulator: orders.
import { z } from 'zod';
import { R } from './program.cjs';
import { scaleOf, toMinor, fromMinor, sumOf } from './amounts.cjs';
import type { Lion } from './context.cjs';
import type { Order } from './model.cjs';

export const SOURCES: Record<string, string> = {
	'GET /v2/orders': `${R}orders/list-orders`,
	'POST /v2/orders': `${R}orders/create-order`,
	'GET /v2/orders/:merchantId': `${R}orders/get-order`,
	'PUT /v2/orders/:merchantId': `${R}orders/update-order`,
};

export function register(ll: Lion) {
	const {
		route,
		state,
		seq,
		nowIso,
		customerByLionId,
		orderListView,
		orderGetView,
		addCustomer,
		touched,
		awardPurchase,
		apiError,
		need,
		validate,
		money,
		isoDateTime,
		readQuery,
		PAGING,
		CREATED,
		UPDATED,
		cursorList,
		inRange,
		notFound,
		siteOf,
	} = ll;
	const PAYMENT = ['not_paid', 'partially_paid', 'paid'] as const;
	const REFUND = ['not_refunded', 'partially_refunded', 'refunded'] as const;
	const CANCELLATION = ['cancelled', 'not_cancelled'] as const;
	// orders/list-orders: since_id (> 0), limit, page (deprecated), cursor, created/updated_at_min/max.
	route('GET', '/v2/orders', (ctx) => {
		need(ctx, 'read', 'orders');
		const filters = { since_id: { kind: 'int', min: 1 }, ...CREATED, ...UPDATED } as const;
		const q = readQuery(ctx, { ...filters, ...PAGING });
		const { page, cursor, headers } = cursorList(
			ctx,
			'orders',
			q,
			[...state.orders.values()],
			Object.keys(filters),
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
		const order: Order = {
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
			refunds: [],
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
	const orderOr404 = (merchantId: string) => {
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
		const toCents = (a: string) => toMinor(a, scale);
		const fromCents = (c: number) => fromMinor(c, scale);
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
			const customer = customerByLionId(order.customerLionId)!;
			awardPurchase(customer, order);
			touched(customer);
		}
		return { status: 204 };
	});
}
