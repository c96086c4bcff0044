import type { IDataObject } from 'n8n-workflow';
import { pageRecords, paginate, type Page } from '../../nodes/shared/http/pagination';
import { routerContext } from './context';

/** A provider's list of `total` records served `size` per page, with the cursors and limits asked for. */
function pages(total: number, size: number) {
	const asked: Array<{ cursor: number | undefined; remaining: number | undefined }> = [];
	const fetchPage = async (
		cursor: number | undefined,
		remaining: number | undefined,
	): Promise<Page<number>> => {
		asked.push({ cursor, remaining });
		const start = cursor ?? 0;
		const records: IDataObject[] = [];
		for (let i = start; i < Math.min(total, start + size); i++) records.push({ id: i });
		return { records, next: start + size < total ? start + size : undefined };
	};
	return { fetchPage, asked };
}

describe('pagination', () => {
	test('every page until the provider says there is none, each record once, in order', async () => {
		const { fetchPage, asked } = pages(25, 10);
		const records = await paginate(fetchPage);
		expect(records.map((r) => r.id)).toEqual([...Array(25).keys()]);
		expect(asked.map((a) => a.cursor)).toEqual([undefined, 10, 20]);
	});

	test('a limit is met exactly: the last page is cut and no page is asked past it', async () => {
		const { fetchPage, asked } = pages(100, 10);
		const records = await paginate(fetchPage, { limit: 15 });
		expect(records).toHaveLength(15);
		expect(asked).toEqual([
			{ cursor: undefined, remaining: 15 },
			{ cursor: 10, remaining: 5 },
		]);
	});

	test('an empty page ends the listing even with a cursor (no endless loop)', async () => {
		let calls = 0;
		const records = await paginate<string>(async () => {
			calls++;
			return { records: [], next: 'again' };
		});
		expect([records, calls]).toEqual([[], 1]);
	});

	test('a failed page fails the listing: nothing collected so far is returned as whole', async () => {
		const { fetchPage } = pages(30, 10);
		await expect(
			paginate<number>(async (cursor, remaining) => {
				if (cursor === 20) throw new Error('page 3 failed');
				return await fetchPage(cursor, remaining);
			}),
		).rejects.toThrow('page 3 failed');
	});

	test('a page without its list is an error naming the list, not an empty last page', () => {
		const ctx = routerContext([{}]);
		expect(pageRecords(ctx, 0, 'P', { customers: [{ id: 1 }] }, 'customers')).toEqual([{ id: 1 }]);
		expect(() => pageRecords(ctx, 2, 'P', { error: 'x' }, 'customers')).toThrow(
			'P answered a page without a "customers" list (item 2)',
		);
		expect(() => pageRecords(ctx, 0, 'P', { not: 'a list' })).toThrow('without a list');
	});
});
