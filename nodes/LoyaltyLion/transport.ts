import type {
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	INodeProperties,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { csvRecords, csvText } from '../shared/formats/csv';
import { pageRecords, paginate } from '../shared/http/pagination';
import { buildPath } from '../shared/http/path';
import { credentialSettings } from '../shared/http/per-execution';
import { apiRequest } from '../shared/http/request';
import type { ApiResponse, Provider } from '../shared/http/types';

/** API key of one store (Bearer pat_…): the default since node version 1.1. */
export const API_KEY_TYPE = 'loyaltyLionApiKeyApi';
/** Token and secret of one store (HTTP Basic): deprecated, supported by LoyaltyLion until 2027-01-10. */
export const SINGLE_STORE_TYPE = 'loyaltyLionApi';
export const PARTNER_APP_TYPE = 'loyaltyLionOAuth2Api';

/** The credential type of each Authentication choice. */
const CREDENTIAL_TYPES: Record<string, string> = {
	apiKey: API_KEY_TYPE,
	oAuth2: PARTNER_APP_TYPE,
	apiToken: SINGLE_STORE_TYPE,
};

/** The Authentication choice of a node (version 1 nodes, saved before API keys, default to token and secret). */
export function authenticationOf(ctx: Ctx): string {
	const value = (ctx.getNodeParameter as (name: string, i: number, fallback: string) => unknown)(
		'authentication',
		0,
		'apiToken',
	);
	return String(value);
}

export function credentialTypeOf(authentication: string): string {
	return CREDENTIAL_TYPES[authentication] ?? SINGLE_STORE_TYPE;
}

/**
 * Every LoyaltyLion path the node calls, relative to the API base (…/v2), each with the reference page it
 * comes from (REF = developers.loyaltylion.com/api-reference/v2/resources), or "assumed: not public".
 */
export const PATHS = {
	/** GET: REF/whoami */
	whoami: '/identity/whoami',
	/** GET: REF/customers/list-customers */
	customers: '/customers',
	/** GET (assumed: not public, a third-party listing); PATCH: REF/customers/update-customer */
	customer: (merchantId: string) =>
		buildPath('/customers/{merchant_id}', { merchant_id: merchantId }),
	/** POST: REF/customers/add-points */
	addPoints: (merchantId: string) =>
		buildPath('/customers/{merchant_id}/points', { merchant_id: merchantId }),
	/** POST: REF/customers/remove-points */
	removePoints: (merchantId: string) =>
		buildPath('/customers/{merchant_id}/remove_points', { merchant_id: merchantId }),
	/** GET: REF/customers/list-transactions */
	customerTransactions: (merchantId: string) =>
		buildPath('/customers/{merchant_id}/transactions', { merchant_id: merchantId }),
	/** GET: REF/customers/rewards/list-available-rewards */
	availableRewards: (merchantId: string) =>
		buildPath('/customers/{merchant_id}/available_rewards', { merchant_id: merchantId }),
	/** POST: REF/customers/rewards/redeem-reward */
	claimedRewards: (merchantId: string) =>
		buildPath('/customers/{merchant_id}/claimed_rewards', { merchant_id: merchantId }),
	/** POST: REF/customers/rewards/refund-reward */
	refundClaimedReward: (merchantId: string, id: string) =>
		buildPath('/customers/{merchant_id}/claimed_rewards/{id}/refund', {
			merchant_id: merchantId,
			id,
		}),
	/** GET: REF/orders/list-orders; POST: REF/orders/create-order */
	orders: '/orders',
	/** GET: REF/orders/get-order; PUT (full update, also cancels and refunds): REF/orders/update-order */
	order: (merchantId: string) => buildPath('/orders/{merchant_id}', { merchant_id: merchantId }),
	/** GET: REF/activities/list-activities; POST: REF/activities/create-activity */
	activities: '/activities',
	/** PUT (the activity's own merchant_id, not the customer's): REF/activities/update-activity */
	activity: (name: string, merchantId: string) =>
		buildPath('/activities/{name}/{merchant_id}', { name, merchant_id: merchantId }),
	/** GET: REF/transactions/list-transactions */
	transactions: '/transactions',
	/** GET (not with token and secret): REF/sites/list-sites */
	sites: '/sites',
	/** POST: REF/sites/create-webview-session */
	webviewSessions: (siteId: string) =>
		buildPath('/sites/{site_id}/webviews/sessions', { site_id: siteId }),
	/** GET (bare array, page numbers): REF/emails/list-unsubscribes; POST: REF/emails/create-unsubscribe */
	unsubscribes: '/loyalty_emails/unsubscribes',
	/** POST, GET: REF/webhooks/create-webhook, list-webhooks */
	webhooks: '/webhooks',
	/** DELETE: assumed: not public (the webhooks overview says the API can unsubscribe; no page names the path) */
	webhook: (id: string | number) => buildPath('/webhooks/{id}', { id }),
};

/**
 * sites/create-webview-session: "100 requests per second" for this endpoint, beside the global 20 (intro:
 * "unless a page says otherwise"); it gets a flow of its own at that rate.
 */
export const WEBVIEW_RATE = { requests: 100, perMs: 1000 };

/** Largest page LoyaltyLion serves. */
export const MAX_PAGE_SIZE = 500;

export const loyaltyLion: Provider = {
	name: 'LoyaltyLion',
	credentialType: SINGLE_STORE_TYPE,
	rateLimit: { requests: 20, perMs: 1000 },
	parseError(body) {
		if (body && typeof body === 'object') {
			const b = body as {
				error?: { message?: string; details?: IDataObject } | string;
				error_description?: string;
			};
			if (typeof b.error === 'object' && b.error) {
				const details = b.error.details;
				let extra = '';
				if (details && typeof details === 'object') {
					if (details.required_scope) extra = ` (missing scope: ${String(details.required_scope)})`;
					else {
						// Documented as field → text (error responses of the Admin API); older answers gave lists.
						const message = String(b.error.message ?? '');
						const parts = Object.entries(details)
							.filter(([, v]) => Array.isArray(v) || typeof v === 'string')
							.map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`)
							.filter((part) => !message.includes(part.slice(part.indexOf(': ') + 2)));
						if (parts.length) extra = ` (${parts.join('; ')})`;
					}
				}
				return { message: `${b.error.message ?? 'error'}${extra}` };
			}
			if (typeof b.error === 'string')
				return { message: b.error_description ?? b.error, code: b.error };
		}
		return typeof body === 'string' && body ? { message: body.slice(0, 300) } : {};
	},
	// 401 is documented (whoami, create-webhook); the Admin API's 403 and 422 bodies are not public, so those
	// hints only say what is likely (assumed).
	hints: {
		401: 'LoyaltyLion rejected the credential: check the API key (it may have been disabled or deleted in LoyaltyLion), the token and secret, or reconnect the OAuth2 credential.',
		403: 'LoyaltyLion refused access. A likely cause is a scope the credential lacks: give the API key the scope the operation needs in LoyaltyLion (Manage → API keys), or add it under Scopes in the OAuth2 credential and reconnect.',
		422: 'LoyaltyLion refused the change (for example a claim without enough points, or an invalid e-mail address).',
	},
};

type Ctx =
	| IExecuteFunctions
	| IHookFunctions
	| IWebhookFunctions
	| IPollFunctions
	| ILoadOptionsFunctions;

interface Settings {
	base: string;
	rateLimit: { requests: number; perMs: number };
}
const settingsFor = credentialSettings<Settings>((c) => ({
	base: String(c.apiBaseUrl ?? 'https://api.loyaltylion.com/v2').replace(/\/+$/, ''),
	// Each of the processes sharing the credential keeps its share of the rate (queue mode).
	rateLimit: {
		requests: Math.max(
			1,
			Math.floor(
				(Number(c.requestsPerSecond ?? 20) || 20) / Math.max(1, Number(c.processes ?? 1) || 1),
			),
		),
		perMs: 1000,
	},
}));

/** Which credential the node uses (Authentication field) and its API base, read once per execution. */
export async function settingsOf(ctx: Ctx): Promise<Settings & { credentialType: string }> {
	const credentialType = credentialTypeOf(authenticationOf(ctx));
	return { credentialType, ...(await settingsFor(ctx, credentialType)) };
}

export async function loyaltyLionRequest<T = IDataObject>(
	ctx: Ctx,
	itemIndex: number | undefined,
	method: IHttpRequestMethods,
	path: string,
	options: {
		body?: IDataObject;
		qs?: IDataObject;
		idempotent?: boolean;
		binary?: boolean;
		/** An endpoint's own documented rate, instead of the credential's. */
		rateLimit?: { requests: number; perMs: number };
	} = {},
): Promise<ApiResponse<T>> {
	const { credentialType, base, rateLimit } = await settingsOf(ctx);
	return await apiRequest<T>(ctx, loyaltyLion, {
		method,
		url: base + path,
		credentialType,
		oauth2: credentialType === PARTNER_APP_TYPE,
		rateLimit,
		itemIndex,
		...options,
	});
}

/**
 * Cursor pagination as LoyaltyLion documents it: the first request carries the filters; later requests send
 * only the cursor (the filters are baked into it) and a limit. The page size is the maximum (500), or just
 * what is left to reach the limit.
 */
export async function loyaltyLionList(
	ctx: IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions,
	i: number,
	path: string,
	key: string,
	filters: IDataObject,
	limit: number | undefined,
): Promise<IDataObject[]> {
	if (filters.since_id !== undefined) {
		// developers.loyaltylion.com/api-reference/pagination, since_id: ascending ids above since_id; a page shorter than the limit is the last,
		// else since_id moves to the page's last id. Whether such an answer has a cursor is not public.
		return await paginate<number>(
			async (since, remaining) => {
				const size = Math.max(1, Math.min(MAX_PAGE_SIZE, remaining ?? MAX_PAGE_SIZE));
				const qs = { ...filters, since_id: since ?? filters.since_id, limit: size };
				const { body } = await loyaltyLionRequest<IDataObject>(ctx, i, 'GET', path, { qs });
				const records = pageRecords(ctx, i, 'LoyaltyLion', body, key);
				const last = Number(records.at(-1)?.id);
				const full = records.length >= size && Number.isFinite(last);
				return { records, next: full ? last : undefined };
			},
			{ limit },
		);
	}
	return await paginate<string>(
		async (cursor, remaining) => {
			const size = Math.max(1, Math.min(MAX_PAGE_SIZE, remaining ?? MAX_PAGE_SIZE));
			const qs = cursor ? { cursor, limit: size } : { ...filters, limit: size };
			const { body } = await loyaltyLionRequest<IDataObject>(ctx, i, 'GET', path, { qs });
			const records = pageRecords(ctx, i, 'LoyaltyLion', body, key);
			const next = (body.cursor as { next?: string | null } | undefined)?.next;
			return { records, next: next || undefined };
		},
		{ limit },
	);
}

/** The cursor of a Link header's rel="next" URL (developers.loyaltylion.com/api-reference/pagination: a CSV answer's only cursor). */
export function nextCursorOfLink(link: string | undefined): string | undefined {
	for (const part of (link ?? '').split(',')) {
		const match = /<([^>]*)>\s*;\s*rel="?next"?/i.exec(part);
		if (!match) continue;
		try {
			return new URL(match[1], 'http://link.invalid').searchParams.get('cursor') ?? undefined;
		} catch {
			return undefined;
		}
	}
	return undefined;
}

/**
 * A list as CSV (`type=csv`), every page in one file. Pages follow the Link header's cursor (developers.loyaltylion.com/api-reference/pagination:
 * a CSV answer's only cursor); only the cursor is taken from the Link URL, the request goes to the
 * credential's own API base. With Since ID and no Link, the documented since_id loop applies: a page shorter
 * than the limit is the last, else since_id moves to the page's last id, read from the `id` column (CSV
 * columns are not public: assumed). Whether later pages repeat the header row is not public (assumed: a first
 * record equal to the first page's header is dropped). Returns the CSV text and the pages and rows it holds.
 */
export async function loyaltyLionCsv(
	ctx: IExecuteFunctions,
	i: number,
	path: string,
	filters: IDataObject,
	limit: number | undefined,
): Promise<{ csv: string; pages: number; rows: number }> {
	let header: string[] | undefined;
	const rows: string[][] = [];
	let cursor: string | undefined;
	let since = filters.since_id as number | undefined;
	let pages = 0;
	for (;;) {
		const remaining = limit === undefined ? undefined : limit - rows.length;
		if (remaining !== undefined && remaining <= 0) break;
		const size = Math.max(1, Math.min(MAX_PAGE_SIZE, remaining ?? MAX_PAGE_SIZE));
		// type=csv on every page: whether the cursor keeps the format is not public.
		const qs = cursor
			? { cursor, type: 'csv', limit: size }
			: {
					...filters,
					...(since === undefined ? {} : { since_id: since }),
					type: 'csv',
					limit: size,
				};
		const { body, headers } = await loyaltyLionRequest<ArrayBuffer>(ctx, i, 'GET', path, {
			qs,
			binary: true,
		});
		pages++;
		const records = csvRecords(
			Buffer.from(body)
				.toString('utf8')
				.replace(/^\uFEFF/, ''),
		);
		if (header === undefined) header = records.shift();
		else if (records[0]?.join(',') === header.join(',')) records.shift();
		rows.push(...(remaining === undefined ? records : records.slice(0, remaining)));
		const idColumn = header?.indexOf('id') ?? -1;
		const lastId = Number(records.at(-1)?.[idColumn]);
		if (since !== undefined && idColumn >= 0 && Number.isFinite(lastId)) since = lastId;
		cursor = nextCursorOfLink(headers.link);
		if (cursor) continue;
		if (since === undefined || records.length < size) break;
		if (idColumn < 0 || !Number.isFinite(lastId))
			throw new NodeOperationError(
				ctx.getNode(),
				'LoyaltyLion sent a full CSV page with no next link and no id column, so Since ID cannot move on to the next page',
				{
					itemIndex: i,
					description:
						'Set Format to JSON, or remove the Since ID filter: nothing was output, so no partial file is taken as whole.',
				},
			);
	}
	const csv = header === undefined ? '' : csvText([header, ...rows]);
	return { csv, pages, rows: rows.length };
}

const AUTHENTICATION_OPTIONS = [
	{ name: 'API Key (Single Store)', value: 'apiKey' },
	{ name: 'OAuth2 (Partner App)', value: 'oAuth2' },
	{ name: 'Token and Secret (Deprecated, Ends 2027-01-10)', value: 'apiToken' },
];

/**
 * The Authentication selector shared by the action and trigger nodes: API key by default from node version
 * 1.1; version 1 (saved before API keys) keeps token and secret as its default, so saved workflows keep
 * their credential.
 */
export const authenticationProperties: INodeProperties[] = [
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: AUTHENTICATION_OPTIONS,
		default: 'apiToken',
		displayOptions: { show: { '@version': [1] } },
	},
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: AUTHENTICATION_OPTIONS,
		default: 'apiKey',
		displayOptions: { show: { '@version': [1.1, 1.2] } },
	},
	{
		displayName:
			'Token and secret stop working on January 10, 2027: create an API key in LoyaltyLion (Manage → API keys) and choose API Key above.',
		name: 'tokenSecretNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { authentication: ['apiToken'] } },
	},
];

export const credentialsDescription = [
	{ name: API_KEY_TYPE, required: true, displayOptions: { show: { authentication: ['apiKey'] } } },
	{
		name: PARTNER_APP_TYPE,
		required: true,
		displayOptions: { show: { authentication: ['oAuth2'] } },
	},
	{
		name: SINGLE_STORE_TYPE,
		required: true,
		displayOptions: { show: { authentication: ['apiToken'] } },
	},
];
