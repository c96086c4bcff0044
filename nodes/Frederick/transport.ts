import type {
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	IHttpRequestMethods,
	INodeProperties,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';
import { frederickBaseUrl } from '../../credentials/FrederickApi.credentials';
import { pageRecords, paginate } from '../shared/http/pagination';
import { buildPath, followOnOrigin } from '../shared/http/path';
import { credentialSettings } from '../shared/http/per-execution';
import { apiRequest } from '../shared/http/request';
import type { ApiResponse, Provider } from '../shared/http/types';

export const CREDENTIAL_TYPE = 'frederickApi';
const JSONAPI = 'application/vnd.api+json';

/**
 * Every Frederick path the node calls (under the environment's host).
 * - Sync methods: https://developers.hirefrederick.com/api-docs/syncing-data writes them as
 *   /locations/{location_id}/... with no /v2: documented, and followed as written. Their HTTP method, body and
 *   answer are not public (assumed: POST, a JSON:API document, as V2 does).
 * - V2 resources (locations, contacts, contact lists, campaigns): ASSUMED. Frederick's public pages do not list
 *   them; they are built as Frederick's own client library builds them (github.com/HireFrederick/frederick_api_gem),
 *   whose README says V2 is not yet released to customers or partners. A resource
 *   that belongs_to :location lives under /v2/locations/{location_id}/ (the location is a path value, never an
 *   attribute or a filter).
 */
export const PATHS = {
	locations: '/v2/locations',
	location: (id: string) => buildPath('/v2/locations/{id}', { id }),
	contacts: (locationId: string) =>
		buildPath('/v2/locations/{location_id}/contacts', { location_id: locationId }),
	contact: (locationId: string, id: string) =>
		buildPath('/v2/locations/{location_id}/contacts/{id}', { location_id: locationId, id }),
	contactLists: (locationId: string) =>
		buildPath('/v2/locations/{location_id}/contact_lists', { location_id: locationId }),
	campaigns: (locationId: string) =>
		buildPath('/v2/locations/{location_id}/campaigns', { location_id: locationId }),
	managementSystem: (locationId: string) =>
		buildPath('/locations/{location_id}/update_management_system', { location_id: locationId }),
	sync: (locationId: string, path: string) =>
		buildPath(`/locations/{location_id}/${path}`, { location_id: locationId }),
};

/**
 * Collections Frederick's client lists by POST with `X-Request-Method: GET` and the query as a flat JSON body,
 * because their query strings outgrow CloudFront's limits (github.com/HireFrederick/frederick_api_gem: the
 * collection only, not a member).
 */
const GET_VIA_POST = [/\/locations\/[^/]+\/contacts$/, /\/locations\/[^/]+\/interactions$/];

export function listedByPost(pathOrUrl: string): boolean {
	const path = pathOrUrl.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]+/i, '').split('?')[0];
	return GET_VIA_POST.some((re) => re.test(path));
}

/** The sentence every V2 operation carries in its description. */
export function v2(description: string): string {
	return `${description}. V2 as Frederick's own client library sends it; V2 is not a public API.`;
}

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

const baseOf = credentialSettings((credentials) => frederickBaseUrl(credentials));

async function baseUrl(
	ctx: IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions,
): Promise<string> {
	return await baseOf(ctx, CREDENTIAL_TYPE);
}

export interface JsonApiResource {
	id: string;
	type: string;
	attributes?: IDataObject;
	relationships?: IDataObject;
}

/** How long to wait for a background job, and how often to ask when Frederick sends no Retry-After. */
export interface JobWait {
	/** Wait between polls when a poll answers without a Retry-After above 1 s (at least 1 s, as Frederick's client waits). */
	pollIntervalMs?: number;
	/** Give up after this long (the job may still finish). */
	timeoutMs?: number;
}

export type FrederickResponse<T> = ApiResponse<T> & {
	/** The status of the first answer (202 when Frederick accepted the request as a background job). */
	firstStatus: number;
	/** The background job the answer went through, if any. */
	job?: { id: string; polls: number };
};

interface JobDocument {
	data?: {
		type?: string;
		id?: string;
		links?: { self?: string };
		attributes?: { status?: string; messages?: unknown; errors?: unknown };
	};
	links?: { self?: string };
}

/**
 * The job resource of an answer: any answer whose (first) resource has type background_jobs, whatever its
 * status, as Frederick's client library parses it (github.com/HireFrederick/frederick_api_gem).
 */
function jobOf(body: unknown): JobDocument['data'] | undefined {
	const data = (body as { data?: unknown } | undefined)?.data;
	const first = (Array.isArray(data) ? data[0] : data) as JobDocument['data'] | undefined;
	return first && typeof first === 'object' && first.type === 'background_jobs' ? first : undefined;
}

/** A job's failure reasons: the client reads attributes.messages, its test fixture has attributes.errors. */
export function jobReasons(attributes: { messages?: unknown; errors?: unknown } = {}): string[] {
	const reasons: string[] = [];
	for (const value of [attributes.messages, attributes.errors]) {
		for (const entry of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
			if (entry === null || entry === undefined || entry === '') continue;
			if (typeof entry === 'object') {
				const e = entry as { detail?: unknown; title?: unknown; message?: unknown };
				reasons.push(String(e.detail ?? e.title ?? e.message ?? JSON.stringify(entry)));
			} else reasons.push(String(entry));
		}
	}
	return reasons;
}

/** Retry-After in whole seconds, as Frederick's client reads it; undefined when absent or 0. */
function retryAfterSeconds(headers: Record<string, string>): number | undefined {
	const seconds = Number.parseInt(headers['retry-after'] ?? '', 10);
	return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

/** The shortest wait between job polls: Frederick's client waits 1 s when Retry-After is missing, 0 or 1. */
export const MIN_POLL_MS = 1000;

const DEFAULT_JOB_WAIT: Required<JobWait> = { pollIntervalMs: MIN_POLL_MS, timeoutMs: 300_000 };

/** One request, exactly as given (no job handling). */
async function send<T>(
	ctx: IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions,
	itemIndex: number | undefined,
	method: IHttpRequestMethods,
	pathOrUrl: string,
	options: {
		body?: IDataObject;
		qs?: IDataObject;
		idempotent?: boolean;
		headers?: Record<string, string>;
	},
): Promise<ApiResponse<T>> {
	const base = await baseUrl(ctx);
	let url = base + pathOrUrl;
	if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(pathOrUrl)) {
		// An address Frederick named (links.next, a job's links.self, a 303's Location): followed only on the
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
	// Frederick's client sends the JSON:API media type as Accept and Content-Type on every request, GET and
	// DELETE included (github.com/HireFrederick/frederick_api_gem, through its json_api_client middleware).
	// The public sync calls get the same: their media type is not public (assumed).
	return await apiRequest<T>(ctx, frederick, {
		method,
		url,
		headers: {
			Accept: JSONAPI,
			'Content-Type': JSONAPI,
			...(options.headers ?? {}),
		},
		qs: options.qs,
		body: options.body,
		idempotent: options.idempotent,
		itemIndex,
		manualRedirects: true,
	});
}

/**
 * A Frederick request, with what Frederick's client library does after it (github.com/HireFrederick/frederick_api_gem): a 303 is
 * followed with a GET to its Location (any other redirect fails); an answer that is a background job is polled at its links.self after
 * Retry-After seconds until it is "complete" (then the job, or the result it redirects to, is the answer) or
 * "error" (the item fails at once with the job's messages or errors).
 */
export async function frederickRequest<T = { data: JsonApiResource }>(
	ctx: IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions,
	itemIndex: number | undefined,
	method: IHttpRequestMethods,
	pathOrUrl: string,
	options: {
		body?: IDataObject;
		qs?: IDataObject;
		idempotent?: boolean;
		headers?: Record<string, string>;
		jobs?: JobWait;
	} = {},
): Promise<FrederickResponse<T>> {
	const wait = { ...DEFAULT_JOB_WAIT, ...(options.jobs ?? {}) };
	const started = Date.now();
	let response = await send<T>(ctx, itemIndex, method, pathOrUrl, options);
	const firstStatus = response.statusCode;
	let job: FrederickResponse<T>['job'];
	for (let hops = 0; ; hops++) {
		if (hops > 10_000) throw new Error('Frederick: too many redirects or job polls');
		// Only a 303 See Other is followed, with a GET, as Frederick's client follows it. A 307 or 308 means "send
		// the same request again there", which a GET would not do, and Frederick's client does not follow them.
		if (response.statusCode >= 300 && response.statusCode < 400 && response.statusCode !== 303)
			throw new NodeApiError(
				ctx.getNode(),
				{ message: `HTTP ${response.statusCode} redirect not followed` },
				{
					message: `Frederick answered HTTP ${response.statusCode} (a redirect other than 303 See Other); not followed${itemIndex === undefined ? '' : ` (item ${itemIndex})`}`,
					description: `Frederick's client follows only a 303 to a result. The answer pointed to ${response.headers.location ?? 'no address'}; check the environment or base URL in the Frederick API credential.`,
					itemIndex,
				},
			);
		if (response.statusCode === 303) {
			const location = response.headers.location;
			if (!location)
				throw new NodeApiError(
					ctx.getNode(),
					{ message: `HTTP ${response.statusCode} without Location` },
					{
						message: `Frederick answered HTTP ${response.statusCode} without saying where the result is (no Location header)${itemIndex === undefined ? '' : ` (item ${itemIndex})`}`,
						itemIndex,
					},
				);
			response = await send<T>(ctx, itemIndex, 'GET', location, {});
			continue;
		}
		const background = jobOf(response.body);
		if (!background) break;
		const id = String(background.id ?? '');
		job = { id, polls: job ? job.polls : 0 };
		const status = String(background.attributes?.status ?? '');
		if (status === 'complete') break;
		if (status === 'error') {
			const reasons = jobReasons(background.attributes);
			throw new NodeApiError(
				ctx.getNode(),
				{ message: `Background job ${id} ended in error` },
				{
					message: `Frederick's background job ${id} ended in "error": ${reasons.length ? reasons.join('; ') : 'Frederick gave no reason'}${itemIndex === undefined ? '' : ` (item ${itemIndex})`}`,
					description:
						'Frederick accepted the request, ran it as a background job, and the job failed with the reasons above; nothing more was polled. Correct what they name and run the node again.',
					itemIndex,
				},
			);
		}
		const link = background.links?.self ?? (response.body as JobDocument).links?.self;
		if (!link)
			throw new NodeApiError(
				ctx.getNode(),
				{ message: 'Background job without links.self' },
				{
					message: `Frederick's background job ${id} is "${status}" but names no address to poll (links.self)${itemIndex === undefined ? '' : ` (item ${itemIndex})`}`,
					itemIndex,
				},
			);
		// Retry-After when Frederick sends more than 1 s; otherwise the Poll Interval, never under the 1 s
		// Frederick's client waits when Retry-After is missing, 0 or 1.
		const retryAfter = retryAfterSeconds(response.headers) ?? 0;
		const pauseMs = retryAfter > 1 ? retryAfter * 1000 : Math.max(MIN_POLL_MS, wait.pollIntervalMs);
		if (Date.now() - started + pauseMs > wait.timeoutMs) {
			throw new NodeApiError(
				ctx.getNode(),
				{ message: 'Background job timeout' },
				{
					message: `Frederick's background job ${id} was still "${status}" after ${Math.round(wait.timeoutMs / 1000)} s${itemIndex === undefined ? '' : ` (item ${itemIndex})`}`,
					description:
						'The request was accepted and may still complete: raise Options → Timeout, or check the job later in Frederick before running it again (whether a repeated sync is harmless is not public).',
					itemIndex,
				},
			);
		}
		await sleep(pauseMs);
		job.polls++;
		response = await send<T>(ctx, itemIndex, 'GET', link, {});
	}
	return { ...response, firstStatus, ...(job ? { job } : {}) };
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
 * One page of a listing. Parameters use dot notation (page.number, page.size, filter.email), as Frederick's
 * client library sends them (github.com/HireFrederick/frederick_api_gem converts nested parameters to dots "for Frederick
 * API"), not JSON:API's page[number]. Contacts
 * and interactions are listed by POST with X-Request-Method: GET and the parameters as a flat JSON body; a
 * links.next there is followed the same way, its query string becoming the body (the same client library's way of following links).
 */
export async function frederickPage(
	ctx: IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions,
	i: number | undefined,
	pathOrUrl: string,
	qs: IDataObject | undefined,
): Promise<{ records: JsonApiResource[]; next?: string; body: unknown }> {
	let answer: ApiResponse<{
		data: JsonApiResource[];
		links?: { next?: string | null; last?: string | null };
	}>;
	if (listedByPost(pathOrUrl)) {
		let target = pathOrUrl;
		let body: IDataObject = { ...(qs ?? {}) };
		const query = pathOrUrl.indexOf('?');
		if (query >= 0) {
			target = pathOrUrl.slice(0, query);
			body = {};
			// Page numbers and sizes go back as the numbers the first page sent; every other value (an e-mail
			// filter of digits) stays the text Frederick wrote.
			for (const [key, value] of new URLSearchParams(pathOrUrl.slice(query + 1)))
				if (!(key in body))
					body[key] = key.startsWith('page.') && /^\d+$/.test(value) ? Number(value) : value;
		}
		answer = await frederickRequest(ctx, i, 'POST', target, {
			body,
			headers: { 'X-Request-Method': 'GET' },
			// A listing changes nothing: sending it twice is safe.
			idempotent: true,
		});
	} else {
		answer = await frederickRequest(ctx, i, 'GET', pathOrUrl, qs ? { qs } : {});
	}
	const body = answer.body;
	const records = Array.isArray(body?.data) ? body.data : [];
	const link = body?.links?.next || undefined;
	// The client library's rule: links.last's page.number is the number of pages (no links.last: this page is
	// the last), so a links.next past it is not followed, and a page before it without links.next is an error
	// ("next link not found"), not the end of the list.
	const lastPage = pageNumberOf(body?.links?.last);
	const thisPage = pageNumberOf(pathOrUrl) ?? Number(qs?.['page.number'] ?? 1);
	const more = lastPage !== undefined && thisPage < lastPage;
	const next = more ? link : undefined;
	if (next !== undefined && next === pathOrUrl) repeatedLink(ctx, i, next);
	if (!next && more)
		throw new NodeApiError(
			ctx.getNode(),
			{ message: 'next link not found' },
			{
				message: `Frederick's page ${thisPage} of ${lastPage} has no link to the next page${i === undefined ? '' : ` (item ${i})`}`,
				description:
					'The listing stopped before its last page, so nothing was output as if it were complete. Run it again; if it recurs, report it to Frederick.',
				itemIndex: i,
			},
		);
	return { records, next, body };
}

/** A links.next Frederick already gave: following it again would loop without end. */
function repeatedLink(
	ctx: IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions,
	i: number | undefined,
	link: string,
): never {
	throw new NodeApiError(
		ctx.getNode(),
		{ message: 'next link repeats' },
		{
			message: `Frederick's link to the next page repeats one already followed (${link})${i === undefined ? '' : ` (item ${i})`}`,
			description:
				'Following it again would fetch the same page without end, so the listing stopped and nothing was output as if it were complete. Run it again; if it recurs, report it to Frederick.',
			itemIndex: i,
		},
	);
}

/** page.number of a link, when it names one. */
function pageNumberOf(link: unknown): number | undefined {
	if (typeof link !== 'string' || !link.includes('?')) return undefined;
	const n = Number(new URLSearchParams(link.slice(link.indexOf('?') + 1)).get('page.number'));
	return Number.isInteger(n) && n > 0 ? n : undefined;
}

/**
 * Follows links.next from page to page, up to links.last's page, never the same link twice; the first page asks for the page size the limit needs. Records are
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
	const followed = new Set<string>();
	const records = await paginate<string>(
		async (next) => {
			if (next !== undefined) {
				if (followed.has(next)) repeatedLink(ctx, i, next);
				followed.add(next);
			}
			const page = await frederickPage(
				ctx,
				i,
				next ?? path,
				next ? undefined : { ...qs, 'page.number': 1, 'page.size': size },
			);
			return {
				records: pageRecords(ctx, i, 'Frederick', page.body, 'data'),
				next: page.next,
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
