import type {
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	IHttpRequestMethods,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { pageRecords, paginate } from '../shared/http/pagination';
import { buildPath } from '../shared/http/path';
import { apiRequest } from '../shared/http/request';
import type { ApiResponse, Provider } from '../shared/http/types';

export const CREDENTIAL_TYPE = 'loyalisticOAuth2Api';

/**
 * Every Loyalistic path the node calls, relative to the credential's API Base URL. ASSUMED: the public
 * material gives only the base URL and the auth flow. If your Swagger document (/v1/swagger/docs/v1) names
 * other paths, correct them here, in this one place.
 */
export const PATHS = {
	contacts: '/contacts',
	contact: (id: string | number) => buildPath('/contacts/{id}', { id }),
	contactActivities: (id: string | number) => buildPath('/contacts/{id}/activities', { id }),
	companies: '/companies',
	company: (id: string | number) => buildPath('/companies/{id}', { id }),
	lists: '/lists',
	listContacts: (id: string | number) => buildPath('/lists/{id}/contacts', { id }),
	listContact: (id: string | number, contactId: string | number) =>
		buildPath('/lists/{id}/contacts/{contactId}', { id, contactId }),
	activities: '/activities',
};

/** Largest page the API serves (assumed). */
export const MAX_PAGE_SIZE = 100;

export const loyalistic: Provider = {
	name: 'Loyalistic',
	credentialType: CREDENTIAL_TYPE,
	oauth2: true,
	parseError(body) {
		if (body && typeof body === 'object') {
			const b = body as IDataObject;
			const modelState = b.ModelState as Record<string, string[]> | undefined;
			const details = modelState
				? Object.entries(modelState)
						.map(([field, messages]) => `${field}: ${messages.join(' ')}`)
						.join('; ')
				: undefined;
			const message = (b.Message ?? b.message ?? b.error_description ?? b.error) as
				| string
				| undefined;
			return {
				message: [message, details].filter(Boolean).join(' ') || undefined,
				code: typeof b.error === 'string' ? b.error : undefined,
			};
		}
		return typeof body === 'string' && body ? { message: body.slice(0, 300) } : {};
	},
};

const bases = new WeakMap<object, Promise<string>>();

async function baseUrl(
	ctx: IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions,
): Promise<string> {
	let cached = bases.get(ctx);
	if (!cached) {
		cached = ctx
			.getCredentials(CREDENTIAL_TYPE)
			.then((c) => String(c.apiBaseUrl ?? 'https://api.loyalistic.com/v1').replace(/\/+$/, ''));
		bases.set(ctx, cached);
	}
	return await cached;
}

export async function loyalisticRequest<T = IDataObject>(
	ctx: IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions,
	itemIndex: number | undefined,
	method: IHttpRequestMethods,
	path: string,
	options: { body?: IDataObject; qs?: IDataObject; idempotent?: boolean } = {},
): Promise<ApiResponse<T>> {
	return await apiRequest<T>(ctx, loyalistic, {
		method,
		url: (await baseUrl(ctx)) + path,
		itemIndex,
		...options,
	});
}

interface PagedAnswer {
	items: IDataObject[];
	page: number;
	pageSize: number;
	totalCount: number;
}

/**
 * Page/pageSize paging with a total. The page size is fixed for the whole listing (changing it between pages
 * would make page numbers skip or repeat records): the API maximum, or the limit when that is smaller.
 */
export async function loyalisticList(
	ctx: IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions,
	itemIndex: number,
	path: string,
	qs: IDataObject,
	limit: number | undefined,
): Promise<IDataObject[]> {
	const pageSize =
		limit === undefined ? MAX_PAGE_SIZE : Math.max(1, Math.min(MAX_PAGE_SIZE, limit));
	return await paginate<number>(
		async (page = 1) => {
			const { body } = await loyalisticRequest<PagedAnswer>(ctx, itemIndex, 'GET', path, {
				qs: { ...qs, page, pageSize },
			});
			const records = pageRecords(ctx, itemIndex, 'Loyalistic', body, 'items');
			const total = body.totalCount;
			// A page must agree with the paging: a total, and as many records as the total says this page holds.
			// Otherwise the listing stops with an error rather than pass a partial list off as whole.
			const expected =
				typeof total === 'number' && Number.isInteger(total) && total >= 0
					? Math.max(0, Math.min(pageSize, total - (page - 1) * pageSize))
					: undefined;
			if (expected === undefined || records.length !== expected) {
				throw new NodeApiError(
					ctx.getNode(),
					{ message: 'Page contradicts the paging' } as JsonObject,
					{
						message: `Loyalistic answered page ${page} with ${records.length} records ${expected === undefined ? 'and no totalCount' : `where its totalCount of ${String(total)} means ${expected}`} (item ${itemIndex})`,
						description:
							'The listing stopped rather than return a partial list as if it were whole. Run it again; if it repeats, the API changed or the base URL points somewhere else.',
						itemIndex,
					},
				);
			}
			return { records, next: page * pageSize < total! ? page + 1 : undefined };
		},
		{ limit },
	);
}
