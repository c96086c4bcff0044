// What every Frederick route shares: JSON:API errors and answers, the API key, media type and token checks,
// dot-notation parameters and paging, background jobs, and the location a nested path names.
import type { z } from 'zod';
import { bearerOf } from '../../tokens.cjs';
import type { ProviderApi, RouteContext } from '../../types.cjs';
import { JSONAPI, NAME, type Job, type LocationSubject, type State } from './state.cjs';

/** Switches the control API sets, read by the routes. */
export interface Flags {
	/** A hostile or misconfigured API: links.next, links.self and Location name another origin. */
	linkOrigin: string | undefined;
	/** Jobs end in "error" while this is set: {count, reasons, field: 'messages' | 'errors'}. */
	failJobs: { count: number; reasons: unknown[]; field: 'errors' | 'messages' } | null;
	/** Contact listings answer as background jobs while this is set (as in the client's integration test). */
	listingsAsJobs: boolean;
	/** A hostile or misconfigured API: a complete job's 303 names another origin. */
	resultOrigin: string | undefined;
	/** A misbehaving API: a complete job redirects with this status (a 307 or 308 the client does not follow). */
	resultStatus: number;
	/** A complete job answers itself, with no redirect to a result. */
	completeWithoutResult: boolean;
}

export function helpers(api: ProviderApi, state: State, seq: { contact: number }) {
	const { HttpError, randomId } = api;
	const { options, locationTokens } = state;
	const flags: Flags = {
		linkOrigin: undefined,
		failJobs: null,
		listingsAsJobs: false,
		resultOrigin: undefined,
		resultStatus: 303,
		completeWithoutResult: false,
	};

	const err = (status: number, title: string, detail: string, pointer?: string) =>
		new HttpError(
			status,
			{
				errors: [
					{ status: String(status), title, detail, ...(pointer ? { source: { pointer } } : {}) },
				],
			},
			{ 'Content-Type': JSONAPI },
		);
	const json = (status: number, body: unknown) => ({
		status,
		body,
		headers: { 'Content-Type': JSONAPI },
	});

	const checkKey = (ctx: RouteContext) => {
		if (ctx.headers['x-api-key'] !== state.apiKey)
			throw err(403, 'Forbidden', 'Missing or invalid API key (x-api-key)');
	};
	// The token requests are JSON with application/json as Content-Type and Accept
	// (developers.hirefrederick.com/api-docs/authentication); a form body is refused, naming its type.
	const checkTokenMedia = (ctx: RouteContext) => {
		const type = String(ctx.headers['content-type'] ?? '')
			.split(';')[0]
			.trim();
		if (type !== 'application/json')
			throw new HttpError(415, {
				error: 'unsupported_media_type',
				error_description: `Content-Type must be application/json, got ${type || 'none'}`,
			});
		const accept = String(ctx.headers.accept ?? '');
		if (!accept.split(',').some((a) => /^(application\/json|\*\/\*)$/.test(a.split(';')[0].trim())))
			throw new HttpError(406, {
				error: 'not_acceptable',
				error_description: `Accept must be application/json, got ${accept || 'none'}`,
			});
	};
	// V2 requests carry the JSON:API media type as Accept and Content-Type on every request, GET and DELETE
	// included, as Frederick's client sends them (github.com/HireFrederick/frederick_api_gem); the sync
	// methods' media type is not public, so only V2 paths are checked.
	const checkJsonApiMedia = (ctx: RouteContext) => {
		if (!/\/v2\//.test(ctx.url.pathname)) return;
		for (const name of ['accept', 'content-type']) {
			const value = String(ctx.headers[name] ?? '');
			if (!value.split(',').some((v) => v.split(';')[0].trim() === JSONAPI))
				throw err(
					name === 'accept' ? 406 : 415,
					name === 'accept' ? 'Not Acceptable' : 'Unsupported Media Type',
					`${name === 'accept' ? 'Accept' : 'Content-Type'} must be ${JSONAPI}, got ${value || 'none'}`,
				);
		}
	};
	const authorize = (ctx: RouteContext): LocationSubject => {
		checkKey(ctx);
		checkJsonApiMedia(ctx);
		const check = locationTokens.check(bearerOf(ctx.headers));
		if (!check.ok)
			throw err(
				401,
				'Unauthorized',
				check.reason === 'revoked' ? 'The access token has been revoked' : 'Invalid access token',
			);
		return check.subject;
	};
	const resource = (type: string, record: { id: string }) => {
		const { id, ...attributes } = record;
		return { type, id, attributes };
	};
	const attributesOf = (ctx: RouteContext, type: string): unknown => {
		const data = ctx.body?.data;
		if (!data || typeof data !== 'object' || Array.isArray(data))
			throw err(
				400,
				'Bad Request',
				'The body must be a JSON:API document {data:{type, attributes}}',
				'/data',
			);
		if (data.type !== type) throw err(409, 'Conflict', `data.type must be "${type}"`, '/data/type');
		return data.attributes ?? {};
	};
	const validate = <S extends z.ZodTypeAny>(schema: S, attributes: unknown): z.infer<S> => {
		const parsed = schema.safeParse(attributes);
		if (parsed.success) return parsed.data;
		const issues = parsed.error.issues;
		throw new HttpError(
			422,
			{
				errors: issues.map((i) => ({
					status: '422',
					title: 'Invalid Attribute',
					detail: i.message,
					source: { pointer: `/data/attributes/${i.path.join('/')}` },
				})),
			},
			{ 'Content-Type': JSONAPI },
		);
	};
	// The parameters Frederick's client sends: dot notation (github.com/HireFrederick/frederick_api_gem). A bracket key is refused by
	// name, since the client never sends one and a server would not read it as paging.
	const PARAMS = /^(page\.number|page\.size|filter\.[a-z_]+|include|sort|fields\.[a-z_]+)$/;
	const readParams = (entries: Array<[string, unknown]>, allowed: string[]) => {
		const out: Record<string, unknown> = {};
		for (const [key, value] of entries) {
			if (/\[/.test(key))
				throw err(
					400,
					'Bad Request',
					`${key} is not a parameter: Frederick uses dot notation (${key.replace(/\[([^\]]*)\]/g, '.$1')})`,
				);
			// Assumed: the client shows only filter.filters and generic filter.<name>; refusing any other filter
			// keeps the node to the one it sends (filter.email, itself assumed).
			if (!PARAMS.test(key) || (key.startsWith('filter.') && !allowed.includes(key)))
				throw err(400, 'Bad Request', `${key} is not a parameter of this listing`);
			out[key] = value;
		}
		return out;
	};
	const paged = (
		ctx: RouteContext,
		type: string,
		records: { id: string }[],
		path: string,
		params: Record<string, unknown> = {},
	) => {
		const number = Number(params['page.number'] ?? 1);
		// Assumed: the default and maximum page size are not public (the client's examples use 100, 30 and 1).
		const size = Number(params['page.size'] ?? 25);
		if (!Number.isInteger(number) || number < 1)
			throw err(400, 'Bad Request', 'page.number must be 1 or more', undefined);
		if (!Number.isInteger(size) || size < 1 || size > options.maxPageSize)
			throw err(400, 'Bad Request', `page.size must be between 1 and ${options.maxPageSize}`);
		const pages = Math.max(1, Math.ceil(records.length / size));
		const slice = records.slice((number - 1) * size, number * size);
		const filters = Object.entries(params)
			.filter(([k]) => k.startsWith('filter.'))
			.map(([k, v]) => `&${k}=${encodeURIComponent(String(v))}`)
			.join('');
		const link = (n: number) =>
			`${flags.linkOrigin ?? ctx.origin}/${NAME}${path}?page.number=${n}&page.size=${size}${filters}`;
		return json(200, {
			data: slice.map((r) => resource(type, r)),
			links: {
				self: link(number),
				first: link(1),
				last: link(pages),
				...(number < pages ? { next: link(number + 1) } : {}),
				...(number > 1 ? { prev: link(number - 1) } : {}),
			},
		});
	};
	const queryParams = (ctx: RouteContext, allowed: string[] = []) =>
		readParams([...ctx.query.entries()], allowed);

	// Background jobs as Frederick's client library reads them (github.com/HireFrederick/frederick_api_gem): a
	// 202 with {data:{type:"background_jobs", links:{self}, attributes:{status:"queued"}}} and Content-Location;
	// polls answer "processing" (with Retry-After) until the job is "complete" (a 303 to its result) or
	// "error" (the reasons in attributes.messages or attributes.errors).
	const jobUrl = (ctx: RouteContext, locationId: string, id: string) =>
		`${flags.linkOrigin ?? ctx.origin}/${NAME}/v2/locations/${locationId}/background_jobs/${id}`;
	const jobDoc = (ctx: RouteContext, job: Job, attributes: Record<string, unknown>) => ({
		data: {
			type: 'background_jobs',
			id: job.id,
			links: { self: jobUrl(ctx, job.locationId, job.id) },
			attributes,
		},
	});
	const startJob = (ctx: RouteContext, locationId: string, run: () => unknown) => {
		const id = randomId('job_', 6);
		const job: Job = { id, locationId, status: 'queued', polls: 0, run, result: null };
		if (flags.failJobs && flags.failJobs.count > 0) {
			flags.failJobs.count--;
			job.fail = { field: flags.failJobs.field ?? 'errors', reasons: flags.failJobs.reasons };
		}
		state.jobs.set(id, job);
		return {
			status: 202,
			body: jobDoc(ctx, job, { status: 'queued' }),
			headers: { 'Content-Type': JSONAPI, 'Content-Location': jobUrl(ctx, locationId, id) },
		};
	};

	const locationFor = (ctx: RouteContext, subject: LocationSubject) => {
		const location = state.locations.get(ctx.params.locationId);
		if (!location) throw err(404, 'Not Found', `Location ${ctx.params.locationId} not found`);
		if (location.id !== subject.locationId)
			throw err(
				403,
				'Forbidden',
				`The token does not give access to location ${ctx.params.locationId}`,
			);
		return location;
	};
	// location_id is read-only in every nested class of the client: it is the path's, never an attribute.
	const noLocationAttribute = (attributes: unknown) => {
		if (attributes && Object.prototype.hasOwnProperty.call(attributes, 'location_id'))
			throw err(
				422,
				'Invalid Attribute',
				'location_id is read-only: the location is the one in the path',
				'/data/attributes/location_id',
			);
		return attributes;
	};

	return {
		api,
		state,
		options,
		seq,
		flags,
		err,
		json,
		checkKey,
		checkTokenMedia,
		authorize,
		resource,
		attributesOf,
		validate,
		readParams,
		paged,
		queryParams,
		jobUrl,
		jobDoc,
		startJob,
		locationFor,
		noLocationAttribute,
	};
}

export type Frederick = ReturnType<typeof helpers>;
