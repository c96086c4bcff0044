// The provider simulator's core: one node:http server, a tiny router, request parsing, fault switches and
// traffic counters. Each provider is a folder in ./providers whose index registers its routes under its own
// path prefix (/cardlytics, /loyaltylion, ...). Nothing here knows any provider.

import * as http from 'node:http';
import * as crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type {
	ParsedAuthorization,
	ProviderApi,
	ProviderInstance,
	RouteContext,
	RouteHandler,
	RouteMeta,
} from './types.cjs';

class HttpError extends Error {
	status: number;
	body: unknown;
	headers: Record<string, string>;

	/**
	 * @param {number} status
	 * @param {unknown} body   the exact body to answer with (provider-shaped)
	 * @param {Record<string,string>} [headers]
	 */
	constructor(status: number, body: unknown, headers: Record<string, string> = {}) {
		super(typeof body === 'string' ? body : JSON.stringify(body));
		this.status = status;
		this.body = body;
		this.headers = headers;
	}
}

function compilePath(pattern: string): { regex: RegExp; keys: string[] } {
	const keys: string[] = [];
	const source = pattern
		.split('/')
		.map((part) => {
			if (part.startsWith(':')) {
				keys.push(part.slice(1));
				return '([^/]+)';
			}
			return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		})
		.join('/');
	return { regex: new RegExp(`^${source}/?$`), keys };
}

/** The request body: form fields, parsed JSON (any shape), text, or undefined when empty. */
function parseBody(raw: Buffer, contentType: string): RouteContext['body'] {
	if (!raw.length) return undefined;
	const text = raw.toString('utf8');
	if (/application\/x-www-form-urlencoded/.test(contentType)) {
		return Object.fromEntries(new URLSearchParams(text));
	}
	if (/json/.test(contentType) || /^[[{]/.test(text.trim())) {
		try {
			return JSON.parse(text);
		} catch {
			throw new HttpError(400, {
				error: 'malformed_json',
				message: 'The request body is not valid JSON.',
			});
		}
	}
	return text;
}

/** Parses an Authorization header into {scheme, value} or {user, password} for Basic. */
function parseAuthorization(header: string | undefined): ParsedAuthorization | undefined {
	if (!header) return undefined;
	const [scheme, ...rest] = header.split(' ');
	const value = rest.join(' ').trim();
	if (/^basic$/i.test(scheme)) {
		const decoded = Buffer.from(value, 'base64').toString('utf8');
		const at = decoded.indexOf(':');
		return { scheme: 'basic', user: decoded.slice(0, at), password: decoded.slice(at + 1) };
	}
	return { scheme: scheme.toLowerCase(), value };
}

function randomId(prefix = '', bytes = 12): string {
	return prefix + crypto.randomBytes(bytes).toString('hex');
}

/**
 * Fault switches, per provider. A fault applies to the next `count` requests that match (all of the
 * provider's requests unless `path` is a substring to match, and never token requests unless `tokens`).
 *  - { type: 'status', status: 429|500|502|503, count, retryAfter?, body? }
 *  - { type: 'slow', delayMs, count }
 *  - { type: 'reset', count }            destroys the socket mid-answer
 *  - { type: 'malformed', count }        answers 200 with a body that is not JSON
 *  - { type: 'lost', status, count }     does the work, then answers `status` (default 502) as if the
 *                                        answer were lost on the way: what idempotency keys are for
 */
interface FaultScope {
	count?: number;
	/** only requests whose path contains this */
	path?: string;
	/** token requests too */
	tokens?: boolean;
	/** let this many matching requests through first */
	skip?: number;
}

type FaultSpec = FaultScope &
	(
		| { type: 'status'; status: number; retryAfter?: number | string; body?: unknown }
		| { type: 'slow'; delayMs: number }
		| { type: 'reset' }
		| { type: 'malformed' }
		| { type: 'lost'; status?: number }
	);

type Fault = FaultSpec & { count: number; seen: number };

class Faults {
	byProvider!: Map<string, Fault[]>;

	constructor() {
		this.byProvider = new Map();
	}
	add(provider: string, fault: FaultSpec) {
		const list = this.byProvider.get(provider) ?? [];
		list.push({ count: 1, ...fault, seen: 0 });
		this.byProvider.set(provider, list);
	}
	clear(provider?: string) {
		if (provider) this.byProvider.delete(provider);
		else this.byProvider.clear();
	}
	/** Returns the fault to apply to this request, consuming one use of it. */
	take(provider: string, path: string, isToken: boolean): Fault | undefined {
		const list = this.byProvider.get(provider);
		if (!list) return undefined;
		for (const fault of list) {
			if (fault.count <= 0) continue;
			if (isToken && !fault.tokens) continue;
			if (fault.path && !path.includes(fault.path)) continue;
			if (fault.skip && fault.seen < fault.skip) {
				fault.seen++;
				continue;
			}
			fault.count--;
			return fault;
		}
		return undefined;
	}
}

/** One request the simulator received, as its log keeps it. */
interface LoggedRequest {
	provider: string;
	method: string;
	path: string;
	/** the route pattern it matched */
	route: string;
	/** when it arrived, ms since the epoch */
	at: number;
	query: Record<string, string>;
	/** the query string as sent, still percent-encoded ("?a=jane%40x.com"), "" without one */
	rawQuery: string;
	headers: http.IncomingHttpHeaders;
	body: RouteContext['body'];
	rawBody: string;
	status?: number;
}

class Stats {
	requests!: Record<string, number>;
	tokens!: Record<string, number>;
	/** answers per provider and HTTP status, e.g. statuses.loyalistic['429'] */
	statuses!: Record<string, Record<string, number>>;
	log!: LoggedRequest[];

	constructor() {
		this.reset();
	}
	reset() {
		/** requests per "provider METHOD /route/pattern" */
		this.requests = {};
		/** tokens issued per provider */
		this.tokens = {};
		this.statuses = {};
		/** every request seen, newest last (method, path, headers, body), capped */
		this.log = [];
	}
	count(key: string) {
		this.requests[key] = (this.requests[key] ?? 0) + 1;
	}
	token(provider: string) {
		this.tokens[provider] = (this.tokens[provider] ?? 0) + 1;
	}
	answered(provider: string, status: number) {
		const byStatus = (this.statuses[provider] ??= {});
		byStatus[status] = (byStatus[status] ?? 0) + 1;
	}
	/** Answers of one provider with one status (429 for the rate limits). */
	status(provider: string, status: number): number {
		return this.statuses[provider]?.[status] ?? 0;
	}
	total(provider: string): number {
		return Object.entries(this.requests)
			.filter(([k]) => k.startsWith(provider + ' '))
			.reduce((n, [, v]) => n + v, 0);
	}
	get(provider: string, method: string, pattern: string): number {
		return this.requests[`${provider} ${method} ${pattern}`] ?? 0;
	}
}

function send(
	res: http.ServerResponse,
	status: number,
	body: unknown,
	headers: Record<string, string> = {},
): void {
	if (res.writableEnded) return;
	let payload: Buffer;
	const outHeaders: Record<string, string> = { ...headers };
	if (Buffer.isBuffer(body)) {
		payload = body;
	} else if (typeof body === 'string') {
		payload = Buffer.from(body);
		if (!Object.keys(outHeaders).some((h) => h.toLowerCase() === 'content-type'))
			outHeaders['Content-Type'] = 'text/plain; charset=utf-8';
	} else if (body === undefined) {
		payload = Buffer.alloc(0);
	} else {
		payload = Buffer.from(JSON.stringify(body));
		if (!Object.keys(outHeaders).some((h) => h.toLowerCase() === 'content-type'))
			outHeaders['Content-Type'] = 'application/json; charset=utf-8';
	}
	outHeaders['Content-Length'] = String(payload.length);
	res.writeHead(status, outHeaders);
	res.end(payload);
}

/**
 * The network between the nodes and the providers: a latency per request (half on the way there, half on the
 * way back), and rate limits per provider and caller that the provider does not publish (answered 429 with
 * no Retry-After, before the request does anything). LoyaltyLion's published limit lives in its module.
 */
class Network {
	latencyMs = 0;
	/** provider → requests per second per caller */
	rateLimits: Record<string, number> = {};
	private hits = new Map<string, number[]>();

	set({ latencyMs, rateLimits }: { latencyMs?: number; rateLimits?: Record<string, number> } = {}) {
		if (latencyMs !== undefined) this.latencyMs = Math.max(0, Number(latencyMs) || 0);
		if (rateLimits !== undefined) this.rateLimits = { ...rateLimits };
		this.hits.clear();
	}
	/** Forgets the requests counted so far (every rate window starts empty). */
	clearWindows() {
		this.hits.clear();
	}
	async delay() {
		if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs / 2));
	}
	/** True when this request goes over the caller's hidden limit (it is then not counted as accepted). */
	overLimit(provider: string, caller: string): boolean {
		const limit = this.rateLimits[provider];
		if (!limit) return false;
		const key = `${provider} ${caller}`;
		const now = Date.now();
		const recent = (this.hits.get(key) ?? []).filter((t) => now - t < 1000);
		if (recent.length >= limit) {
			this.hits.set(key, recent);
			return true;
		}
		recent.push(now);
		this.hits.set(key, recent);
		return false;
	}
}

/** A provider module, as the core loads it. */
interface ProviderModule {
	name: string;
	/** every route "METHOD /pattern" -> the reference address, or "assumed: why" */
	SOURCES?: Record<string, string>;
	// Each module types its own options; the core hands it whatever the caller gave under its name.
	create(api: ProviderApi, options: any): ProviderInstance;
}

interface SimulatorOptions {
	/** called with every token the simulator issues */
	onSecret?: (value: string) => void;
	network?: { latencyMs?: number; rateLimits?: Record<string, number> };
	/** per provider name: that module's options */
	[provider: string]: unknown;
}

interface Route {
	provider: string;
	method: string;
	pattern: string;
	regex: RegExp;
	keys: string[];
	handler: RouteHandler;
	meta: RouteMeta & { source: string };
}

/** A control endpoint a provider instance offers under /__control/<provider>/<name>. */
type ControlHandler = (body: RouteContext['body']) => unknown;

function controlsOf(
	inst: ProviderInstance | undefined,
): Record<string, ControlHandler> | undefined {
	return inst?.control as Record<string, ControlHandler> | undefined;
}

interface Simulator {
	faults: Faults;
	stats: Stats;
	network: Network;
	instances: Record<string, ProviderInstance>;
	url: string;
	port?: number;
	server?: http.Server;
	/** Bodies posted to /__control/record, in arrival order. */
	recorded: unknown[];
	resetRateWindows(): void;
	baseUrl(name: string): string;
	start(port?: number, host?: string): Promise<Simulator>;
	stop(): Promise<void>;
	requestsTo(provider: string, method: string, pattern: string): number;
}

/**
 * Creates the simulator. `providers` is a list of provider modules; `options[name]` is passed to each
 * module's `create(ctx, options)`. Returns { start(port), stop(), url, faults, stats, state, provider(name) }.
 */
function createSimulator(
	providerModules: readonly ProviderModule[],
	options: SimulatorOptions = {},
): Simulator {
	const { onSecret = () => {}, network: networkOptions, ...providerOptions } = options;
	const network = new Network();
	network.set(networkOptions);
	const faults = new Faults();
	const stats = new Stats();
	const routes: Route[] = [];
	const instances: Record<string, ProviderInstance> = {};
	const sim: Simulator = {
		faults,
		stats,
		network,
		instances,
		url: '',
		recorded: [],
		/** Empties every rate window: the core's undisclosed limits and each provider's published one. */
		resetRateWindows: () => {
			network.clearWindows();
			for (const inst of Object.values(instances)) inst.resetRateWindow?.();
		},
		/** Absolute base URL of a provider, e.g. http://127.0.0.1:4010/cardlytics */
		baseUrl: (name) => `${sim.url}/${name}`,
		// The server is created below; these run only once createSimulator has returned.
		start: (port = 0, host = '127.0.0.1') =>
			new Promise((resolve, reject) => {
				server.once('error', reject);
				server.listen(port, host, () => {
					const addr = server.address() as AddressInfo;
					sim.port = addr.port;
					sim.url = `http://${host}:${addr.port}`;
					resolve(sim);
				});
			}),
		stop: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections?.();
				server.close(() => resolve());
			}),
		requestsTo: (provider, method, pattern) => stats.get(provider, method, pattern),
	};

	for (const mod of providerModules) {
		const routeApi: ProviderApi = {
			/** Register a handler: ({params, query, body, headers, req, rawBody}) => {status, body, headers} */
			route(method, pattern, handler, meta = {}) {
				// Every route names its source (a reference page, a seed document, or "assumed: why").
				const source = mod.SOURCES?.[`${method} ${pattern}`];
				if (!source)
					throw new Error(
						`The ${mod.name} simulator route ${method} ${pattern} names no source: add it to SOURCES in its module`,
					);
				const full = `/${mod.name}${pattern}`;
				routes.push({
					provider: mod.name,
					method,
					pattern,
					...compilePath(full),
					handler,
					meta: { ...meta, source },
				});
			},
			sim,
			HttpError,
			randomId,
			parseAuthorization,
			/** Report a token the simulator issued (tests scan outputs for every such secret). */
			secret: (value) => onSecret(value),
		};
		instances[mod.name] = mod.create(routeApi, providerOptions[mod.name] ?? {});
	}

	// The control API lets tests running in another process (a real n8n) switch faults and read counters.
	const control = async (
		req: http.IncomingMessage,
		res: http.ServerResponse,
		url: URL,
		body: RouteContext['body'],
	) => {
		if (url.pathname === '/__control/stats' && req.method === 'GET') {
			return send(res, 200, {
				requests: stats.requests,
				tokens: stats.tokens,
				statuses: stats.statuses,
			});
		}
		// A sink a workflow under test can post what it received to (e2e tests count deliveries with it).
		if (url.pathname === '/__control/record' && req.method === 'POST') {
			sim.recorded.push(body);
			return send(res, 200, { ok: true });
		}
		if (url.pathname === '/__control/routes' && req.method === 'GET') {
			return send(
				res,
				200,
				routes.map((r) => ({
					provider: r.provider,
					method: r.method,
					pattern: r.pattern,
					source: r.meta.source,
				})),
			);
		}
		if (url.pathname === '/__control/reset' && req.method === 'POST') {
			stats.reset();
			faults.clear();
			return send(res, 200, { ok: true });
		}
		// Latency and undisclosed rate limits: {latencyMs, rateLimits: {provider: perSecond}}.
		if (url.pathname === '/__control/network' && req.method === 'POST') {
			network.set(body ?? {});
			return send(res, 200, { latencyMs: network.latencyMs, rateLimits: network.rateLimits });
		}
		if (url.pathname === '/__control/faults' && req.method === 'POST') {
			faults.add(body.provider, body.fault);
			return send(res, 200, { ok: true });
		}
		const m = url.pathname.match(/^\/__control\/([^/]+)\/(.+)$/);
		const controlHandler = m ? controlsOf(instances[m[1]])?.[m[2]] : undefined;
		if (controlHandler && req.method === 'POST') {
			return send(res, 200, (await controlHandler(body ?? {})) ?? { ok: true });
		}
		return send(res, 404, { error: 'unknown control endpoint' });
	};

	const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
		const url = new URL(req.url ?? '/', 'http://sandbox.local');
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk);
		const rawBody = Buffer.concat(chunks);
		let body: RouteContext['body'];
		try {
			body = parseBody(rawBody, req.headers['content-type'] ?? '');
		} catch (error) {
			if (error instanceof HttpError) return send(res, error.status, error.body);
			throw error;
		}
		if (url.pathname.startsWith('/__control/')) return control(req, res, url, body);
		if (url.pathname === '/' || url.pathname === '/health') {
			return send(res, 200, { ok: true, providers: Object.keys(instances) });
		}

		const candidates = routes.filter((r) => r.regex.test(url.pathname));
		const route = candidates.find((r) => r.method === req.method);
		if (!route) {
			const provider = url.pathname.split('/')[1];
			const inst = instances[provider];
			if (candidates.length) {
				// The refusal names the method, the path and the methods the path has, so a caller can act on it;
				// a provider with its own error shape answers in it.
				const allowed = [...new Set(candidates.map((r) => r.method))];
				const message = `${req.method} is not allowed on ${url.pathname}; it takes ${allowed.join(', ')}`;
				const headers = { allow: allowed.join(', ') };
				if (inst?.methodNotAllowed) {
					const out = inst.methodNotAllowed({
						method: req.method,
						path: url.pathname,
						allowed,
						message,
					});
					return send(res, out.status, out.body, { ...headers, ...out.headers });
				}
				return send(res, 405, { error: 'method_not_allowed', message }, headers);
			}
			if (inst?.notFound) {
				const out = inst.notFound({ method: req.method, path: url.pathname });
				return send(res, out.status, out.body, out.headers);
			}
			return send(res, 404, {
				error: 'not_found',
				message: `No route ${req.method} ${url.pathname}`,
			});
		}
		const provider = route.provider;
		const inst = instances[provider];
		await network.delay();
		// Every answer of a provider route: counted by status, and half the latency on its way back.
		const reply = async (
			status: number,
			payload: unknown,
			headers: Record<string, string> = {},
		) => {
			stats.answered(provider, status);
			entry.status = status;
			await network.delay();
			send(res, status, payload, headers);
		};
		stats.count(`${provider} ${route.method} ${route.pattern}`);
		if (stats.log.length > 5000) stats.log.shift();
		const entry: LoggedRequest = {
			provider,
			// a server request always has a method
			method: req.method ?? '',
			path: url.pathname,
			route: route.pattern,
			at: Date.now(),
			query: Object.fromEntries(url.searchParams),
			rawQuery: url.search,
			headers: { ...req.headers },
			body,
			rawBody: rawBody.toString('utf8'),
		};
		stats.log.push(entry);

		// The route was picked because its regex matches this path.
		const values = route.regex.exec(url.pathname)!.slice(1).map(decodeURIComponent);
		const params = Object.fromEntries(route.keys.map((k, i) => [k, values[i]]));
		const ctx: RouteContext = {
			req,
			params,
			query: url.searchParams,
			body,
			rawBody,
			headers: req.headers,
			url,
			origin: `http://${req.headers.host}`,
		};

		// Headers every answer of this provider carries (e.g. a request id), computed once per request.
		const common = inst.commonHeaders ? inst.commonHeaders(ctx) : {};
		// Limits count per client (a provider module names it from the token), else per API key or header.
		const caller =
			inst.callerOf?.(ctx) ?? req.headers['x-api-key'] ?? req.headers.authorization ?? 'anonymous';
		if (!route.meta.token && network.overLimit(provider, String(caller))) {
			return await reply(
				429,
				inst.faultBody ? inst.faultBody(429, ctx) : { error: 'HTTP 429' },
				common,
			);
		}
		const fault = faults.take(provider, url.pathname, Boolean(route.meta.token));
		if (fault) {
			if (fault.type === 'slow') {
				await new Promise((r) => setTimeout(r, fault.delayMs));
			} else if (fault.type === 'reset') {
				res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
				res.write('{"partial":');
				setTimeout(() => req.socket.destroy(), 5);
				return;
			} else if (fault.type === 'malformed') {
				return await reply(200, '{"this is": not json', {
					...common,
					'Content-Type': 'application/json',
				});
			} else if (fault.type === 'status') {
				const headers: Record<string, string> = { ...common };
				if (fault.retryAfter !== undefined) headers['Retry-After'] = String(fault.retryAfter);
				const errBody =
					fault.body ??
					(inst.faultBody ? inst.faultBody(fault.status, ctx) : { error: `HTTP ${fault.status}` });
				return await reply(fault.status, errBody, headers);
			}
		}

		try {
			const out = (await route.handler(ctx)) ?? { status: 204 };
			if (fault?.type === 'lost') {
				return await reply(
					fault.status ?? 502,
					inst.faultBody ? inst.faultBody(fault.status ?? 502, ctx) : { error: 'bad gateway' },
					common,
				);
			}
			await reply(out.status ?? 200, out.body, { ...common, ...(out.headers ?? {}) });
		} catch (error) {
			if (error instanceof HttpError) {
				return await reply(error.status, error.body, { ...common, ...error.headers });
			}
			console.error('[sandbox] handler crashed', error);
			await reply(500, inst.faultBody ? inst.faultBody(500, ctx) : { error: 'internal' }, common);
		}
	};

	const server = http.createServer((req, res) => {
		handle(req, res).catch((error) => {
			console.error('[sandbox]', error);
			send(res, 500, { error: 'internal' });
		});
	});
	server.keepAliveTimeout = 5000;

	sim.server = server;
	return sim;
}

export { createSimulator, HttpError, randomId, parseAuthorization, send };
export type { FaultSpec, LoggedRequest, ProviderModule, Simulator, SimulatorOptions };
