// Cursor pagination and date ranges.
import { encodeCursor, decodeCursor } from './amounts.cjs';
import type { Store } from './store.cjs';
import type { Validation } from './validation.cjs';
import type { RouteContext } from '../../types.cjs';

/** The filters of a list request, baked into its cursors (dates in ms). */
export interface Filters {
	since_id?: number;
	sort_field?: string;
	sort_direction?: string;
	type?: string;
	email?: string;
	customer_id?: number;
	created_at_min?: number;
	created_at_max?: number;
	updated_at_min?: number;
	updated_at_max?: number;
}

/** A list request's parsed query. */
export interface PageQuery {
	limit?: number;
	page?: number;
	cursor?: string;
	[name: string]: unknown;
}

/** Where a record sorts: the sort field's value (an id, or an ISO date string), then its id. */
type SortKey = [string | number, number];

export function makePaging(ll: Store & Validation) {
	const { options, fail400 } = ll;
	/**
	 * Cursor pagination (developers.loyaltylion.com/api-reference/pagination). `q` is the parsed query; `filterNames` are baked into the cursor
	 * (and ignored on cursor requests); newest first unless since_id (ascending) or an explicit sort.
	 */
	const cursorList = <T extends { id: number }>(
		ctx: RouteContext,
		key: string,
		q: PageQuery,
		records: T[],
		filterNames: string[],
		filter: (r: T, f: Filters) => boolean,
	) => {
		const limit = q.limit ?? 100;
		let f: Filters;
		let anchor: SortKey | undefined;
		let direction: 'next' | 'prev' | undefined;
		if (q.cursor !== undefined) {
			const c = decodeCursor(q.cursor);
			if (!c || c.k !== key || !c.f)
				throw fail400({ cursor: 'is not a cursor this endpoint issued' });
			f = c.f;
			anchor = c.a;
			direction = c.d;
		} else {
			f = {};
			for (const n of filterNames) if (q[n] !== undefined) (f as Record<string, unknown>)[n] = q[n];
		}
		const field = f.sort_field ?? 'id';
		const dir =
			f.sort_direction ?? (f.since_id !== undefined && f.sort_field === undefined ? 'asc' : 'desc');
		const tuple = (r: T): SortKey => [
			field === 'id' ? r.id : (r as unknown as Record<string, string | number>)[field],
			r.id,
		];
		// numbers or ISO date strings: both order with < and > (typed as numbers for the compiler)
		const cmp = (a: SortKey, b: SortKey) => {
			const s =
				(a[0] as number) < (b[0] as number)
					? -1
					: (a[0] as number) > (b[0] as number)
						? 1
						: a[1] - b[1];
			return dir === 'asc' ? s : -s;
		};
		// every store is kept in ascending id order: only other sort fields need a sort. `filter` only tests
		// the baked filters `f` (a list scoped otherwise is passed already scoped), so no filter means no test.
		const filtering = Object.keys(f).some(
			(k) => !['sort_field', 'sort_direction', 'type'].includes(k),
		);
		const kept = filtering
			? records.filter((r) => (f.since_id === undefined || r.id > f.since_id) && filter(r, f))
			: records.slice();
		const matching =
			field !== 'id'
				? kept.sort((a, b) => cmp(tuple(a), tuple(b)))
				: dir === 'asc'
					? kept
					: kept.reverse();
		/** the first index whose record satisfies `pred` (monotone over the sorted list), else the length */
		const firstIndex = (pred: (r: T) => boolean) => {
			let lo = 0;
			let hi = matching.length;
			while (lo < hi) {
				const mid = (lo + hi) >> 1;
				if (pred(matching[mid])) hi = mid;
				else lo = mid + 1;
			}
			return lo;
		};
		let start = 0;
		let end: number;
		if (anchor && direction === 'prev') {
			end = firstIndex((r) => cmp(tuple(r), anchor!) >= 0);
			start = Math.max(0, end - limit);
		} else if (anchor) {
			start = firstIndex((r) => cmp(tuple(r), anchor!) > 0);
			end = start + limit;
		} else {
			start = q.page !== undefined ? (q.page - 1) * limit : 0;
			end = start + limit;
		}
		const page = matching.slice(start, end);
		const cursors = f.since_id === undefined || options.sinceIdCursors;
		const next =
			cursors && start + page.length < matching.length && page.length
				? encodeCursor({ k: key, f, a: tuple(page[page.length - 1]), d: 'next' })
				: null;
		const prev =
			cursors && start > 0 && page.length
				? encodeCursor({ k: key, f, a: tuple(page[0]), d: 'prev' })
				: null;
		const links: string[] = [];
		const link = (cursor: string, rel: string) =>
			`<${ctx.origin}${ctx.url.pathname}?cursor=${encodeURIComponent(cursor)}&limit=${limit}>; rel="${rel}"`;
		if (next) links.push(link(next, 'next'));
		if (prev) links.push(link(prev, 'prev'));
		const headers: Record<string, string> = links.length ? { Link: links.join(', ') } : {};
		return { page, cursor: { prev, next }, headers };
	};
	/** Whether an ISO timestamp lies within [min, max] (or [min, max) when maxExclusive); bounds in ms. */
	const inRange = (
		at: string,
		min: number | undefined,
		max: number | undefined,
		maxExclusive: boolean,
	) => {
		if (min === undefined && max === undefined) return true;
		const ms = Date.parse(at);
		return (
			(min === undefined || ms >= min) &&
			(max === undefined || (maxExclusive ? ms < max : ms <= max))
		);
	};

	return { cursorList, inRange };
}

export type Paging = ReturnType<typeof makePaging>;
