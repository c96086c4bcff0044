import type { IDataObject } from 'n8n-workflow';

/**
 * One request the node makes: its operation, method, path template (relative to the API Base URL) and the
 * query parameter names it may send.
 */
export interface Endpoint {
	operation: string;
	method: string;
	path: string;
	query?: readonly string[];
}

/**
 * One operation an API description lists: its method, full path (basePath or server path included) and the
 * names of its query parameters (the path item's and the operation's own).
 */
export interface Documented {
	method: string;
	path: string;
	query: string[];
}

/**
 * The account's own API description: https://help.loyalistic.com/help/using-loyalistic-api names
 * https://api.loyalistic.com/v1/swagger/docs/v1, i.e. this path under the default API Base URL. Kept here,
 * free of node code, so that the credential test reads the same constant as the transport.
 */
export const SWAGGER_PATH = '/swagger/docs/v1';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

function joinPath(prefix: string, path: string): string {
	const joined = `${prefix.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
	return joined.length > 1 ? joined.replace(/\/+$/, '') : '/';
}

/** The names of the `in: query` parameters in a parameters array, `$ref`s to the document's own resolved. */
function queryNames(parameters: unknown, document: IDataObject): string[] {
	if (!Array.isArray(parameters)) return [];
	const names: string[] = [];
	for (let p of parameters as IDataObject[]) {
		const ref = p && typeof p === 'object' ? p.$ref : undefined;
		if (typeof ref === 'string' && ref.startsWith('#/')) {
			// '#/parameters/X' (Swagger 2.0) or '#/components/parameters/X' (OpenAPI 3), with ~1 and ~0 escapes.
			let target: unknown = document;
			for (const part of ref.slice(2).split('/'))
				target = (target as IDataObject | undefined)?.[
					part.replace(/~1/g, '/').replace(/~0/g, '~')
				];
			p = target as IDataObject;
		}
		if (p && typeof p === 'object' && p.in === 'query' && typeof p.name === 'string')
			names.push(p.name);
	}
	return names;
}

function pathnameOf(url: string): string {
	try {
		return new URL(url, 'http://relative.invalid').pathname;
	} catch {
		return '/';
	}
}

/**
 * The operations of a Swagger 2.0 document (basePath + paths) or an OpenAPI 3 document (the first server's
 * path + paths), or undefined when the answer is neither.
 */
export function documentedOperations(
	document: unknown,
): { operations: Documented[]; title?: string; version?: string; format: string } | undefined {
	if (!document || typeof document !== 'object') return undefined;
	const doc = document as {
		swagger?: string;
		openapi?: string;
		basePath?: string;
		servers?: Array<{ url?: string }>;
		paths?: Record<string, Record<string, unknown>>;
		info?: { title?: string; version?: string };
	};
	if (!doc.paths || typeof doc.paths !== 'object' || Array.isArray(doc.paths)) return undefined;
	const prefix = doc.openapi
		? pathnameOf(String(doc.servers?.[0]?.url ?? '/'))
		: String(doc.basePath ?? '/');
	const operations: Documented[] = [];
	for (const [path, item] of Object.entries(doc.paths)) {
		if (!item || typeof item !== 'object') continue;
		const shared = queryNames(item.parameters, doc as IDataObject);
		for (const method of Object.keys(item))
			if (METHODS.includes(method.toLowerCase()))
				operations.push({
					method: method.toUpperCase(),
					path: joinPath(prefix, path),
					query: [
						...new Set([
							...shared,
							...queryNames(
								(item[method] as IDataObject | undefined)?.parameters,
								doc as IDataObject,
							),
						]),
					],
				});
	}
	return {
		operations,
		title: doc.info?.title,
		version: doc.info?.version,
		format: doc.openapi ? `OpenAPI ${doc.openapi}` : `Swagger ${doc.swagger ?? '(no version)'}`,
	};
}

/** A path compared as a route: lower case, no trailing slash, every {parameter} alike. */
function routeKey(path: string): string {
	return (
		path
			.toLowerCase()
			.replace(/\{[^}]*\}/g, '{}')
			.replace(/\/+$/, '') || '/'
	);
}

function levenshtein(a: string, b: string): number {
	const row = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		let previous = row[0];
		row[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const current = row[j];
			row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
			previous = current;
		}
	}
	return row[b.length];
}

/** How far apart two methods are as alternatives: PUT and PATCH both change a record, POST nearly so. */
function methodDistance(a: string, b: string): number {
	if (a === b) return 0;
	const writes = ['POST', 'PUT', 'PATCH'];
	if ([a, b].every((m) => m === 'PUT' || m === 'PATCH')) return 1;
	return writes.includes(a) && writes.includes(b) ? 2 : 3;
}

/**
 * The documented operations nearest to a request, segment by segment: a differing segment costs 1 (plus up to
 * 0.5 by spelling), a missing or extra one 2, another method up to 3, and an operation another of the node's
 * requests already uses 2 more (the account's alternatives are most likely among the ones the node ignores).
 */
function closest(
	endpoint: { method: string; full: string },
	documented: Documented[],
	used: Set<string>,
): Documented[] {
	const mine = routeKey(endpoint.full).split('/');
	return documented
		.map((d) => {
			const theirs = routeKey(d.path).split('/');
			let distance = 2 * Math.abs(theirs.length - mine.length);
			for (let k = 0; k < Math.min(mine.length, theirs.length); k++) {
				if (mine[k] === theirs[k]) continue;
				const longest = Math.max(mine[k].length, theirs[k].length, 1);
				distance += 1 + (0.5 * levenshtein(mine[k], theirs[k])) / longest;
			}
			distance += methodDistance(d.method, endpoint.method);
			if (used.has(`${d.method} ${routeKey(d.path)}`)) distance += 2;
			return { d, distance };
		})
		.sort(
			(x, y) =>
				x.distance - y.distance ||
				x.d.path.localeCompare(y.d.path) ||
				x.d.method.localeCompare(y.d.method),
		)
		.slice(0, 3)
		.map((x) => x.d);
}

export interface PathReport {
	fits: boolean;
	summary: string;
	checked: number;
	found: number;
	missing: IDataObject[];
}

/**
 * Which of the node's requests the API description does not list, and what it lists nearest to each.
 * `basePath` is the path of the API Base URL (e.g. /v1), which the node puts before every path. A document
 * may describe the API from a shorter prefix than the one it is reached at (behind a proxy that adds a path,
 * or with the version in its basePath): the prefix compared is the ending of `basePath` under which the
 * document lists the most of the node's requests.
 */
export function comparePaths(
	endpoints: ReadonlyArray<Endpoint>,
	documented: Documented[],
	basePath: string,
): PathReport {
	const segments = basePath.split('/').filter(Boolean);
	let best: PathReport | undefined;
	for (let start = 0; start <= segments.length; start++) {
		const report = compareUnder(endpoints, documented, `/${segments.slice(start).join('/')}`);
		if (!best || report.found > best.found) best = report;
	}
	return best!;
}

function compareUnder(
	endpoints: ReadonlyArray<Endpoint>,
	documented: Documented[],
	prefix: string,
): PathReport {
	const byRoute = new Map<string, Set<string>>();
	const queryOf = new Map<string, string[]>();
	for (const d of documented) {
		const key = routeKey(d.path);
		if (!byRoute.has(key)) byRoute.set(key, new Set());
		byRoute.get(key)!.add(d.method);
		queryOf.set(`${d.method} ${key}`, d.query ?? []);
	}
	const used = new Set<string>();
	for (const e of endpoints) {
		const key = routeKey(joinPath(prefix, e.path));
		if (byRoute.get(key)?.has(e.method)) used.add(`${e.method} ${key}`);
	}
	const missing: IDataObject[] = [];
	for (const e of endpoints) {
		const full = joinPath(prefix, e.path);
		const methods = byRoute.get(routeKey(full));
		if (methods?.has(e.method)) {
			// Query names are compared without regard to case, as ASP.NET binds them (assumed, like the API).
			const listed = queryOf.get(`${e.method} ${routeKey(full)}`) ?? [];
			const lower = new Set(listed.map((n) => n.toLowerCase()));
			const unlisted = (e.query ?? []).filter((n) => !lower.has(n.toLowerCase()));
			if (unlisted.length)
				missing.push({
					operation: e.operation,
					method: e.method,
					path: full,
					problem: `the path and method are there, but the query parameter${unlisted.length > 1 ? 's' : ''} ${unlisted.join(', ')} ${unlisted.length > 1 ? 'are' : 'is'} not (it lists ${listed.length ? listed.join(', ') : 'none'})`,
					methodsOnPath: [...methods].sort(),
					closest: [],
					queryNotListed: unlisted,
					queryListed: listed,
				});
			continue;
		}
		const onPath = methods ? [...methods].sort() : [];
		missing.push({
			operation: e.operation,
			method: e.method,
			path: full,
			problem: onPath.length
				? `the path is there, but with ${onPath.join(', ')} only, not ${e.method}`
				: 'the path is not in the API description',
			methodsOnPath: onPath,
			queryNotListed: [],
			queryListed: [],
			closest: closest({ method: e.method, full }, documented, used).map((d) => ({
				method: d.method,
				path: d.path,
			})),
		});
	}
	const checked = endpoints.length;
	const found = checked - missing.length;
	const fits = missing.length === 0;
	const summary = fits
		? `All ${checked} requests the node makes are in the API description Loyalistic serves to this credential: the node's assumed paths, methods and query parameter names fit it (body fields and answers are not compared).`
		: `${missing.length} of the ${checked} requests the node makes are not in the API description Loyalistic serves to this credential: ${missing
				.map(
					(m) =>
						`${String(m.operation)} (${String(m.method)} ${String(m.path)}): ${String(m.problem)}${
							((m.closest as Documented[] | undefined) ?? []).length
								? `; nearest: ${(m.closest as Documented[]).map((c) => `${c.method} ${c.path}`).join(', ')}`
								: ''
						}`,
				)
				.join(
					'. ',
				)}. Those operations will fail against this account until their paths and query names are corrected in the Loyalistic node (its TEMPLATES, CALLS and QUERY, all in one place).`;
	return { fits, summary, checked, found, missing };
}
