// LoyaltyLion simulator: transactions.
import { R } from './program.cjs';
import type { Lion } from './context.cjs';
import type { PageQuery } from './paging.cjs';

export const SOURCES: Record<string, string> = {
	'GET /v2/transactions': `${R}transactions/list-transactions`,
};

export function register(ll: Lion) {
	const { route, state, need, readQuery, txQuery, answerTransactions } = ll;
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
		// the filter compares LoyaltyLion's numeric ids
		if (q.customer_id !== undefined) (q as PageQuery).customer_id = Number(q.customer_id);
		return answerTransactions(
			ctx,
			q,
			'transactions',
			state.transactions,
			['customer_id'],
			(t, f) => f.customer_id === undefined || t.customerLionId === f.customer_id,
		);
	});
}
