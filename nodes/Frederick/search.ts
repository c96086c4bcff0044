import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { matches, searchPage } from '../shared/descriptions/locator';
import { frederickRequest, type JsonApiResource, MAX_PAGE_SIZE, PATHS } from './transport';

/**
 * One page of a Frederick listing for a resource locator's list: the first page by number, the next one by
 * the links.next Frederick gave (followed only on the credential's origin, as every follow-up address is).
 */
async function page(
	ctx: ILoadOptionsFunctions,
	path: string,
	token: string | undefined,
	qs: IDataObject = {},
) {
	const { body } = await frederickRequest<{
		data?: JsonApiResource[];
		links?: { next?: string | null };
	}>(
		ctx,
		undefined,
		'GET',
		token ?? path,
		token ? {} : { qs: { ...qs, 'page[number]': 1, 'page[size]': MAX_PAGE_SIZE } },
	);
	return {
		records: Array.isArray(body?.data) ? body.data : [],
		next: body?.links?.next || undefined,
	};
}

/** The listSearch methods of the Frederick node. */
export const listSearch = {
	async searchLocations(
		this: ILoadOptionsFunctions,
		filter?: string,
		token?: string,
	): Promise<INodeListSearchResult> {
		const { records, next } = await page(this, PATHS.locations, token);
		const results = records
			.filter((l) => matches(filter, l.attributes?.name, l.id))
			.map((l) => ({ name: String(l.attributes?.name ?? l.id), value: l.id }));
		return searchPage(results, next);
	},
	/** An email is searched by the API (filter[email]); a name is matched page by page. */
	async searchContacts(
		this: ILoadOptionsFunctions,
		filter?: string,
		token?: string,
	): Promise<INodeListSearchResult> {
		const email = filter?.includes('@') ? filter.trim() : undefined;
		const { records, next } = await page(
			this,
			PATHS.contacts,
			token,
			email ? { 'filter[email]': email } : {},
		);
		const name = (c: JsonApiResource) =>
			[c.attributes?.first_name, c.attributes?.last_name].filter(Boolean).join(' ');
		const results = records
			.filter((c) => email || matches(filter, name(c), c.attributes?.email))
			.map((c) => ({
				name: `${name(c) || '(no name)'}${c.attributes?.email ? ` <${String(c.attributes.email)}>` : ''}`,
				value: c.id,
			}));
		return searchPage(results, next);
	},
};
