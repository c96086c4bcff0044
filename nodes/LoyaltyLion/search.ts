import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { matches, searchPage } from '../shared/descriptions/locator';
import { loyaltyLionRequest, PATHS, settingsOf, SINGLE_STORE_TYPE } from './transport';

/** Customers per page of the list (the API serves up to 500; a list in the editor needs fewer). */
const PAGE = 100;

/**
 * The listSearch methods of the LoyaltyLion node. Customers are searched by the API itself
 * (list-customers' `email` filter), so a store with 50,000 customers answers in one request per page.
 * https://developers.loyaltylion.com/api-reference/v2/resources/customers/list-customers
 */
export const listSearch = {
	async searchCustomers(
		this: ILoadOptionsFunctions,
		filter?: string,
		token?: string,
	): Promise<INodeListSearchResult> {
		const email = filter?.trim();
		const qs: IDataObject = token
			? { cursor: token, limit: PAGE }
			: { limit: PAGE, ...(email ? { email } : {}) };
		const { body } = await loyaltyLionRequest<{
			customers?: IDataObject[];
			cursor?: { next?: string | null };
		}>(this, undefined, 'GET', PATHS.customers, { qs });
		const results = (body.customers ?? []).map((c) => ({
			name: `${String(c.email ?? '(no email)')} (${String(c.merchant_id)})`,
			value: String(c.merchant_id),
		}));
		return searchPage(results, body.cursor?.next || undefined);
	},
	/**
	 * The rewards available to the chosen customer (customers/rewards/list-available-rewards: enabled, on their
	 * tier, supported on the platform, affordable or not), each with its point cost.
	 */
	async searchAvailableRewards(
		this: ILoadOptionsFunctions,
		filter?: string,
	): Promise<INodeListSearchResult> {
		const customer = String(
			this.getNodeParameter('merchantId', '', { extractValue: true }) ?? '',
		).trim();
		if (!customer || customer.startsWith('=')) {
			throw new NodeOperationError(this.getNode(), 'Choose the customer first', {
				description:
					'The list shows the rewards available to that customer. With a customer set by an expression, give the reward ID instead.',
			});
		}
		const { body } = await loyaltyLionRequest<{ rewards?: IDataObject[] }>(
			this,
			undefined,
			'GET',
			PATHS.availableRewards(customer),
		);
		const results = (body.rewards ?? [])
			.filter((r) => matches(filter, r.title, r.id))
			.map((r) => ({
				name: `${String(r.title ?? r.id)} (${String(r.point_cost ?? '?')} points)`,
				value: String(r.id),
			}));
		return { results };
	},
	/**
	 * Orders LoyaltyLion holds, newest first, a page of 100 at a time along the cursor (orders/list-orders has no
	 * search filter: what the user types is matched against each page's order numbers, IDs and emails).
	 * https://developers.loyaltylion.com/api-reference/v2/resources/orders/list-orders
	 */
	async searchOrders(
		this: ILoadOptionsFunctions,
		filter?: string,
		token?: string,
	): Promise<INodeListSearchResult> {
		const qs: IDataObject = token ? { cursor: token, limit: PAGE } : { limit: PAGE };
		const { body } = await loyaltyLionRequest<{
			orders?: IDataObject[];
			cursor?: { next?: string | null };
		}>(this, undefined, 'GET', PATHS.orders, { qs });
		const results = (body.orders ?? [])
			.filter((o) =>
				matches(
					filter,
					o.merchant_id,
					o.merchant_number,
					(o.customer as IDataObject | undefined)?.email,
				),
			)
			.map((o) => {
				const customer = (o.customer as IDataObject | undefined)?.email;
				return {
					name: `${String(o.merchant_number ?? o.merchant_id)}${customer ? ` · ${String(customer)}` : ''} · ${String(o.total ?? '')}`,
					value: String(o.merchant_id),
				};
			});
		return searchPage(results, body.cursor?.next || undefined);
	},
	/**
	 * The program's sites, newest first (sites/list-sites: {sites}, no parameters). LoyaltyLion refuses this
	 * call with token and secret, so that credential gets a message saying to give the ID instead.
	 * https://developers.loyaltylion.com/api-reference/v2/resources/sites/list-sites
	 */
	async searchSites(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		if ((await settingsOf(this)).credentialType === SINGLE_STORE_TYPE) {
			throw new NodeOperationError(this.getNode(), 'Sites cannot be listed with token and secret', {
				description:
					'LoyaltyLion does not allow listing sites with token and secret authentication. Give the site ID (By ID): it is the number after /sites/ in the LoyaltyLion admin URL. Or use an API key.',
			});
		}
		const { body } = await loyaltyLionRequest<{ sites?: IDataObject[] }>(
			this,
			undefined,
			'GET',
			PATHS.sites,
		);
		const results = (body.sites ?? [])
			.filter((site) => matches(filter, site.name, site.url, site.id))
			.map((site) => ({
				name: `${String(site.name ?? site.id)}${site.url ? ` (${String(site.url)})` : ''} · ID ${String(site.id)}`,
				value: String(site.id),
			}));
		return { results };
	},
};
