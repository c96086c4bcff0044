// The contract between the simulator core and its provider modules, so that both sides type-check
// without implicit `any`. Request bodies stay `any`: each handler validates them with its zod schema.
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

/** What a route handler receives for one request. */
export interface RouteContext {
	req: IncomingMessage;
	params: Record<string, string>;
	query: URLSearchParams;
	body: any;
	rawBody: Buffer;
	headers: IncomingHttpHeaders;
	url: URL;
	origin: string;
}

/** What a route handler answers; nothing means 204. */
export interface RouteResult {
	status?: number;
	body?: unknown;
	headers?: Record<string, string>;
}

export type RouteHandler = (
	ctx: RouteContext,
) => RouteResult | void | undefined | Promise<RouteResult | void | undefined>;

export interface RouteMeta {
	/** A token endpoint: faults aimed at API calls skip it. */
	token?: boolean;
	[key: string]: unknown;
}

/** An Authorization header: {scheme, value}, or {scheme: 'basic', user, password}. */
export interface ParsedAuthorization {
	scheme: string;
	value?: string;
	user?: string;
	password?: string;
}

/** A request no route matched. */
export interface Unrouted {
	method: string | undefined;
	path: string;
	allowed?: string[];
	message?: string;
}

/** The API the core hands each provider module's `create`. */
export interface ProviderApi {
	route(method: string, pattern: string, handler: RouteHandler, meta?: RouteMeta): void;
	sim: any;
	HttpError: new (status: number, body: unknown, headers?: Record<string, string>) => Error;
	randomId(prefix?: string, bytes?: number): string;
	parseAuthorization(header: string | undefined): ParsedAuthorization | undefined;
	/** Report a token the simulator issued (tests scan outputs for every such secret). */
	secret(value: string): void;
}

/** A request whose path takes other methods: the core lists them and words the refusal in `message`. */
export interface MethodNotAllowed extends Unrouted {
	allowed: string[];
	message: string;
}

/** The optional hooks a provider instance gives the core. */
export interface ProviderInstance {
	resetRateWindow?(): void;
	methodNotAllowed?(request: MethodNotAllowed): RouteResult & { status: number };
	notFound?(request: Unrouted): RouteResult & { status: number };
	commonHeaders?(ctx: RouteContext): Record<string, string>;
	callerOf?(ctx: RouteContext): string | undefined;
	faultBody?(status: number, ctx: RouteContext): unknown;
	[key: string]: unknown;
}
