import { LoyalisticOAuth2Api } from '../../credentials/LoyalisticOAuth2Api.credentials';
import { ENDPOINTS, PATHS } from '../../nodes/Loyalistic/transport';
import { comparePaths, documentedOperations } from '../../nodes/Loyalistic/swaggerCheck';

/** A Swagger 2.0 document; `query` gives the query parameter names of 'get /path' operations. */
const swagger = (
	basePath: string,
	paths: Record<string, string[]>,
	query: Record<string, string[]> = QUERY_OF,
) => ({
	swagger: '2.0',
	basePath,
	paths: Object.fromEntries(
		Object.entries(paths).map(([p, methods]) => [
			p,
			Object.fromEntries(
				methods.map((m) => [
					m,
					{
						parameters: (query[`${m} ${p.replace(/^\/v1/, '')}`] ?? []).map((name) => ({
							name,
							in: 'query',
							type: 'string',
						})),
					},
				]),
			),
		]),
	),
});

const QUERY_OF: Record<string, string[]> = {
	'get /contacts': ['page', 'pageSize', 'email', 'updatedSince'],
	'get /companies': ['page', 'pageSize'],
	'get /lists': ['page', 'pageSize'],
	'get /activities': ['page', 'pageSize', 'type', 'contactId'],
};

const ALL: Record<string, string[]> = {
	'/contacts': ['get', 'post'],
	'/contacts/{contactId}': ['get', 'put', 'delete'],
	'/contacts/{id}/activities': ['post'],
	'/companies': ['get', 'post'],
	'/companies/{id}': ['get', 'put'],
	'/lists': ['get'],
	'/lists/{id}/contacts': ['post'],
	'/lists/{id}/contacts/{contactId}': ['delete'],
	'/activities': ['get'],
};

describe('Loyalistic Check API Paths: comparing the node with an API description', () => {
	test('the version in basePath, or in each path, is the same API; parameter names do not matter', () => {
		const inBase = documentedOperations(swagger('/v1', ALL))!;
		expect(comparePaths(ENDPOINTS, inBase.operations, '/v1')).toMatchObject({
			fits: true,
			found: 15,
		});
		const inPaths = documentedOperations(
			swagger('/', Object.fromEntries(Object.entries(ALL).map(([p, m]) => [`/v1${p}`, m]))),
		)!;
		expect(comparePaths(ENDPOINTS, inPaths.operations, '/v1').fits).toBe(true);
		// Reached through a proxy that adds a path: the document still describes the API from /v1.
		expect(comparePaths(ENDPOINTS, inPaths.operations, '/proxy/loyalistic/v1').fits).toBe(true);
	});

	test('another version is reported, not matched', () => {
		const v2 = documentedOperations(swagger('/v2', ALL))!;
		const report = comparePaths(ENDPOINTS, v2.operations, '/v1');
		expect(report.fits).toBe(false);
		expect(report.found).toBe(0);
		expect(report.missing[0]).toMatchObject({
			operation: 'Contact → Create',
			path: '/v1/contacts',
			closest: [{ method: 'POST', path: '/v2/contacts' }, expect.anything(), expect.anything()],
		});
	});

	test('a document without paths is not an API description', () => {
		expect(documentedOperations({ swagger: '2.0' })).toBeUndefined();
		expect(documentedOperations('<html>')).toBeUndefined();
		expect(documentedOperations({ paths: [] })).toBeUndefined();
	});

	test('query parameter names are compared too, without regard to case; one not listed is reported', () => {
		const other = {
			...QUERY_OF,
			'get /activities': ['Page', 'PageSize', 'activityType', 'contactId'],
		};
		const report = comparePaths(
			ENDPOINTS,
			documentedOperations(swagger('/v1', ALL, other))!.operations,
			'/v1',
		);
		expect(report.fits).toBe(false);
		expect(report.found).toBe(14);
		expect(report.missing).toEqual([
			{
				operation: 'Activity → Get Many',
				method: 'GET',
				path: '/v1/activities',
				problem:
					'the path and method are there, but the query parameter type is not (it lists Page, PageSize, activityType, contactId)',
				methodsOnPath: ['GET'],
				closest: [],
				queryNotListed: ['type'],
				queryListed: ['Page', 'PageSize', 'activityType', 'contactId'],
			},
		]);
		expect(report.summary).toContain(
			'Activity → Get Many (GET /v1/activities): the path and method are there, but the query parameter type is not',
		);
		// A listing documented with no query parameters at all lacks every name the node sends.
		const bare = comparePaths(
			ENDPOINTS,
			documentedOperations(swagger('/v1', ALL, {}))!.operations,
			'/v1',
		);
		expect(bare.missing.map((m) => [m.operation, m.queryNotListed])).toEqual([
			['Contact → Get by Email', ['page', 'pageSize', 'email']],
			['Contact → Get Many (and the trigger)', ['page', 'pageSize', 'updatedSince']],
			['Company → Get Many', ['page', 'pageSize']],
			['List → Get Many', ['page', 'pageSize']],
			['Activity → Get Many', ['page', 'pageSize', 'type', 'contactId']],
		]);
	});

	test("query parameters of the path item and $refs to the document's own parameters count", () => {
		const doc = {
			openapi: '3.0.1',
			servers: [{ url: 'https://api.loyalistic.com/v1' }],
			components: {
				parameters: {
					Page: { name: 'page', in: 'query' },
					'Page~1Size': { name: 'pageSize', in: 'query' },
				},
			},
			paths: {
				'/activities': {
					parameters: [{ $ref: '#/components/parameters/Page' }],
					get: {
						parameters: [
							{ $ref: '#/components/parameters/Page~01Size' },
							{ name: 'type', in: 'query' },
							{ name: 'contactId', in: 'header' },
						],
					},
				},
			},
		};
		expect(documentedOperations(doc)!.operations).toEqual([
			{ method: 'GET', path: '/v1/activities', query: ['page', 'pageSize', 'type'] },
		]);
	});

	test('the credential test reads the Swagger document at the path Check API Paths reads', () => {
		expect(new LoyalisticOAuth2Api().test.request.url).toBe(PATHS.swagger);
		expect(PATHS.swagger).toBe('/swagger/docs/v1');
	});
});
