import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/** One page as a provider answered it: its records and how to ask for the next page (undefined: none). */
export interface Page<TCursor> {
	records: IDataObject[];
	next?: TCursor;
}

/**
 * The pagination loop every list operation uses. It asks for pages until the provider says there are no
 * more, or until exactly `limit` records are collected (the last page is cut, never over-fetched past the
 * limit when the page size can be chosen). Each page request goes through the shared request core, so a
 * failed page is retried with the same cursor: no record is lost or repeated. If a page cannot be fetched
 * after the retries, the whole operation fails: a partial list is never returned as if it were whole.
 */
export async function paginate<TCursor>(
	fetchPage: (cursor: TCursor | undefined, remaining: number | undefined) => Promise<Page<TCursor>>,
	{ limit }: { limit?: number } = {},
): Promise<IDataObject[]> {
	const out: IDataObject[] = [];
	let cursor: TCursor | undefined;
	for (;;) {
		const remaining = limit === undefined ? undefined : limit - out.length;
		const page = await fetchPage(cursor, remaining);
		for (const record of page.records) {
			if (limit !== undefined && out.length >= limit) break;
			out.push(record);
		}
		if (page.next === undefined || page.records.length === 0) break;
		if (limit !== undefined && out.length >= limit) break;
		cursor = page.next;
	}
	return out;
}

/**
 * The records of a page, which must be an array: a page without one is an error, never an empty last page
 * (that would end the listing early and pass a partial list off as whole).
 */
export function pageRecords(
	ctx: Pick<IExecuteFunctions, 'getNode'>,
	itemIndex: number,
	providerName: string,
	body: unknown,
	key?: string,
): IDataObject[] {
	const records = key === undefined ? body : (body as IDataObject | undefined)?.[key];
	if (!Array.isArray(records)) {
		throw new NodeApiError(ctx.getNode(), { message: 'Unexpected page' } as JsonObject, {
			message: `${providerName} answered a page without ${key ? `a "${key}" list` : 'a list'} (item ${itemIndex})`,
			description:
				'The listing stopped rather than return a partial list. Run it again; if it repeats, the API changed or the base URL points somewhere else.',
			itemIndex,
		});
	}
	return records as IDataObject[];
}
