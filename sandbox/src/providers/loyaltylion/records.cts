// State changes: customers, transactions, activities, orders' awards and claimed rewards.
import { TIERS, RULES } from './program.cjs';
import type { Store } from './store.cjs';
import type { Views } from './views.cjs';
import type { Delivery } from './delivery.cjs';
import type {
	Activity,
	ActivityInput,
	ClaimedReward,
	Customer,
	Order,
	Redeemable,
	Reward,
	Tier,
	Transaction,
	TransactionInput,
} from './model.cjs';

export function makeRecords(ll: Store & Views & Delivery) {
	const { randomId, state, seq, iso, nowIso, rewardView, deliverTopic } = ll;
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
	const pad = (n: number) => String(n).padStart(2, '0');
	const tierMembership = (tier: Tier, startedMs: number) => ({
		started_at: iso(startedMs),
		expires_at: null,
		manual: false,
		loyalty_tier: { ...tier },
	});
	const addCustomer = (
		merchantId: string,
		email: string,
		createdMs: number,
		extra: { guest?: boolean; tier?: number } = {},
	) => {
		const id = seq.customer++;
		const first = FIRST[id % FIRST.length];
		const last = LAST[Math.floor(id / 10) % LAST.length];
		const guest = extra.guest ?? false;
		const referralId = `r${id.toString(36)}${(id * 7919).toString(36).slice(-3)}`;
		const customer: Customer = {
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
			referred_by: null,
			// customers/list-customers: the tier sits at loyalty_tier_membership.loyalty_tier
			loyalty_tier_membership: guest ? null : tierMembership(TIERS[extra.tier ?? 0], createdMs),
			insights_segment: null,
			birthday: null,
			referral_url: `https://demo-store.example/r/${referralId}`,
			linked_merchant_ids: [],
			created_at: iso(createdMs),
			updated_at: iso(createdMs),
		};
		state.customers.push(customer);
		state.byMerchantId.set(merchantId, customer);
		return customer;
	};
	const addTransaction = (customer: Customer, t: TransactionInput, createdAt = nowIso()) => {
		const record: Transaction = {
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
	const adjust = (
		customer: Customer,
		points: number,
		reason: string | null | undefined,
		createdAt = nowIso(),
	) =>
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
	const addActivity = (customer: Customer, a: ActivityInput, createdAt = nowIso()) => {
		const activity: Activity = {
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
	const ruleOf = (name: string) => {
		const rule = RULES.find((r) => r.name === name);
		return rule
			? { rule, view: { id: rule.id, name: rule.name, title: rule.title } }
			: { rule: undefined, view: { id: null, name: null, title: null } };
	};
	const touched = (customer: Customer) => {
		customer.updated_at = nowIso();
		deliverTopic('customers/update', { customer });
	};

	/** $purchase: one point per whole currency unit of the total (the simulator's program configuration). */
	function awardPurchase(customer: Customer, order: Order, at = nowIso()) {
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
	function makeClaim(
		customer: Customer,
		reward: Reward,
		multiplier: number,
		variantId: string | undefined,
		at = nowIso(),
	) {
		let redeemable: Redeemable;
		let session: ClaimedReward['session'] = null;
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
		const claimed: ClaimedReward = {
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
	return {
		FIRST,
		LAST,
		pad,
		tierMembership,
		addCustomer,
		addTransaction,
		adjust,
		addActivity,
		ruleOf,
		touched,
		awardPurchase,
		makeClaim,
	};
}

export type Records = ReturnType<typeof makeRecords>;
