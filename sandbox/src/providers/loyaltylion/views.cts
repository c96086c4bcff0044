// The wire views of the internal records.
import { sumOf } from './amounts.cjs';
import type { Store } from './store.cjs';
import type { Activity, ClaimedReward, Customer, Order, Reward, Transaction } from './model.cjs';

export function makeViews(ll: Store) {
	const { siteById, state } = ll;
	const summary = (c: Customer) => ({
		id: c.id,
		merchant_id: c.merchant_id,
		email: c.email,
		points_pending: c.points_pending,
		points_approved: c.points_approved,
		points_spent: c.points_spent,
	});
	const customerByLionId = (id: number): Customer | undefined =>
		state.customers[id - 1]?.id === id
			? state.customers[id - 1]
			: state.customers.find((c) => c.id === id);
	const rewardView = (r: Reward) => {
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
	const activityView = (a: Activity) => {
		const c = customerByLionId(a.customerLionId);
		const view: Record<string, unknown> = {
			id: a.id,
			merchant_id: a.merchant_id,
			value: a.value,
			state: a.state,
			customer: summary(c!),
			created_at: a.created_at,
			rule: a.rule,
		};
		if (a.flow) view.flow = a.flow;
		return view;
	};
	const claimedView = (cr: ClaimedReward) => {
		const { merchantId, customerLionId, ...view } = cr;
		return view;
	};
	const transactionView = (t: Transaction) => ({
		id: t.id,
		customer: summary(customerByLionId(t.customerLionId)!),
		points_approved: t.points_approved,
		points_pending: t.points_pending,
		created_at: t.created_at,
		resource: t.resource,
		activity: t.activity ? { ...activityView(t.activity), resource: null } : null,
		claimed_reward: t.claimed_reward ? claimedView(t.claimed_reward) : null,
		adjustment: t.adjustment ?? null,
		expiry: t.expiry ?? null,
	});
	const orderListView = (o: Order) => ({
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
		customer: summary(customerByLionId(o.customerLionId)!),
	});
	// orders/get-order: a bare object, these fields only (no id, no customer, no total_refunded)
	const orderGetView = (o: Order) => ({
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

	return {
		summary,
		customerByLionId,
		rewardView,
		activityView,
		claimedView,
		transactionView,
		orderListView,
		orderGetView,
	};
}

export type Views = ReturnType<typeof makeViews>;
