import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { matches, searchPage } from '../shared/descriptions/locator';
import { frederickPage, type JsonApiResource, MAX_PAGE_SIZE, PATHS } from './transport';

/** The location the node's Location field names, for lists scoped to it (contacts, contact lists). */
function currentLocation(ctx: ILoadOptionsFunctions, what = 'contacts'): string {
	let value: unknown;
	try {
		value = ctx.getCurrentNodeParameter('locationId', { extractValue: true });
	} catch {
		value = undefined;
	}
	const id = typeof value === 'string' ? value.trim() : '';
	if (!id || id.startsWith('='))
		throw new Error(`Choose the Location first: ${what} are listed per location`);
	return id;
}

/** The listSearch methods of the Frederick node. */
export const listSearch = {
	async searchLocations(
		this: ILoadOptionsFunctions,
		filter?: string,
		token?: string,
	): Promise<INodeListSearchResult> {
		const { records, next } = await frederickPage(
			this,
			undefined,
			token ?? PATHS.locations,
			token ? undefined : { 'page.number': 1, 'page.size': MAX_PAGE_SIZE },
		);
		const results = records
			.filter((l) => matches(filter, l.attributes?.name, l.id))
			.map((l) => ({ name: String(l.attributes?.name ?? l.id), value: l.id }));
		return searchPage(results, next);
	},
	/** An email is searched by the API (filter.email); a name is matched page by page. */
	async searchContacts(
		this: ILoadOptionsFunctions,
		filter?: string,
		token?: string,
	): Promise<INodeListSearchResult> {
		const email = filter?.includes('@') ? filter.trim() : undefined;
		const { records, next } = await frederickPage(
			this,
			undefined,
			token ?? PATHS.contacts(currentLocation(this)),
			token
				? undefined
				: {
						'page.number': 1,
						'page.size': MAX_PAGE_SIZE,
						...(email ? { 'filter.email': email } : {}),
					},
		);
		// The client library's fixtures give a contact a `name`; first and last names are the pack's (assumed).
		const name = (c: JsonApiResource) =>
			[c.attributes?.first_name, c.attributes?.last_name].filter(Boolean).join(' ') ||
			String(c.attributes?.name ?? '');
		const results = records
			.filter((c) => email || matches(filter, name(c), c.attributes?.email))
			.map((c) => ({
				name: `${name(c) || '(no name)'}${c.attributes?.email ? ` <${String(c.attributes.email)}>` : ''}`,
				value: c.id,
			}));
		return searchPage(results, next);
	},
	/** Contact lists of the chosen location, matched by name page by page. */
	async searchContactLists(
		this: ILoadOptionsFunctions,
		filter?: string,
		token?: string,
	): Promise<INodeListSearchResult> {
		const { records, next } = await frederickPage(
			this,
			undefined,
			token ?? PATHS.contactLists(currentLocation(this, 'contact lists')),
			token ? undefined : { 'page.number': 1, 'page.size': MAX_PAGE_SIZE },
		);
		const results = records
			.filter((l) => matches(filter, l.attributes?.name, l.id))
			.map((l) => ({ name: String(l.attributes?.name ?? l.id), value: l.id }));
		return searchPage(results, next);
	},
};
