// LoyaltyLion simulator: activities.
import { z } from 'zod';
import { R } from './program.cjs';
import type { Lion } from './context.cjs';

export const SOURCES: Record<string, string> = {
	'GET /v2/activities': `${R}activities/list-activities`,
	'POST /v2/activities': `${R}activities/create-activity`,
	'PUT /v2/activities/:name/:merchantId': `${R}activities/update-activity`,
};

export function register(ll: Lion) {
	const {
		route,
		state,
		nowIso,
		customerByLionId,
		activityView,
		deliverTopic,
		addCustomer,
		addTransaction,
		addActivity,
		ruleOf,
		touched,
		need,
		fail400,
		validate,
		isoDateTime,
		readQuery,
		PAGING,
		CREATED,
		cursorList,
		inRange,
		notFound,
		siteOf,
	} = ll;
	// activities/list-activities: since_id >= 0, limit, page (deprecated), cursor, created_at_min (on or after),
	// created_at_max (before). There is no name, customer or state filter: those are refused.
	route('GET', '/v2/activities', (ctx) => {
		need(ctx, 'read', 'customers');
		const filters = { since_id: { kind: 'int', min: 0 }, ...CREATED } as const;
		const q = readQuery(ctx, { ...filters, ...PAGING });
		const { page, cursor, headers } = cursorList(
			ctx,
			'activities',
			q,
			state.activities,
			Object.keys(filters),
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
		const customer = customerByLionId(activity.customerLionId)!;
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
}
