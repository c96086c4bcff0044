import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { matches, searchPage } from '../shared/descriptions/locator';
import type { Call } from './transport';
import { CALLS, loyalisticRequest, MAX_PAGE_SIZE, PATHS, QUERY } from './transport';

interface Page {
	items: IDataObject[];
	page: number;
	pageSize: number;
	totalCount: number;
}

/** One page of a listing, for a resource locator's list: the records, and the next page when there is one. */
async function page(
	ctx: ILoadOptionsFunctions,
	call: Call,
	path: string,
	token: string | undefined,
	qs: IDataObject = {},
) {
	const number = Math.max(1, Number(token ?? 1) || 1);
	const { body } = await loyalisticRequest<Page>(ctx, undefined, call.method, path, {
		qs: { ...qs, [QUERY.page]: number, [QUERY.pageSize]: MAX_PAGE_SIZE },
	});
	const items = Array.isArray(body?.items) ? body.items : [];
	const next = number * MAX_PAGE_SIZE < Number(body?.totalCount ?? 0) ? number + 1 : undefined;
	return { items, next };
}

const name = (c: IDataObject) => [c.firstName, c.lastName].filter(Boolean).join(' ');

/**
 * The listSearch methods of the Loyalistic node (resource locators' "From List"). The API filters contacts by
 * exact email (assumed, like every Loyalistic path); a name is matched page by page, the next page asked for
 * as the user scrolls.
 */
export const listSearch = {
	async searchContacts(
		this: ILoadOptionsFunctions,
		filter?: string,
		token?: string,
	): Promise<INodeListSearchResult> {
		const email = filter?.includes('@') ? filter.trim().toLowerCase() : undefined;
		const { items, next } = await page(
			this,
			email ? CALLS.contactFindByEmail : CALLS.contactGetMany,
			PATHS.contacts,
			token,
			email ? { [QUERY.email]: email } : {},
		);
		const results = items
			.filter((c) => email || matches(filter, name(c), c.email))
			.map((c) => ({
				name: `${name(c) || '(no name)'} <${String(c.email ?? '')}>`,
				value: String(c.id),
			}));
		return searchPage(results, next);
	},
	async searchCompanies(
		this: ILoadOptionsFunctions,
		filter?: string,
		token?: string,
	): Promise<INodeListSearchResult> {
		const { items, next } = await page(this, CALLS.companyGetMany, PATHS.companies, token);
		return searchPage(
			items
				.filter((c) => matches(filter, c.name, c.domain))
				.map((c) => ({ name: String(c.name ?? c.id), value: String(c.id) })),
			next,
		);
	},
	async searchLists(
		this: ILoadOptionsFunctions,
		filter?: string,
		token?: string,
	): Promise<INodeListSearchResult> {
		const { items, next } = await page(this, CALLS.listGetMany, PATHS.lists, token);
		return searchPage(
			items
				.filter((l) => matches(filter, l.name))
				.map((l) => ({
					name: `${String(l.name ?? l.id)}${l.type === 'segment' ? ' (segment)' : ''}`,
					value: String(l.id),
				})),
			next,
		);
	},
};
