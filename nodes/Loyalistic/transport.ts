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
import { credentialSettings } from '../shared/http/per-execution';
import { apiRequest } from '../shared/http/request';
import type { ApiResponse, Provider } from '../shared/http/types';
import { SWAGGER_PATH } from './swaggerCheck';

export const CREDENTIAL_TYPE = 'loyalisticOAuth2Api';

/**
 * Every Loyalistic path the node calls, relative to the credential's API Base URL, as templates. ASSUMED: the
 * public material (https://help.loyalistic.com/help/using-loyalistic-api) gives only the token flow and the
 * address of the Swagger document; the resource API is described there alone. If that Swagger document names
 * other paths, correct them here, in this one place (Account → Check API Paths lists them).
 */
export const TEMPLATES = {
	contacts: '/contacts',
	contact: '/contacts/{id}',
	contactActivities: '/contacts/{id}/activities',
	companies: '/companies',
	company: '/companies/{id}',
	lists: '/lists',
	listContacts: '/lists/{id}/contacts',
	listContact: '/lists/{id}/contacts/{contactId}',
	activities: '/activities',
} as const;

/** The paths sent, built from TEMPLATES: correct a path there, so that sending and checking stay the same. */
export const PATHS = {
	contacts: TEMPLATES.contacts,
	contact: (id: string | number) => buildPath(TEMPLATES.contact, { id }),
	contactActivities: (id: string | number) => buildPath(TEMPLATES.contactActivities, { id }),
	companies: TEMPLATES.companies,
	company: (id: string | number) => buildPath(TEMPLATES.company, { id }),
	lists: TEMPLATES.lists,
	listContacts: (id: string | number) => buildPath(TEMPLATES.listContacts, { id }),
	listContact: (id: string | number, contactId: string | number) =>
		buildPath(TEMPLATES.listContact, { id, contactId }),
	activities: TEMPLATES.activities,
	/** The account's own API description (documented URL, see SWAGGER_PATH). */
	swagger: SWAGGER_PATH,
};

/**
 * The query parameter names the node sends, beside the paths and as assumed as they: paging, the contact
 * filters (email, updatedSince) and the activity filters (type, contactId).
 */
export const QUERY = {
	page: 'page',
	pageSize: 'pageSize',
	email: 'email',
	updatedSince: 'updatedSince',
	activityType: 'type',
	contactId: 'contactId',
} as const;

/** One request the node makes: the method and path template each action sends, and its query names. */
export interface Call {
	operation: string;
	method: IHttpRequestMethods;
	path: string;
	query?: readonly string[];
}

const LIST = [QUERY.page, QUERY.pageSize] as const;

/**
 * Every request the node and its trigger make (assumed, like the paths). The actions send exactly these
 * methods, so what Account → Check API Paths compares is what the node sends.
 */
export const CALLS = {
	contactCreate: { operation: 'Contact → Create', method: 'POST', path: TEMPLATES.contacts },
	contactDelete: { operation: 'Contact → Delete', method: 'DELETE', path: TEMPLATES.contact },
	contactFindByEmail: {
		operation: 'Contact → Get by Email',
		method: 'GET',
		path: TEMPLATES.contacts,
		query: [...LIST, QUERY.email],
	},
	contactGet: { operation: 'Contact → Get', method: 'GET', path: TEMPLATES.contact },
	contactGetMany: {
		operation: 'Contact → Get Many (and the trigger)',
		method: 'GET',
		path: TEMPLATES.contacts,
		query: [...LIST, QUERY.updatedSince],
	},
	contactUpdate: { operation: 'Contact → Update', method: 'PUT', path: TEMPLATES.contact },
	companyCreate: { operation: 'Company → Create', method: 'POST', path: TEMPLATES.companies },
	companyGet: { operation: 'Company → Get', method: 'GET', path: TEMPLATES.company },
	companyGetMany: {
		operation: 'Company → Get Many',
		method: 'GET',
		path: TEMPLATES.companies,
		query: LIST,
	},
	companyUpdate: { operation: 'Company → Update', method: 'PUT', path: TEMPLATES.company },
	listGetMany: { operation: 'List → Get Many', method: 'GET', path: TEMPLATES.lists, query: LIST },
	listAddContacts: {
		operation: 'List → Add Contacts',
		method: 'POST',
		path: TEMPLATES.listContacts,
	},
	listRemoveContact: {
		operation: 'List → Remove Contact',
		method: 'DELETE',
		path: TEMPLATES.listContact,
	},
	activityCreate: {
		operation: 'Activity → Create',
		method: 'POST',
		path: TEMPLATES.contactActivities,
	},
	activityGetMany: {
		operation: 'Activity → Get Many',
		method: 'GET',
		path: TEMPLATES.activities,
		query: [...LIST, QUERY.activityType, QUERY.contactId],
	},
} as const satisfies Record<string, Call>;

/** What Check API Paths looks for. */
export const ENDPOINTS: ReadonlyArray<Call> = Object.values(CALLS);

/** The sentence every resource operation carries in its description. */
export function assumed(description: string): string {
	return `${description}. Path assumed: check with Account → Check API Paths.`;
}

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

const baseOf = credentialSettings((credentials) =>
	String(credentials.apiBaseUrl ?? 'https://api.loyalistic.com/v1').replace(/\/+$/, ''),
);

export async function baseUrl(
	ctx: IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions,
): Promise<string> {
	return await baseOf(ctx, CREDENTIAL_TYPE);
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
	call: Call,
	path: string,
	qs: IDataObject,
	limit: number | undefined,
): Promise<IDataObject[]> {
	// The query a listing sends is the one its call names, so Check API Paths compares what is sent.
	for (const key of Object.keys(qs))
		if (!call.query?.includes(key))
			throw new Error(`Loyalistic: ${call.operation} does not list the query parameter ${key}`);
	const pageSize =
		limit === undefined ? MAX_PAGE_SIZE : Math.max(1, Math.min(MAX_PAGE_SIZE, limit));
	return await paginate<number>(
		async (page = 1) => {
			const { body } = await loyalisticRequest<PagedAnswer>(ctx, itemIndex, call.method, path, {
				qs: { ...qs, [QUERY.page]: page, [QUERY.pageSize]: pageSize },
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
