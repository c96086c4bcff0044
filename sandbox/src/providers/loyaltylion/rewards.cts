// LoyaltyLion simulator: a customer's rewards.
import { z } from 'zod';
import { R } from './program.cjs';
import type { Lion } from './context.cjs';

export const SOURCES: Record<string, string> = {
	'GET /v2/customers/:merchantId/available_rewards': `${R}customers/rewards/list-available-rewards`,
	'POST /v2/customers/:merchantId/claimed_rewards': `${R}customers/rewards/redeem-reward`,
	'POST /v2/customers/:merchantId/claimed_rewards/:id/refund': `${R}customers/rewards/refund-reward`,
};

export function register(ll: Lion) {
	const {
		route,
		sites,
		siteById,
		state,
		rewardView,
		claimedView,
		deliverTopic,
		addTransaction,
		touched,
		makeClaim,
		apiError,
		need,
		fail400,
		validate,
		noBody,
		readQuery,
		customerOr404,
		offered,
	} = ll;
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
				gift_card_last_characters: giftCard ? claimed.redeemable.code!.slice(-4) : null,
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
}
