// The account's own API description (the Swagger JSON URL the help article gives): built from this
// simulator's resource routes, or a differing account's.
import type { Loyalistic } from './helpers.cjs';

export const SOURCES: Record<string, string> = {
	'GET /v1/swagger/docs/v1':
		'https://help.loyalistic.com/help/using-loyalistic-api (the Swagger JSON URL; every request needs the bearer token); its content is built from the resource routes above, or a differing one when a test switches it',
};

/**
 * The query parameters each listing reads (assumed, as the routes are); any other is refused naming it. The
 * matching Swagger document lists them, so Check API Paths can compare them.
 */
const LIST_QUERY = ['page', 'pageSize'];
export const QUERY_OF: Record<string, string[]> = {
	'GET /v1/contacts': [...LIST_QUERY, 'email', 'updatedSince'],
	'GET /v1/companies': LIST_QUERY,
	'GET /v1/lists': LIST_QUERY,
	'GET /v1/activities': [...LIST_QUERY, 'type', 'contactId'],
};

interface SwaggerParameter {
	name: string;
	in: string;
	required: boolean;
	type: string;
}

interface SwaggerOperation {
	operationId: string;
	parameters: SwaggerParameter[];
	responses: Record<number, { description: string }>;
}

/** The Swagger 2.0 document of this simulator's own resource routes: what a matching account serves. */
function swaggerOf(routes: string[], queryOf: Record<string, string[]> = {}) {
	const paths: Record<string, Record<string, SwaggerOperation>> = {};
	for (const key of routes) {
		const [method, pattern] = key.split(' ');
		const path = pattern.replace(/:([A-Za-z]+)/g, '{$1}');
		const params: SwaggerParameter[] = [...pattern.matchAll(/:([A-Za-z]+)/g)].map((m) => ({
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

/** `allSources` is the provider's whole SOURCES: the matching document lists its resource routes. */
export function register(p: Loyalistic, allSources: Record<string, string>) {
	const { state, authorize } = p;
	p.api.route('GET', '/v1/swagger/docs/v1', (ctx) => {
		authorize(ctx);
		const resources = Object.keys(allSources).filter(
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
}
