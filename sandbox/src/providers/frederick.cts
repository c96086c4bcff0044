// Frederick simulator. From the public pages (developers.hirefrederick.com/api-docs/authentication and
// /syncing-data): x-api-key on every request; a user token from {email, password, client_id, client_secret},
// then a location token from the user token; tokens do not expire (they can be revoked here); the 8 sync
// methods under /locations/{location_id}/ with no /v2, records by external_id, never external_id and id both.
// V2 resources as Frederick's own client (github.com/HireFrederick/frederick_api_gem, V2 not released) sends
// them: JSON:API (application/vnd.api+json), location-scoped paths /v2/locations/{location_id}/..., dot-notation
// parameters (page.number, page.size, filter.email; page[number] is refused), contacts listed by POST with
// X-Request-Method: GET and a flat JSON body, background jobs (queued, processing, complete, error with
// messages/errors, Retry-After between polls, a 303 to the result). ASSUMED: the two token paths, the sync
// methods' method and body, and that a large sync batch answers as a background job.
import { z } from 'zod';
import { TokenStore, bearerOf } from '../tokens.cjs';

const NAME = 'frederick';
const JSONAPI = 'application/vnd.api+json';

const DEFAULTS = {
	apiKey: 'fred-demo-api-key',
	clients: [{ clientId: 'fred-demo-client', clientSecret: 'fred-demo-secret' }],
	owners: [{ email: 'owner@salon.example', password: 'demo-password', locationId: 'loc_1' }],
	contacts: 1050,
	maxPageSize: 100,
	/** a batch sync with more records than this answers 202 and runs as a job */
	asyncThreshold: 5,
	/** polls a job takes before it completes */
	jobPolls: 2,
	/** Retry-After (seconds) on a job poll that is still running; 0 sends none */
	jobRetryAfter: 0,
	/** data source names Frederick issued to this integration */
	dataSourceNames: ['n8n-demo'],
};

const SYNC_KINDS = {
	service_categories: {
		path: 'service_categories/batch_sync_service_categories',
		type: 'service_categories',
	},
	services: { path: 'services/batch_sync_services', type: 'services' },
	appointments: { path: 'appointments/batch_sync_appointments', type: 'appointments' },
	contact_details: { path: 'contact_details/batch_create_or_update', type: 'contact_details' },
	calendars: { path: 'calendars/batch_sync_calendars', type: 'calendars' },
	vehicles: { path: 'vehicles/batch_create_or_update', type: 'vehicles' },
	openings: { path: 'openings/batch_sync_openings', type: 'openings' },
};

const SYNC_PAGE =
	'https://developers.hirefrederick.com/api-docs/syncing-data (path only; method, body, limits and answer assumed)';
const V2 =
	"assumed: Frederick's own client (github.com/HireFrederick/frederick_api_gem), V2 not yet public";

/**
 * Where each route comes from: the provider's reference page it was written from and validates as, a seed
 * document, or "assumed:" with the reason. The core refuses to register a route that is not listed here.
 */
export const SOURCES: Record<string, string> = {
	'POST /oauth/token':
		'assumed: the user token path is not public (the flow is public, not the path); an editable credential field',
	'POST /oauth/location_token':
		'assumed: the location token path is not public (the flow is public, not the path); an editable credential field',
	'GET /v2/locations': V2,
	'GET /v2/locations/:id': V2,
	'POST /v2/locations/:locationId/contacts': `${V2}; listing is POST with X-Request-Method: GET, as the client sends it`,
	'GET /v2/locations/:locationId/contacts/:id': V2,
	'PATCH /v2/locations/:locationId/contacts/:id': V2,
	'DELETE /v2/locations/:locationId/contacts/:id': V2,
	'GET /v2/locations/:locationId/contact_lists': V2,
	'GET /v2/locations/:locationId/campaigns': V2,
	'POST /v2/locations/:locationId/campaigns': V2,
	'GET /v2/locations/:locationId/background_jobs/:id': `${V2}; the job URL shape of the client's parser spec`,
	'GET /v2/locations/:locationId/background_jobs/:id/result': `${V2}; where a complete job's 303 leads (the path is the simulator's)`,
	'POST /locations/:locationId/update_management_system': SYNC_PAGE,
	'POST /locations/:locationId/service_categories/batch_sync_service_categories': SYNC_PAGE,
	'POST /locations/:locationId/services/batch_sync_services': SYNC_PAGE,
	'POST /locations/:locationId/appointments/batch_sync_appointments': SYNC_PAGE,
	'POST /locations/:locationId/contact_details/batch_create_or_update': SYNC_PAGE,
	'POST /locations/:locationId/calendars/batch_sync_calendars': SYNC_PAGE,
	'POST /locations/:locationId/vehicles/batch_create_or_update': SYNC_PAGE,
	'POST /locations/:locationId/openings/batch_sync_openings': SYNC_PAGE,
};

function create(api, userOptions) {
	const { route, HttpError, sim, randomId } = api;
	const options = { ...DEFAULTS, ...userOptions };
	const userTokens = new TokenStore({ lifetimeSeconds: 0, prefix: 'fu_', onIssue: api.secret });
	const locationTokens = new TokenStore({ lifetimeSeconds: 0, prefix: 'fl_', onIssue: api.secret });
	const state: any = {
		options,
		userTokens,
		locationTokens,
		apiKey: options.apiKey,
		locations: new Map([
			[
				'loc_1',
				{
					id: 'loc_1',
					name: 'Downtown Salon',
					time_zone: 'America/New_York',
					business_category: 'salon',
					management_system: null,
				},
			],
			[
				'loc_2',
				{
					id: 'loc_2',
					name: 'Uptown Spa',
					time_zone: 'America/Chicago',
					business_category: 'spa',
					management_system: null,
				},
			],
		]),
		contacts: new Map(),
		contactLists: [
			{ id: 'cl_1', name: 'All clients', contact_count: options.contacts },
			{ id: 'cl_2', name: 'Lapsed 90 days', contact_count: 120 },
		],
		campaigns: [] as any[],
		/** synced records per location and kind, keyed by external_id (or "id:<Frederick id>") */
		synced: new Map(),
		syncRuns: [] as any[],
		jobs: new Map(),
	};
	let contactSeq = 1;
	for (let i = 1; i <= options.contacts; i++) {
		const id = `ct_${contactSeq++}`;
		state.contacts.set(id, {
			id,
			first_name: `Client${i}`,
			last_name: 'Example',
			email: `client${i}@example.com`,
			phone: null,
			location_id: 'loc_1',
			created_at: new Date(Date.UTC(2025, 0, 1) + i * 3600000).toISOString(),
			updated_at: new Date(Date.UTC(2025, 0, 1) + i * 3600000).toISOString(),
		});
	}

	const err = (status, title, detail, pointer?) =>
		new HttpError(
			status,
			{
				errors: [
					{ status: String(status), title, detail, ...(pointer ? { source: { pointer } } : {}) },
				],
			},
			{ 'Content-Type': JSONAPI },
		);
	const json = (status, body) => ({ status, body, headers: { 'Content-Type': JSONAPI } });

	const checkKey = (ctx) => {
		if (ctx.headers['x-api-key'] !== state.apiKey)
			throw err(403, 'Forbidden', 'Missing or invalid API key (x-api-key)');
	};
	// The token requests are JSON with application/json as Content-Type and Accept
	// (developers.hirefrederick.com/api-docs/authentication); a form body is refused, naming its type.
	const checkTokenMedia = (ctx) => {
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
	const checkJsonApiMedia = (ctx) => {
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
	const authorize = (ctx) => {
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
	const resource = (type, record) => {
		const { id, ...attributes } = record;
		return { type, id, attributes };
	};
	const attributesOf = (ctx, type) => {
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
	const validate = (schema, attributes) => {
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
	let linkOrigin;
	/** Jobs end in "error" while this is set: {count, reasons, field: 'messages' | 'errors'}. */
	let failJobs: any = null;
	/** Contact listings answer as background jobs while this is set (as in the client's integration test). */
	let listingsAsJobs = false;
	/** A hostile or misconfigured API: a complete job's 303 names another origin. */
	let resultOrigin: string | undefined;
	/** A misbehaving API: a complete job redirects with this status (a 307 or 308 the client does not follow). */
	let resultStatus = 303;
	/** A complete job answers itself, with no redirect to a result. */
	let completeWithoutResult = false;
	// The parameters Frederick's client sends: dot notation (github.com/HireFrederick/frederick_api_gem). A bracket key is refused by
	// name, since the client never sends one and a server would not read it as paging.
	const PARAMS = /^(page\.number|page\.size|filter\.[a-z_]+|include|sort|fields\.[a-z_]+)$/;
	const readParams = (entries: Array<[string, unknown]>, allowed: string[]) => {
		const out: any = {};
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
	const paged = (ctx, type, records, path, params: any = {}) => {
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
		const link = (n) =>
			`${linkOrigin ?? ctx.origin}/${NAME}${path}?page.number=${n}&page.size=${size}${filters}`;
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
	const queryParams = (ctx, allowed: string[] = []) =>
		readParams([...ctx.query.entries()], allowed);

	// Background jobs as Frederick's client library reads them (github.com/HireFrederick/frederick_api_gem): a
	// 202 with {data:{type:"background_jobs", links:{self}, attributes:{status:"queued"}}} and Content-Location;
	// polls answer "processing" (with Retry-After) until the job is "complete" (a 303 to its result) or
	// "error" (the reasons in attributes.messages or attributes.errors).
	const jobUrl = (ctx, locationId, id) =>
		`${linkOrigin ?? ctx.origin}/${NAME}/v2/locations/${locationId}/background_jobs/${id}`;
	const jobDoc = (ctx, job, attributes) => ({
		data: {
			type: 'background_jobs',
			id: job.id,
			links: { self: jobUrl(ctx, job.locationId, job.id) },
			attributes,
		},
	});
	const startJob = (ctx, locationId, run) => {
		const id = randomId('job_', 6);
		const job: any = { id, locationId, status: 'queued', polls: 0, run, result: null };
		if (failJobs && failJobs.count > 0) {
			failJobs.count--;
			job.fail = { field: failJobs.field ?? 'errors', reasons: failJobs.reasons };
		}
		state.jobs.set(id, job);
		return {
			status: 202,
			body: jobDoc(ctx, job, { status: 'queued' }),
			headers: { 'Content-Type': JSONAPI, 'Content-Location': jobUrl(ctx, locationId, id) },
		};
	};

	// Token chain (paths assumed).
	route(
		'POST',
		'/oauth/token',
		(ctx) => {
			checkKey(ctx);
			checkTokenMedia(ctx);
			const b = ctx.body ?? {};
			const client = options.clients.find(
				(c) => c.clientId === b.client_id && c.clientSecret === b.client_secret,
			);
			if (!client)
				throw new HttpError(401, {
					error: 'invalid_client',
					error_description: 'Unknown client_id or wrong client_secret',
				});
			const owner = options.owners.find((o) => o.email === b.email && o.password === b.password);
			if (!owner)
				throw new HttpError(401, {
					error: 'invalid_grant',
					error_description: 'Wrong email or password',
				});
			const issued = userTokens.issue({
				email: owner.email,
				locationId: owner.locationId,
				clientId: client.clientId,
			});
			sim.stats.token(NAME);
			return { status: 200, body: { access_token: issued.token } };
		},
		{ token: true },
	);
	route(
		'POST',
		'/oauth/location_token',
		(ctx) => {
			checkKey(ctx);
			checkTokenMedia(ctx);
			const user = userTokens.check(bearerOf(ctx.headers));
			if (!user.ok)
				throw new HttpError(401, {
					error: 'invalid_token',
					error_description: 'A valid user access token is required',
				});
			const b = ctx.body ?? {};
			if (
				b.client_id !== user.subject.clientId ||
				!options.clients.some(
					(c) => c.clientId === b.client_id && c.clientSecret === b.client_secret,
				)
			) {
				throw new HttpError(401, {
					error: 'invalid_client',
					error_description: 'Unknown client_id or wrong client_secret',
				});
			}
			const issued = locationTokens.issue({
				locationId: user.subject.locationId,
				email: user.subject.email,
			});
			sim.stats.token(NAME);
			return { status: 200, body: { access_token: issued.token } };
		},
		{ token: true },
	);

	// Locations (top level: not nested under a location)
	route('GET', '/v2/locations', (ctx) => {
		const subject = authorize(ctx);
		return paged(
			ctx,
			'locations',
			[...state.locations.values()].filter((l) => l.id === subject.locationId),
			'/v2/locations',
			queryParams(ctx),
		);
	});
	route('GET', '/v2/locations/:id', (ctx) => {
		const subject = authorize(ctx);
		const location = state.locations.get(ctx.params.id);
		if (!location) throw err(404, 'Not Found', `Location ${ctx.params.id} not found`);
		if (location.id !== subject.locationId)
			throw err(403, 'Forbidden', `The token does not give access to location ${ctx.params.id}`);
		return json(200, { data: resource('locations', location) });
	});
	const locationFor = (ctx, subject) => {
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
	const noLocationAttribute = (attributes) => {
		if (attributes && Object.prototype.hasOwnProperty.call(attributes, 'location_id'))
			throw err(
				422,
				'Invalid Attribute',
				'location_id is read-only: the location is the one in the path',
				'/data/attributes/location_id',
			);
		return attributes;
	};

	// Contacts, under their location. Frederick's client library shows only name and properties on a contact, the
	// external id inside properties, and an unknown property key refused at /data/attributes/properties; the
	// other attribute names are assumed.
	// Assumed as well: the 100-character name limit, the phone pattern, a unique email (422 "already taken") and
	// a 201 on create (the client asserts no status).
	const contactSchema = z
		.object({
			// The one contact attribute the client library's fixtures show.
			name: z.string().max(100).optional(),
			first_name: z.string().max(100).optional(),
			last_name: z.string().max(100).optional(),
			email: z.string().email('email is not a valid email address').optional(),
			phone: z
				.string()
				.regex(/^\+?[\d\s()-]{7,20}$/, 'phone is not a valid phone number')
				.optional()
				.nullable(),
			properties: z.object({ external_id: z.string().optional() }).strict().optional(),
		})
		.strict();
	const contactIn = (ctx, location) => {
		const contact = state.contacts.get(ctx.params.id);
		if (!contact || contact.location_id !== location.id)
			throw err(404, 'Not Found', `Contact ${ctx.params.id} not found in location ${location.id}`);
		return contact;
	};
	route('POST', '/v2/locations/:locationId/contacts', (ctx) => {
		const subject = authorize(ctx);
		const location = locationFor(ctx, subject);
		const override = ctx.headers['x-request-method'];
		if (override !== undefined) {
			// A listing: POST with X-Request-Method: GET, the parameters as a flat JSON body, as Frederick's client library sends it.
			if (String(override).toUpperCase() !== 'GET')
				throw err(400, 'Bad Request', `X-Request-Method must be GET, got ${String(override)}`);
			const body = ctx.body ?? {};
			if (typeof body !== 'object' || Array.isArray(body) || body.data !== undefined)
				throw err(
					400,
					'Bad Request',
					'a listing body is a flat object of parameters, e.g. {"page.number":1}',
				);
			const params = readParams(Object.entries(body), ['filter.email']);
			const list = () => {
				let records = [...state.contacts.values()].filter((c) => c.location_id === location.id);
				if (params['filter.email'])
					records = records.filter((c) => c.email === params['filter.email']);
				return paged(ctx, 'contacts', records, `/v2/locations/${location.id}/contacts`, params);
			};
			if (listingsAsJobs) return startJob(ctx, location.id, () => list().body);
			return list();
		}
		const attributes = validate(
			contactSchema.refine((a) => a.email || a.phone, 'a contact needs an email or a phone'),
			noLocationAttribute(attributesOf(ctx, 'contacts')),
		);
		if (
			attributes.email &&
			[...state.contacts.values()].some((c) => c.email === attributes.email)
		) {
			throw err(
				422,
				'Invalid Attribute',
				`email ${attributes.email} is already taken`,
				'/data/attributes/email',
			);
		}
		const id = `ct_${contactSeq++}`;
		const now = new Date().toISOString();
		const contact = {
			id,
			first_name: null,
			last_name: null,
			email: null,
			phone: null,
			...attributes,
			location_id: location.id,
			created_at: now,
			updated_at: now,
		};
		state.contacts.set(id, contact);
		return json(201, { data: resource('contacts', contact) });
	});
	route('GET', '/v2/locations/:locationId/contacts/:id', (ctx) => {
		const location = locationFor(ctx, authorize(ctx));
		return json(200, { data: resource('contacts', contactIn(ctx, location)) });
	});
	route('PATCH', '/v2/locations/:locationId/contacts/:id', (ctx) => {
		const location = locationFor(ctx, authorize(ctx));
		const contact = contactIn(ctx, location);
		const changes = validate(contactSchema, noLocationAttribute(attributesOf(ctx, 'contacts')));
		// Assumed: properties are merged key by key. Under JSON:API a server may replace the whole attribute, which
		// would drop the properties a PATCH does not send; the node's Update description warns of this.
		Object.assign(contact, changes, {
			...(changes.properties
				? { properties: { ...contact.properties, ...changes.properties } }
				: {}),
			updated_at: new Date().toISOString(),
		});
		return json(200, { data: resource('contacts', contact) });
	});
	route('DELETE', '/v2/locations/:locationId/contacts/:id', (ctx) => {
		const location = locationFor(ctx, authorize(ctx));
		state.contacts.delete(contactIn(ctx, location).id);
		return { status: 204 };
	});

	route('GET', '/v2/locations/:locationId/contact_lists', (ctx) => {
		const location = locationFor(ctx, authorize(ctx));
		return paged(
			ctx,
			'contact_lists',
			state.contactLists,
			`/v2/locations/${location.id}/contact_lists`,
			queryParams(ctx),
		);
	});

	// Campaigns, under their location (no attribute of a campaign is public: these are assumed)
	route('GET', '/v2/locations/:locationId/campaigns', (ctx) => {
		const location = locationFor(ctx, authorize(ctx));
		return paged(
			ctx,
			'campaigns',
			state.campaigns.filter((c) => c.location_id === location.id),
			`/v2/locations/${location.id}/campaigns`,
			queryParams(ctx),
		);
	});
	route('POST', '/v2/locations/:locationId/campaigns', (ctx) => {
		const location = locationFor(ctx, authorize(ctx));
		const attributes = validate(
			z
				.object({
					name: z.string().min(1, 'name is required'),
					channel: z.enum(['email', 'sms'], {
						errorMap: () => ({ message: 'channel must be email or sms' }),
					}),
					subject: z.string().optional(),
					body: z.string().optional(),
					contact_list_id: z.string().optional(),
					send_at: z
						.string()
						.datetime({ offset: true, message: 'send_at must be an ISO 8601 date-time' })
						.optional(),
				})
				.strict(),
			noLocationAttribute(attributesOf(ctx, 'campaigns')),
		);
		// Assumed: campaign attributes are not public, nor is a 422 for an unknown list.
		if (
			attributes.contact_list_id &&
			!state.contactLists.some((l) => l.id === attributes.contact_list_id)
		) {
			throw err(
				422,
				'Invalid Attribute',
				`contact list ${attributes.contact_list_id} does not exist`,
				'/data/attributes/contact_list_id',
			);
		}
		const campaign = {
			id: randomId('cmp_', 6),
			status: attributes.send_at ? 'scheduled' : 'draft',
			...attributes,
			location_id: location.id,
			created_at: new Date().toISOString(),
		};
		state.campaigns.push(campaign);
		return json(201, { data: resource('campaigns', campaign) });
	});

	// Background jobs of a location
	route('GET', '/v2/locations/:locationId/background_jobs/:id', (ctx) => {
		const location = locationFor(ctx, authorize(ctx));
		const job = state.jobs.get(ctx.params.id);
		if (!job || job.locationId !== location.id)
			throw err(404, 'Not Found', `Background job ${ctx.params.id} not found`);
		job.polls++;
		if (job.status === 'queued' || job.status === 'processing') {
			if (job.polls >= options.jobPolls) {
				if (job.fail) job.status = 'error';
				else {
					job.result = job.run();
					job.status = 'complete';
				}
			} else job.status = 'processing';
		}
		// A complete job with no redirect is itself the result, "a successful job that does not return a
		// resource" in Frederick's client (github.com/HireFrederick/frederick_api_gem).
		if (job.status === 'complete' && completeWithoutResult)
			return json(200, jobDoc(ctx, job, { status: 'complete' }));
		if (job.status === 'complete') {
			const url = `${jobUrl(ctx, location.id, job.id)}/result`;
			return {
				status: resultStatus,
				headers: {
					Location: resultOrigin ? url.replace(/^https?:\/\/[^/]+/, resultOrigin) : url,
				},
			};
		}
		if (job.status === 'error')
			return json(200, jobDoc(ctx, job, { status: 'error', [job.fail.field]: job.fail.reasons }));
		return {
			status: 200,
			body: jobDoc(ctx, job, { status: job.status }),
			headers: {
				'Content-Type': JSONAPI,
				...(options.jobRetryAfter ? { 'Retry-After': String(options.jobRetryAfter) } : {}),
			},
		};
	});
	route('GET', '/v2/locations/:locationId/background_jobs/:id/result', (ctx) => {
		const location = locationFor(ctx, authorize(ctx));
		const job = state.jobs.get(ctx.params.id);
		if (!job || job.locationId !== location.id || job.status !== 'complete')
			throw err(404, 'Not Found', `No result for background job ${ctx.params.id}`);
		return json(200, job.result);
	});

	// Data sync
	// developers.hirefrederick.com/api-docs/syncing-data: the sync methods live under /locations/{location_id}/
	// with no /v2 (the page's own paths); a /v2 sync path is not a route here, so it answers 404. The page gives
	// paths only: the method, the management_systems body (data_source_name, sync_status started|finished), the
	// data[] wrapper with a type per kind, the 100-record limit and the 409 on a wrong type are assumed.
	route('POST', '/locations/:locationId/update_management_system', (ctx) => {
		const subject = authorize(ctx);
		const location = locationFor(ctx, subject);
		const attributes = validate(
			z.object({
				data_source_name: z.string().min(1, 'data_source_name is required'),
				sync_status: z.enum(['started', 'finished'], {
					errorMap: () => ({ message: 'sync_status must be started or finished' }),
				}),
			}),
			attributesOf(ctx, 'management_systems'),
		);
		// Assumed: how Frederick answers an unknown data source name is not public.
		if (!options.dataSourceNames.includes(attributes.data_source_name)) {
			throw err(
				422,
				'Invalid Attribute',
				`Unknown data source name ${attributes.data_source_name}`,
				'/data/attributes/data_source_name',
			);
		}
		location.management_system = {
			data_source_name: attributes.data_source_name,
			sync_status: attributes.sync_status,
			updated_at: new Date().toISOString(),
		};
		state.syncRuns.push({ location: location.id, ...attributes });
		return json(200, { data: resource('locations', location) });
	});

	const applySync = (locationId, kind, records) => {
		const key = `${locationId}/${kind}`;
		const store = state.synced.get(key) ?? new Map();
		state.synced.set(key, store);
		let created = 0;
		let updated = 0;
		for (const r of records) {
			// A record sent by Frederick's id is matched by it; what Frederick does with an unknown id is not
			// public (assumed: created, as an unknown external_id is).
			const id = r.external_id ?? `id:${r.id}`;
			if (store.has(id)) updated++;
			else created++;
			store.set(id, { ...store.get(id), ...r });
		}
		return { kind, received: records.length, created, updated };
	};
	for (const [kind, { path, type }] of Object.entries(SYNC_KINDS)) {
		route('POST', `/locations/:locationId/${path}`, (ctx) => {
			const subject = authorize(ctx);
			const location = locationFor(ctx, subject);
			const data = ctx.body?.data;
			if (!Array.isArray(data) || data.length === 0)
				throw err(400, 'Bad Request', 'data must be a non-empty array of resources', '/data');
			// The batch limit is assumed (not public), the same figure the node splits at.
			if (data.length > 100)
				throw err(400, 'Bad Request', `at most 100 records per batch, got ${data.length}`, '/data');
			const records = data.map((d, i) => {
				if (d?.type !== type)
					throw err(409, 'Conflict', `data[${i}].type must be "${type}"`, `/data/${i}/type`);
				const a = d.attributes ?? {};
				// The syncing-data page: "Send one of external_id or id", never both (where the id goes is
				// assumed: next to the other attributes, as external_id).
				if (d.id !== undefined)
					throw err(
						422,
						'Invalid Attribute',
						`data[${i}]: Frederick's id goes in attributes.id, next to the other attributes`,
						`/data/${i}/id`,
					);
				if (a.external_id !== undefined && a.id !== undefined)
					throw err(
						422,
						'Invalid Attribute',
						`data[${i}]: send one of external_id or id, never both`,
						`/data/${i}/attributes/id`,
					);
				if (!a.external_id && !a.id)
					throw err(
						422,
						'Invalid Attribute',
						`data[${i}] needs attributes.external_id (or Frederick's attributes.id)`,
						`/data/${i}/attributes/external_id`,
					);
				return a;
			});
			if (records.length <= options.asyncThreshold) {
				return json(200, {
					data: {
						type: 'sync_results',
						id: randomId('sr_', 6),
						attributes: { status: 'complete', ...applySync(location.id, kind, records) },
					},
				});
			}
			return startJob(ctx, location.id, () => ({
				data: {
					type: 'sync_results',
					id: randomId('sr_', 6),
					attributes: { status: 'complete', ...applySync(location.id, kind, records) },
				},
			}));
		});
	}

	return {
		state,
		faultBody: (status) => ({
			errors: [
				{
					status: String(status),
					title: status === 429 ? 'Too Many Requests' : 'Internal Server Error',
				},
			],
		}),
		control: {
			revokeLocationTokens: () => ({ revoked: locationTokens.revokeAll() }),
			// A hostile or misconfigured API: links.next, links.self and Location name another origin.
			setLinkOrigin: ({ origin }: { origin?: string } = {}) => {
				linkOrigin = origin || undefined;
				return { linkOrigin: linkOrigin ?? null };
			},
			revokeAll: () => ({ revoked: locationTokens.revokeAll() + userTokens.revokeAll() }),
			/** The next `count` background jobs end in "error" with these reasons, in attributes[field]. */
			failJobs: ({
				count = 1,
				reasons = ['The job failed'],
				field = 'errors',
			}: { count?: number; reasons?: unknown[]; field?: 'errors' | 'messages' } = {}) => {
				failJobs = { count, reasons, field };
				return { failJobs };
			},
			/**
			 * Retry-After on running job polls (0: none), polls a job takes, contact listings as jobs, the 303's
			 * origin, the redirect status of a complete job (303 unless set), a complete job with no redirect.
			 */
			setJobs: ({
				retryAfter,
				polls,
				listings,
				redirectOrigin,
				redirectStatus,
				noResult,
			}: any = {}) => {
				if (redirectOrigin !== undefined) resultOrigin = redirectOrigin || undefined;
				if (redirectStatus !== undefined) resultStatus = Number(redirectStatus) || 303;
				if (noResult !== undefined) completeWithoutResult = Boolean(noResult);
				if (retryAfter !== undefined) options.jobRetryAfter = Number(retryAfter);
				if (polls !== undefined) options.jobPolls = Number(polls);
				if (listings !== undefined) listingsAsJobs = Boolean(listings);
				return {
					retryAfter: options.jobRetryAfter,
					polls: options.jobPolls,
					listings: listingsAsJobs,
					redirectStatus: resultStatus,
					noResult: completeWithoutResult,
				};
			},
			resetJobs: () => {
				failJobs = null;
				listingsAsJobs = false;
				resultOrigin = undefined;
				resultStatus = 303;
				completeWithoutResult = false;
				options.jobRetryAfter = DEFAULTS.jobRetryAfter;
				options.jobPolls = userOptions?.jobPolls ?? DEFAULTS.jobPolls;
				return { ok: true };
			},
		},
	};
}

export { NAME as name, create, DEFAULTS, SYNC_KINDS };
