import { ENDPOINTS } from '../../nodes/Loyalistic/transport';
import { comparePaths, documentedOperations } from '../../nodes/Loyalistic/swaggerCheck';

const swagger = (basePath: string, paths: Record<string, string[]>) => ({
	swagger: '2.0',
	basePath,
	paths: Object.fromEntries(
		Object.entries(paths).map(([p, methods]) => [
			p,
			Object.fromEntries(methods.map((m) => [m, {}])),
		]),
	),
});

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
});
