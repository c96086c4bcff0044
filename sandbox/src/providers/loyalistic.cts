// Loyalistic API simulator. The token flow as Loyalistic describes it: POST with HTTP Basic (client id :
// secret) and the form field grant_type=client_credentials, answer {access_token, token_type:"bearer",
// expires_in}, tokens living about 10 minutes. The token URL (/token) and every resource path below are
// ASSUMED (the public material does not give them): an ASP.NET Web API 2 style API with page/pageSize paging
// and {Message, ModelState} error bodies. The node keeps each path in one place so it can be corrected.
import { z } from 'zod';
import { TokenStore, bearerOf } from '../tokens.cjs';

const NAME = 'loyalistic';

const DEFAULTS = {
	clients: [{ clientId: 'loyalistic-demo-client', clientSecret: 'loyalistic-demo-secret' }],
	tokenLifetimeSeconds: 600,
	contacts: 1234,
	companies: 40,
	maxPageSize: 100,
};

const FIRST = [
	'Ada',
	'Grace',
	'Alan',
	'Edsger',
	'Barbara',
	'Donald',
	'Frances',
	'Ken',
	'Margaret',
	'Linus',
];
const LAST = [
	'Lovelace',
	'Hopper',
	'Turing',
	'Dijkstra',
	'Liskov',
	'Knuth',
	'Allen',
	'Thompson',
	'Hamilton',
	'Torvalds',
];

const contactSchema = z.object({
	email: z.string().email('The Email field is not a valid e-mail address.'),
	firstName: z.string().max(100).optional(),
	lastName: z.string().max(100).optional(),
	phone: z.string().max(40).optional(),
	title: z.string().max(100).optional(),
	companyId: z.number().int().positive().optional(),
	customFields: z.record(z.any()).optional(),
});
const companySchema = z.object({
	name: z.string().min(1, 'The Name field is required.'),
	domain: z.string().optional(),
	industry: z.string().optional(),
	employees: z.number().int().nonnegative().optional(),
	country: z.string().optional(),
});
const activitySchema = z.object({
	type: z.string().min(1, 'The Type field is required.'),
	description: z.string().optional(),
	occurredAt: z
		.string()
		.datetime({ offset: true, message: 'OccurredAt must be an ISO 8601 date-time.' })
		.optional(),
	properties: z.record(z.any()).optional(),
});

/**
 * Where each route comes from: the provider's reference page it was written from and validates as, a seed
 * document, or "assumed:" with the reason. The core refuses to register a route that is not listed here.
 */
export const SOURCES: Record<string, string> = {
	'POST /token':
		'assumed: token URL blank in the guide; flow (Basic + grant_type form) from help.loyalistic.com/help/using-loyalistic-api',
	'GET /v1/contacts': 'assumed: resource API not in stored material',
	'GET /v1/contacts/:id': 'assumed: resource API not in stored material',
	'POST /v1/contacts': 'assumed: resource API not in stored material',
	'PUT /v1/contacts/:id': 'assumed: resource API not in stored material',
	'DELETE /v1/contacts/:id': 'assumed: resource API not in stored material',
	'GET /v1/companies': 'assumed: resource API not in stored material',
	'GET /v1/companies/:id': 'assumed: resource API not in stored material',
	'POST /v1/companies': 'assumed: resource API not in stored material',
	'PUT /v1/companies/:id': 'assumed: resource API not in stored material',
	'GET /v1/lists': 'assumed: resource API not in stored material',
	'POST /v1/lists/:id/contacts': 'assumed: resource API not in stored material',
	'DELETE /v1/lists/:id/contacts/:contactId': 'assumed: resource API not in stored material',
	'POST /v1/contacts/:id/activities': 'assumed: resource API not in stored material',
	'GET /v1/activities': 'assumed: resource API not in stored material',
	'GET /v1/swagger/docs/v1':
		'https://help.loyalistic.com/help/using-loyalistic-api (the Swagger JSON URL; every request needs the bearer token); its content is built from the resource routes above, or a differing one when a test switches it',
};

/**
 * The query parameters each listing reads (assumed, as the routes are); any other is refused naming it. The
 * matching Swagger document lists them, so Check API Paths can compare them.
 */
const LIST_QUERY = ['page', 'pageSize'];
const QUERY_OF: Record<string, string[]> = {
	'GET /v1/contacts': [...LIST_QUERY, 'email', 'updatedSince'],
	'GET /v1/companies': LIST_QUERY,
	'GET /v1/lists': LIST_QUERY,
	'GET /v1/activities': [...LIST_QUERY, 'type', 'contactId'],
};

/** The Swagger 2.0 document of this simulator's own resource routes: what a matching account serves. */
function swaggerOf(routes: string[], queryOf: Record<string, string[]> = {}) {
	const paths = {};
	for (const key of routes) {
		const [method, pattern] = key.split(' ');
		const path = pattern.replace(/:([A-Za-z]+)/g, '{$1}');
		const params = [...pattern.matchAll(/:([A-Za-z]+)/g)].map((m) => ({
			name: m[1],
			in: 'path',
			required: true,
			type: 'integer',
		}));
		for (const name of queryOf[key] ?? [])
			params.push({ name, in: 'query', required: false, type: 'string' });
		(paths[path] = paths[path] ?? {})[method.toLowerCase()] = {
			operationId: `${method}${path.replace(/[^A-Za-z]/g, '_')}`,
			parameters: params,
			responses: { 200: { description: 'OK' } },
		};
	}
	return {
		swagger: '2.0',
		info: { title: 'Loyalistic API', version: 'v1' },
		host: 'api.loyalistic.com',
		basePath: '/',
		schemes: ['https'],
		paths,
	};
}

/**
 * An account whose API differs from the node's assumptions (as an ASP.NET Web API could): companies are
 * "accounts", list members are "members", a contact is updated with PATCH, and ids are named per resource.
 */
/** The differing account's query names: its activities are filtered by `activityType`, not `type`. */
const DIFFERING_QUERY_OF: Record<string, string[]> = {
	...QUERY_OF,
	'GET /v1/accounts': LIST_QUERY,
	'GET /v1/activities': [...LIST_QUERY, 'activityType', 'contactId'],
};

const DIFFERING_ROUTES = [
	'GET /v1/contacts',
	'POST /v1/contacts',
	'GET /v1/contacts/:contactId',
	'PATCH /v1/contacts/:contactId',
	'DELETE /v1/contacts/:contactId',
	'POST /v1/contacts/:contactId/activities',
	'GET /v1/activities',
	'GET /v1/accounts',
	'POST /v1/accounts',
	'GET /v1/accounts/:accountId',
	'PUT /v1/accounts/:accountId',
	'GET /v1/lists',
	'POST /v1/lists/:listId/members',
	'DELETE /v1/lists/:listId/members/:contactId',
];

function create(api, userOptions) {
	const { route, HttpError, parseAuthorization, sim } = api;
	const options = { ...DEFAULTS, ...userOptions };
	const tokens = new TokenStore({
		lifetimeSeconds: options.tokenLifetimeSeconds,
		prefix: 'lyl_',
		onIssue: api.secret,
	});
	const state: any = {
		options,
		tokens,
		clients: options.clients.map((c) => ({ ...c })),
		contacts: new Map(),
		companies: new Map(),
		lists: new Map(),
		activities: [] as any[],
		nextId: { contact: 1, company: 1, activity: 1 },
		/** issue/expiry times of every token, in order: for tests of "one token per lifetime" */
		tokenLog: [] as any[],
		/** which Swagger document GET /v1/swagger/docs/v1 serves: 'matching', 'differing', or a document */
		swagger: 'matching' as any,
	};
	const now = () => new Date().toISOString();

	for (let i = 1; i <= options.companies; i++) {
		state.companies.set(i, {
			id: i,
			name: `Company ${i}`,
			domain: `company${i}.example`,
			industry: i % 2 ? 'Software' : 'Retail',
			employees: 10 * i,
			country: 'FI',
			createdAt: '2025-01-01T00:00:00Z',
			updatedAt: '2025-01-01T00:00:00Z',
		});
	}
	state.nextId.company = options.companies + 1;
	for (let i = 1; i <= options.contacts; i++) {
		const first = FIRST[i % FIRST.length];
		const last = LAST[Math.floor(i / FIRST.length) % LAST.length];
		state.contacts.set(i, {
			id: i,
			email: `${first}.${last}.${i}@example.com`.toLowerCase(),
			firstName: first,
			lastName: last,
			phone: null,
			title: null,
			companyId: ((i - 1) % options.companies) + 1,
			score: (i * 37) % 100,
			customFields: {},
			createdAt: new Date(Date.UTC(2025, 0, 1) + i * 60000).toISOString(),
			updatedAt: new Date(Date.UTC(2025, 0, 1) + i * 60000).toISOString(),
		});
	}
	state.nextId.contact = options.contacts + 1;
	for (const [id, name] of [
		[1, 'Newsletter'],
		[2, 'Customers'],
		[3, 'Prospects'],
		[4, 'Event attendees'],
		[5, 'Churn risk'],
	]) {
		state.lists.set(id, { id, name, type: id === 5 ? 'segment' : 'static', contactIds: new Set() });
	}

	const modelError = (message, modelState) =>
		new HttpError(400, { Message: message, ModelState: modelState });
	const notFound = (what, id) => new HttpError(404, { Message: `${what} ${id} was not found.` });

	const authorize = (ctx) => {
		const check = tokens.check(bearerOf(ctx.headers));
		if (!check.ok) {
			throw new HttpError(
				401,
				{ Message: 'Authorization has been denied for this request.' },
				{
					'WWW-Authenticate': `Bearer error="invalid_token", error_description="The token is ${check.reason}"`,
				},
			);
		}
	};
	const validate = (schema, body, prefix) => {
		const parsed = schema.safeParse(body ?? {});
		if (parsed.success) return parsed.data;
		const modelState = {};
		for (const issue of parsed.error.issues) {
			const key = `${prefix}.${issue.path.join('.') || 'body'}`;
			(modelState[key] = modelState[key] ?? []).push(issue.message);
		}
		throw modelError('The request is invalid.', modelState);
	};
	const paged = (ctx, records) => {
		const allowed = QUERY_OF[`GET ${String(ctx.url.pathname).replace(/^\/loyalistic/, '')}`];
		for (const key of ctx.query.keys())
			if (allowed && !allowed.includes(key))
				throw modelError('The request is invalid.', {
					[key]: [`The query parameter '${key}' is not known here.`],
				});
		const page = Number(ctx.query.get('page') ?? 1);
		const pageSize = Number(ctx.query.get('pageSize') ?? 25);
		if (!Number.isInteger(page) || page < 1)
			throw modelError('The request is invalid.', { page: ['page must be 1 or more.'] });
		if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > options.maxPageSize) {
			throw modelError('The request is invalid.', {
				pageSize: [`pageSize must be between 1 and ${options.maxPageSize}.`],
			});
		}
		const start = (page - 1) * pageSize;
		return {
			status: 200,
			body: {
				items: records.slice(start, start + pageSize),
				page,
				pageSize,
				totalCount: records.length,
			},
		};
	};
	const idParam = (ctx, what) => {
		const id = Number(ctx.params.id);
		if (!Number.isInteger(id))
			throw modelError('The request is invalid.', {
				id: [`The value '${ctx.params.id}' is not valid for ${what} id.`],
			});
		return id;
	};

	route(
		'POST',
		'/token',
		(ctx) => {
			const auth = parseAuthorization(ctx.headers.authorization);
			// The help article names grant_type a form field: a JSON body is refused, naming the content type.
			const type = String(ctx.headers['content-type'] ?? '');
			if (!/^application\/x-www-form-urlencoded\b/i.test(type))
				throw new HttpError(400, {
					error: 'invalid_request',
					error_description: `Content-Type must be application/x-www-form-urlencoded, got ${type || 'none'}`,
				});
			const form = ctx.body && typeof ctx.body === 'object' ? ctx.body : {};
			if (form.grant_type !== 'client_credentials') {
				throw new HttpError(400, { error: 'unsupported_grant_type' });
			}
			const client =
				auth?.scheme === 'basic' &&
				state.clients.find((c) => c.clientId === auth.user && c.clientSecret === auth.password);
			if (!client) throw new HttpError(400, { error: 'invalid_client' });
			const issued = tokens.issue({ clientId: client.clientId });
			state.tokenLog.push({ issuedAt: Date.now(), expiresAt: issued.expiresAt });
			sim.stats.token(NAME);
			return {
				status: 200,
				body: {
					access_token: issued.token,
					token_type: 'bearer',
					expires_in: options.tokenLifetimeSeconds,
				},
			};
		},
		{ token: true },
	);

	// Contacts
	route('GET', '/v1/contacts', (ctx) => {
		authorize(ctx);
		let records = [...state.contacts.values()];
		const email = ctx.query.get('email');
		if (email) records = records.filter((c) => c.email === email.toLowerCase());
		const updatedSince = ctx.query.get('updatedSince');
		if (updatedSince) records = records.filter((c) => c.updatedAt >= updatedSince);
		return paged(ctx, records);
	});
	route('GET', '/v1/contacts/:id', (ctx) => {
		authorize(ctx);
		const contact = state.contacts.get(idParam(ctx, 'contact'));
		if (!contact) throw notFound('Contact', ctx.params.id);
		return { status: 200, body: contact };
	});
	route('POST', '/v1/contacts', (ctx) => {
		authorize(ctx);
		const body = validate(contactSchema, ctx.body, 'contact');
		if ([...state.contacts.values()].some((c) => c.email === body.email.toLowerCase())) {
			throw new HttpError(409, {
				Message: `A contact with the email ${body.email} already exists.`,
			});
		}
		const id = state.nextId.contact++;
		const contact = {
			id,
			phone: null,
			title: null,
			companyId: null,
			customFields: {},
			score: 0,
			...body,
			email: body.email.toLowerCase(),
			createdAt: now(),
			updatedAt: now(),
		};
		state.contacts.set(id, contact);
		return { status: 201, body: contact, headers: { Location: `/v1/contacts/${id}` } };
	});
	route('PUT', '/v1/contacts/:id', (ctx) => {
		authorize(ctx);
		const id = idParam(ctx, 'contact');
		const contact = state.contacts.get(id);
		if (!contact) throw notFound('Contact', ctx.params.id);
		const body = validate(contactSchema.partial(), ctx.body, 'contact');
		Object.assign(contact, body, { updatedAt: now() });
		return { status: 200, body: contact };
	});
	route('DELETE', '/v1/contacts/:id', (ctx) => {
		authorize(ctx);
		const id = idParam(ctx, 'contact');
		if (!state.contacts.delete(id)) throw notFound('Contact', ctx.params.id);
		for (const list of state.lists.values()) list.contactIds.delete(id);
		return { status: 204 };
	});

	// Companies
	route('GET', '/v1/companies', (ctx) => {
		authorize(ctx);
		return paged(ctx, [...state.companies.values()]);
	});
	route('GET', '/v1/companies/:id', (ctx) => {
		authorize(ctx);
		const company = state.companies.get(idParam(ctx, 'company'));
		if (!company) throw notFound('Company', ctx.params.id);
		return { status: 200, body: company };
	});
	route('POST', '/v1/companies', (ctx) => {
		authorize(ctx);
		const body = validate(companySchema, ctx.body, 'company');
		const id = state.nextId.company++;
		const company = { id, ...body, createdAt: now(), updatedAt: now() };
		state.companies.set(id, company);
		return { status: 201, body: company };
	});
	route('PUT', '/v1/companies/:id', (ctx) => {
		authorize(ctx);
		const company = state.companies.get(idParam(ctx, 'company'));
		if (!company) throw notFound('Company', ctx.params.id);
		Object.assign(company, validate(companySchema.partial(), ctx.body, 'company'), {
			updatedAt: now(),
		});
		return { status: 200, body: company };
	});

	// Lists and segments
	const listView = (l) => ({
		id: l.id,
		name: l.name,
		type: l.type,
		contactCount: l.contactIds.size,
	});
	route('GET', '/v1/lists', (ctx) => {
		authorize(ctx);
		return paged(ctx, [...state.lists.values()].map(listView));
	});
	route('POST', '/v1/lists/:id/contacts', (ctx) => {
		authorize(ctx);
		const list = state.lists.get(idParam(ctx, 'list'));
		if (!list) throw notFound('List', ctx.params.id);
		if (list.type === 'segment')
			throw modelError('The request is invalid.', {
				list: ['Contacts of a segment are computed; they cannot be added.'],
			});
		const { contactIds } = validate(
			z.object({ contactIds: z.array(z.number().int()).min(1).max(1000) }),
			ctx.body,
			'request',
		);
		const missing = contactIds.filter((id) => !state.contacts.has(id));
		if (missing.length)
			throw modelError('The request is invalid.', {
				'request.contactIds': [`Unknown contact ids: ${missing.join(', ')}`],
			});
		let added = 0;
		for (const id of contactIds) if (!list.contactIds.has(id)) (list.contactIds.add(id), added++);
		return { status: 200, body: { ...listView(list), added } };
	});
	route('DELETE', '/v1/lists/:id/contacts/:contactId', (ctx) => {
		authorize(ctx);
		const list = state.lists.get(idParam(ctx, 'list'));
		if (!list) throw notFound('List', ctx.params.id);
		if (!list.contactIds.delete(Number(ctx.params.contactId)))
			throw notFound('List member', ctx.params.contactId);
		return { status: 204 };
	});

	// Activities
	route('POST', '/v1/contacts/:id/activities', (ctx) => {
		authorize(ctx);
		const contactId = idParam(ctx, 'contact');
		if (!state.contacts.has(contactId)) throw notFound('Contact', ctx.params.id);
		const body = validate(activitySchema, ctx.body, 'activity');
		const activity = {
			id: state.nextId.activity++,
			contactId,
			occurredAt: now(),
			description: null,
			properties: {},
			...body,
			createdAt: now(),
		};
		state.activities.push(activity);
		return { status: 201, body: activity };
	});
	route('GET', '/v1/activities', (ctx) => {
		authorize(ctx);
		let records = state.activities;
		const contactId = ctx.query.get('contactId');
		if (contactId) records = records.filter((a) => a.contactId === Number(contactId));
		const type = ctx.query.get('type');
		if (type) records = records.filter((a) => a.type === type);
		return paged(ctx, records);
	});

	// The account's own API description (the Swagger JSON URL the help article gives).
	route('GET', '/v1/swagger/docs/v1', (ctx) => {
		authorize(ctx);
		const resources = Object.keys(SOURCES).filter(
			(k) => / \/v1\//.test(k) && !k.includes('/swagger/'),
		);
		const body =
			state.swagger === 'matching'
				? swaggerOf(resources, QUERY_OF)
				: state.swagger === 'differing'
					? swaggerOf(DIFFERING_ROUTES, DIFFERING_QUERY_OF)
					: state.swagger;
		return { status: 200, body };
	});

	return {
		/** The client a request comes from, whichever of its tokens it carries: rate limits count per client. */
		callerOf: (ctx) => tokens.tokens.get(bearerOf(ctx.headers) ?? '')?.subject?.clientId,
		state,
		tokens,
		faultBody: (status) => ({
			Message: status === 429 ? 'Too many requests.' : 'An error has occurred.',
		}),
		control: {
			expireTokens: () => ({ expired: tokens.expireAll() }),
			/** Serve another Swagger document: 'matching' (the default), 'differing', or a document of your own. */
			setSwagger: ({ variant = 'matching', document }: any = {}) => {
				state.swagger = document ?? variant;
				return { swagger: typeof state.swagger === 'string' ? state.swagger : 'custom' };
			},
		},
	};
}

export { NAME as name, create, DEFAULTS };
