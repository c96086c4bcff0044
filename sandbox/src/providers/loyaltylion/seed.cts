// The seeded program: customers, their history, orders, claims and unsubscribes.
import { toCents, fromCents } from './amounts.cjs';
import type { Store } from './store.cjs';
import type { Records } from './records.cjs';
import type { Customer, Order } from './model.cjs';

export function seed(ll: Store & Records) {
	const {
		options,
		state,
		seq,
		iso,
		base,
		pad,
		addCustomer,
		addTransaction,
		adjust,
		addActivity,
		ruleOf,
		awardPurchase,
		makeClaim,
	} = ll;
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
		const at = (minutes: number) => iso(created + minutes * 60_000);
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
	function seedOrder(c: Customer, n: number, ms: number) {
		const total = ((n * 7.35) % 180) + 20;
		const status = n % 8 === 0 ? 'not_paid' : n % 8 === 1 ? 'partially_paid' : 'paid';
		const paidCents =
			status === 'paid'
				? toCents(total.toFixed(2))
				: status === 'partially_paid'
					? toCents((total / 2).toFixed(2))
					: 0;
		const when = iso(ms);
		const order: Order = {
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
			refunds: [],
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
	function seedClaim(c: Customer, at: string) {
		const reward = state.rewards.find((r) => r.id === 103)!;
		const claimed = makeClaim(c, reward, 1, undefined, at);
		c.points_spent += claimed.point_cost;
		c.rewards_claimed++;
		addTransaction(
			c,
			{ points_approved: -claimed.point_cost, resource: 'claimed_reward', claimed_reward: claimed },
			at,
		);
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
}
