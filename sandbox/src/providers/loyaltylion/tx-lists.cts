// Transaction lists, as JSON or CSV (a customer's and the program's).
import { decodeCursor } from './amounts.cjs';
import type { QSpec } from './validation.cjs';
import type { Views } from './views.cjs';
import type { Validation } from './validation.cjs';
import type { Filters, PageQuery, Paging } from './paging.cjs';
import type { RouteContext } from '../../types.cjs';
import type { Transaction } from './model.cjs';

export function makeTransactionLists(ll: Views & Validation & Paging) {
	const { transactionView, LIMIT, cursorList, inRange } = ll;
	const txQuery = <E extends QSpec>(extra: E, sinceMin: number) =>
		({
			type: { kind: 'enum', values: ['json', 'csv'] },
			since_id: { kind: 'int', min: sinceMin },
			limit: LIMIT,
			cursor: { kind: 'string' },
			...extra,
			created_at_min: { kind: 'datetime' },
			created_at_max: { kind: 'datetime' },
		}) as {
			type: { kind: 'enum'; values: string[] };
			since_id: { kind: 'int'; min: number };
			limit: typeof LIMIT;
			cursor: { kind: 'string' };
			created_at_min: { kind: 'datetime' };
			created_at_max: { kind: 'datetime' };
		} & E;
	const csvOf = (rows: ReturnType<typeof transactionView>[]) => {
		// CSV columns are not public (assumed)
		const cell = (v: unknown) =>
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
		ctx: RouteContext,
		q: PageQuery & { type?: string },
		key: string,
		records: Transaction[],
		extraFilters: string[],
		extra: (t: Transaction, f: Filters) => boolean,
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
	return { txQuery, csvOf, answerTransactions };
}

export type TransactionLists = ReturnType<typeof makeTransactionLists>;
