import type {
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	IHttpRequestMethods,
	INodeProperties,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { frederickBaseUrl } from '../../credentials/FrederickApi.credentials';
import { pageRecords, paginate } from '../shared/http/pagination';
import { buildPath, followOnOrigin } from '../shared/http/path';
import { apiRequest } from '../shared/http/request';
import type { ApiResponse, Provider } from '../shared/http/types';

export const CREDENTIAL_TYPE = 'frederickApi';
const JSONAPI = 'application/vnd.api+json';

/**
 * Every Frederick path the node calls (under the environment's host).
 * - Sync methods: developers.hirefrederick.com/api-docs/syncing-data, which writes them as
 *   /locations/{location_id}/... with no /v2: documented, and followed as written.
 * - Resources (locations, contacts, contact lists, campaigns): ASSUMED. Frederick's public pages do not list
 *   them; their /v2 JSON:API shape comes from Frederick's own client (github.com/HireFrederick/frederick_api_gem,
 *   "Frederick's V2 APIs"), which says V2 is not yet released for general use.
 */
export const PATHS = {
	locations: '/v2/locations',
	location: (id: string) => buildPath('/v2/locations/{id}', { id }),
	contacts: '/v2/contacts',
	contact: (id: string) => buildPath('/v2/contacts/{id}', { id }),
	contactLists: '/v2/contact_lists',
	campaigns: '/v2/campaigns',
	managementSystem: (locationId: string) =>
		buildPath('/locations/{location_id}/update_management_system', { location_id: locationId }),
	sync: (locationId: string, path: string) =>
		buildPath(`/locations/{location_id}/${path}`, { location_id: locationId }),
};

/** Largest page (assumed). */
export const MAX_PAGE_SIZE = 100;

interface JsonApiError {
	status?: string;
	title?: string;
	detail?: string;
	source?: { pointer?: string };
}

export const frederick: Provider = {
	name: 'Frederick',
	credentialType: CREDENTIAL_TYPE,
	parseError(body) {
		if (body && typeof body === 'object') {
			const b = body as { errors?: JsonApiError[]; error?: string; error_description?: string };
			if (Array.isArray(b.errors) && b.errors.length) {
				return {
					message: b.errors
						.map(
							(e) =>
								`${e.detail ?? e.title ?? 'error'}${e.source?.pointer ? ` (${e.source.pointer})` : ''}`,
						)
						.join('; '),
				};
			}
			if (b.error) return { message: b.error_description ?? b.error, code: b.error };
		}
		return typeof body === 'string' && body ? { message: body.slice(0, 300) } : {};
	},
	hints: {
		403: 'Frederick refused access: check the API Key, and that the location belongs to the owner in the credential.',
		422: 'Frederick rejected a field: correct the attribute the message points to.',
	},
};

const bases = new WeakMap<object, Promise<string>>();

async function baseUrl(
	ctx: IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions,
): Promise<string> {
	let cached = bases.get(ctx);
	if (!cached) {
		cached = ctx.getCredentials(CREDENTIAL_TYPE).then((c) => frederickBaseUrl(c));
		bases.set(ctx, cached);
	}
	return await cached;
}

export interface JsonApiResource {
	id: string;
	type: string;
	attributes?: IDataObject;
	relationships?: IDataObject;
}

export async function frederickRequest<T = { data: JsonApiResource }>(
	ctx: IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions,
	itemIndex: number | undefined,
	method: IHttpRequestMethods,
	pathOrUrl: string,
	options: { body?: IDataObject; qs?: IDataObject; idempotent?: boolean } = {},
): Promise<ApiResponse<T>> {
	const base = await baseUrl(ctx);
	let url = base + pathOrUrl;
	if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(pathOrUrl)) {
		// An address Frederick named (links.next, a sync job's links.self or Location): followed only on the
		// credential's own origin, since the API key and token go with it.
		const check = followOnOrigin(base, pathOrUrl);
		if (!check.url) {
			throw new NodeApiError(
				ctx.getNode(),
				{ message: `Follow-up address on another host: ${check.foundOrigin}` },
				{
					message: `Frederick named a follow-up address on another host (${check.foundOrigin}); not followed${itemIndex === undefined ? '' : ` (item ${itemIndex})`}`,
					description: `Frederick's answer pointed to an address outside ${check.expectedOrigin}, the host in the Frederick API credential. The API key and token are only sent to that host, so the request was not made. If Frederick really moved, change the environment or base URL in the credential.`,
					itemIndex,
				},
			);
		}
		url = check.url;
	}
	return await apiRequest<T>(ctx, frederick, {
		method,
		url,
		headers: { Accept: JSONAPI, ...(options.body ? { 'Content-Type': JSONAPI } : {}) },
		qs: options.qs,
		body: options.body,
		idempotent: options.idempotent,
		itemIndex,
	});
}

/** A JSON:API resource as plain fields: {id, type, ...attributes}. */
export function flatten(resource: JsonApiResource): IDataObject {
	return { id: resource.id, type: resource.type, ...(resource.attributes ?? {}) };
}

/** Flattened or raw, as the Simplify option of an action says. */
export function shape(ctx: IExecuteFunctions, i: number, resource: JsonApiResource): IDataObject {
	return (ctx.getNodeParameter('simplify', i, true) as boolean)
		? flatten(resource)
		: (resource as unknown as IDataObject);
}

/**
 * Follows links.next from page to page; the first page asks for the page size the limit needs. Records are
 * shaped as the action's Simplify option says, or as `simplify` says when given (triggers, whose context reads
 * parameters without an item index).
 */
export async function frederickList(
	ctx: IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions,
	i: number,
	path: string,
	qs: IDataObject,
	limit: number | undefined,
	simplify?: boolean,
): Promise<IDataObject[]> {
	const size = limit === undefined ? MAX_PAGE_SIZE : Math.max(1, Math.min(MAX_PAGE_SIZE, limit));
	const records = await paginate<string>(
		async (next) => {
			const { body } = await frederickRequest<{
				data: JsonApiResource[];
				links?: { next?: string };
			}>(
				ctx,
				i,
				'GET',
				next ?? path,
				next ? {} : { qs: { ...qs, 'page[number]': 1, 'page[size]': size } },
			);
			return {
				records: pageRecords(ctx, i, 'Frederick', body, 'data'),
				next: body.links?.next || undefined,
			};
		},
		{ limit },
	);
	const flat =
		simplify ?? ((ctx as IExecuteFunctions).getNodeParameter('simplify', i, true) as boolean);
	return records.map((r) => (flat ? flatten(r as unknown as JsonApiResource) : r));
}

/** The Simplify switch, for operations that output Frederick resources. */
export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		'Whether to return plain fields (ID, type and attributes side by side) instead of the raw JSON:API resource',
};
