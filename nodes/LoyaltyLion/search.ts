import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { matches, searchPage } from '../shared/descriptions/locator';
import { loyaltyLionRequest, PATHS, settingsOf, SINGLE_STORE_TYPE } from './transport';

/**
 * The customer chosen above the field being listed (Customer on most operations, the create customer on
 * Order → Create), or an error saying to choose them first.
 */
function chosenCustomer(ctx: ILoadOptionsFunctions, what: string): string {
	const read = (name: string) => {
		try {
			return String(ctx.getNodeParameter(name, '', { extractValue: true }) ?? '').trim();
		} catch {
			return '';
		}
	};
	const customer = read('merchantId') || read('customerId');
	if (!customer || customer.startsWith('=')) {
		throw new NodeOperationError(ctx.getNode(), 'Choose the customer first', {
			description: `${what} With a customer set by an expression, give the ID instead.`,
		});
	}
	return customer;
}

/** Each claimed reward of a page of transactions once, in its latest state, matched against the filter. */
function claimedRewardItems(transactions: IDataObject[] | undefined, filter?: string) {
	const latest = new Map<string, IDataObject>();
	for (const t of transactions ?? []) {
		const claimed = t.claimed_reward as IDataObject | null | undefined;
		if (t.resource !== 'claimed_reward' || !claimed?.id) continue;
		if (!latest.has(String(claimed.id))) latest.set(String(claimed.id), claimed);
	}
	return [...latest.values()]
		.filter((c) => matches(filter, (c.reward as IDataObject | undefined)?.title, c.id))
		.map((c) => {
			const title = (c.reward as IDataObject | undefined)?.title ?? 'Reward';
			const claimedAt = String(c.claimed_at ?? '').slice(0, 10);
			return {
				name: `${String(title)} · ${claimedAt || 'claimed'} · ${String(c.state ?? '')} · ID ${String(c.id)}`,
				value: String(c.id),
			};
		});
}

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
		const customer = chosenCustomer(this, 'The list shows the rewards available to that customer.');
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
	 * The chosen customer's claimed rewards, newest first, read from their transactions
	 * (customers/list-transactions: a transaction whose `resource` is `claimed_reward` carries it), a page of
	 * 100 at a time along the cursor. If a reward appears more than once, the latest state is shown (what a refund
	 * records is not public).
	 */
	async searchClaimedRewards(
		this: ILoadOptionsFunctions,
		filter?: string,
		token?: string,
	): Promise<INodeListSearchResult> {
		const customer = chosenCustomer(this, 'The list shows the rewards that customer claimed.');
		const { body } = await loyaltyLionRequest<{
			transactions?: IDataObject[];
			cursor?: { next?: string | null };
		}>(this, undefined, 'GET', PATHS.customerTransactions(customer), {
			qs: token ? { cursor: token, limit: PAGE } : { limit: PAGE },
		});
		return searchPage(
			claimedRewardItems(body.transactions, filter),
			body.cursor?.next || undefined,
		);
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

/** Claimed rewards read for the Order → Create list: one page of the API's largest size. */
const CLAIMED_PAGE = 500;

/**
 * The loadOptions methods: the claimed rewards of the order's customer, for the multi-select of
 * Order → Create (claimed_reward_ids), from their latest 500 transactions.
 */
export const loadOptions = {
	async claimedRewardOptions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const customer = chosenCustomer(this, 'The list shows the rewards that customer claimed.');
		const { body } = await loyaltyLionRequest<{ transactions?: IDataObject[] }>(
			this,
			undefined,
			'GET',
			PATHS.customerTransactions(customer),
			{ qs: { limit: CLAIMED_PAGE } },
		);
		return claimedRewardItems(body.transactions);
	},
};
