// LoyaltyLion simulator: points and a customer's transactions.
import { z } from 'zod';
import { R } from './program.cjs';
import type { Lion } from './context.cjs';

export const SOURCES: Record<string, string> = {
	'POST /v2/customers/:merchantId/points': `${R}customers/add-points`,
	'POST /v2/customers/:merchantId/remove_points': `${R}customers/remove-points`,
	'GET /v2/customers/:merchantId/transactions': `${R}customers/list-transactions`,
};

export function register(ll: Lion) {
	const {
		route,
		options,
		state,
		rewardView,
		transactionView,
		subscribed,
		deliverTopic,
		later,
		adjust,
		touched,
		apiError,
		need,
		validate,
		readQuery,
		customerOr404,
		offered,
		txQuery,
		answerTransactions,
	} = ll;
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
}
