import type {
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	IPollFunctions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';
import { isCredentialRefused } from './credential-error';
import { flowFor } from './flow';

/** Any n8n context that can send an authenticated request. */
export type RequestContext = IExecuteFunctions | IHookFunctions | ILoadOptionsFunctions | IWebhookFunctions | IPollFunctions;

/** What a provider's error body (or success envelope) says went wrong. */
export interface ProviderError {
	message?: string;
	code?: string;
}

/**
 * Everything the shared request core needs to know about one provider. Each provider's transport.ts
 * builds one of these; nothing provider-specific lives in this file.
 */
export interface Provider {
	/** Shown to the user in every message, e.g. "Cardlytics". */
	name: string;
	/** Name of the credential type the node authenticates with. */
	credentialType: string;
	/** Response headers that carry the provider's request id, lower case. */
	requestIdHeaders?: string[];
	/** Reads the provider's error body; returns what it could find. */
	parseError(body: unknown): ProviderError;
	/** Providers that answer HTTP 200 with an error envelope: return the error, or undefined if all is well. */
	envelopeError?(body: unknown): ProviderError | undefined;
	/** What the user should do, by HTTP status. */
	hints?: Partial<Record<number, string>>;
	/** Retry policy override (tests and benchmarks keep the default). */
	retry?: Partial<RetryPolicy>;
	/** Milliseconds before a request is abandoned (and, if safe, retried); 60 s unless set. */
	timeoutMs?: number;
	/** Its credential type extends oAuth2Api (n8n then reads the credential itself on every request). */
	oauth2?: boolean;
	/** The provider's documented request rate, kept client-side so a run does not provoke 429s. */
	rateLimit?: { requests: number; perMs: number };
}

export interface RetryPolicy {
	/** Attempts in all, the first included. */
	maxAttempts: number;
	/** First backoff delay when the server gives no Retry-After; doubles each time. */
	baseDelayMs: number;
	/** No backoff of ours is longer than this. */
	maxDelayMs: number;
	/**
	 * The longest Retry-After waited for, exactly as asked. A provider asking for longer makes the request fail
	 * at once with an error that says how long it asked to wait (a workflow should not hang for minutes).
	 */
	maxRetryAfterMs: number;
	/**
	 * The time one request may take in all, attempts and waits included. Unset: every attempt may use its whole
	 * timeout, plus one minute of waiting between attempts (6 minutes at the defaults), so a request that timed
	 * out is still retried.
	 */
	maxTotalMs?: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
	maxAttempts: 5,
	baseDelayMs: 250,
	maxDelayMs: 15_000,
	maxRetryAfterMs: 60_000,
};

/** Attempts and waits of one request, in all: the policy's, or each attempt's timeout plus a minute of waits. */
export function retryBudgetMs(policy: RetryPolicy, timeoutMs: number): number {
	return policy.maxTotalMs ?? policy.maxAttempts * timeoutMs + 60_000;
}

export interface RequestSpec {
	method: IHttpRequestMethods;
	/** Absolute URL. */
	url: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[] | string;
	headers?: Record<string, string>;
	/** Send `body` as application/x-www-form-urlencoded instead of JSON. */
	form?: boolean;
	/** Return the body as a Buffer (file downloads). */
	binary?: boolean;
	/**
	 * Whether sending the request twice has the same effect as once. Defaults to true for GET, HEAD, PUT and
	 * DELETE. Only idempotent requests are retried after a 5xx or a broken connection; a 429 is always retried
	 * because the provider refused it before doing anything.
	 */
	idempotent?: boolean;
	/** Milliseconds before the request is abandoned. */
	timeout?: number;
	/** The input item this request serves, named in errors. */
	itemIndex?: number;
	/** Send without credentials (pre-signed URLs). */
	unauthenticated?: boolean;
	/** Credential type to send with, when the node lets the user choose one (else the provider's). */
	credentialType?: string;
	/** Rate to keep for this credential, when the user can set it (else the provider's documented one). */
	rateLimit?: { requests: number; perMs: number };
	/** The credential type extends oAuth2Api: n8n reads it itself on every request. */
	oauth2?: boolean;
}

export interface ApiResponse<T = unknown> {
	statusCode: number;
	headers: Record<string, string>;
	body: T;
	requestId?: string;
	/** Attempts it took, 1 when the first one succeeded. */
	attempts: number;
}

interface Failure {
	status?: number;
	headers: Record<string, string>;
	body?: unknown;
	/** Transport error code such as ECONNRESET. */
	code?: string;
	message: string;
	credentialFailure?: boolean;
	/** What the provider said when it refused a token, when a credential's preAuthentication knew it. */
	credentialReason?: string;
}

const TRANSIENT_CODES = new Set([
	'MALFORMED_JSON',
	'ECONNRESET',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'UND_ERR_SOCKET',
	'ERR_BAD_RESPONSE',
]);

function lowerCaseHeaders(headers: unknown): Record<string, string> {
	const out: Record<string, string> = {};
	if (!headers || typeof headers !== 'object') return out;
	const source =
		typeof (headers as { toJSON?: () => unknown }).toJSON === 'function'
			? ((headers as { toJSON: () => unknown }).toJSON() as Record<string, unknown>)
			: (headers as Record<string, unknown>);
	for (const [key, value] of Object.entries(source)) {
		if (value === undefined || value === null) continue;
		out[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
	}
	return out;
}

function decodeBody(data: unknown): unknown {
	if (data === undefined || data === null) return data;
	let text: string | undefined;
	if (Buffer.isBuffer(data)) text = data.toString('utf8');
	else if (data instanceof ArrayBuffer) text = Buffer.from(data).toString('utf8');
	else if (typeof data === 'string') text = data;
	if (text === undefined) return data;
	if (text === '') return undefined; // an empty answer (201, 204): nothing to parse
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

/** Turns whatever n8n's request helpers threw into the facts that matter, without keeping the request. */
function describeFailure(error: unknown): Failure {
	let raw: unknown = error;
	// n8n wraps errors of non-OAuth2 credentials in NodeApiError; the HTTP facts are on the cause.
	if (raw instanceof NodeApiError || raw instanceof NodeOperationError) {
		raw = (raw as Error).cause ?? raw;
	}
	const e = (raw ?? {}) as {
		message?: string;
		code?: string;
		status?: number;
		response?: { status?: number; headers?: unknown; data?: unknown };
		cause?: { code?: string; message?: string; status?: number; body?: unknown };
	};
	const message = String(e.message ?? error ?? 'Unknown error');
	if (isCredentialRefused(raw)) {
		return { status: raw.httpStatus, headers: {}, message, credentialFailure: true, credentialReason: raw.reason };
	}
	if (/Failed to acquire OAuth2 access token/i.test(message)) {
		return {
			status: e.cause?.status,
			headers: {},
			body: e.cause?.body,
			message,
			credentialFailure: true,
		};
	}
	if (e.response && e.response.status !== undefined && e.response.status >= 200 && e.response.status < 300) {
		// The answer started well, then the connection broke before its end (reset, cut body).
		return { headers: lowerCaseHeaders(e.response.headers), message, code: e.code && e.code !== 'ERR_BAD_RESPONSE' ? e.code : 'ECONNRESET' };
	}
	if (e.response) {
		return {
			status: e.response.status,
			headers: lowerCaseHeaders(e.response.headers),
			body: decodeBody(e.response.data),
			message,
			code: e.code,
		};
	}
	return { headers: {}, message, code: e.code ?? e.cause?.code };
}

function retryAfterMs(headers: Record<string, string>): number | undefined {
	const value = headers['retry-after'];
	if (value === undefined || value === '') return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function isTransient(failure: Failure): boolean {
	if (failure.code && TRANSIENT_CODES.has(failure.code)) return true;
	return /socket hang up|timeout of \d+ms exceeded|aborted/i.test(failure.message);
}

function requestIdOf(provider: Provider, headers: Record<string, string>): string | undefined {
	for (const name of provider.requestIdHeaders ?? []) {
		if (headers[name]) return headers[name];
	}
	return undefined;
}

function describeWhere(spec: RequestSpec): string {
	const path = spec.url.replace(/^https?:\/\/[^/]+/, '').split('?')[0];
	return `${spec.method} ${path}`;
}

/**
 * The one error mapper: turns a failed request into a NodeApiError that says what the provider said, the
 * HTTP status, the provider's request id, which item, and what to do. It never copies the request (whose
 * headers hold the token) into the error.
 */
export function toNodeApiError(
	ctx: RequestContext,
	provider: Provider,
	spec: RequestSpec,
	failure: Failure,
	attempts: number,
): NodeApiError {
	const node = ctx.getNode();
	const itemText = spec.itemIndex !== undefined ? ` (item ${spec.itemIndex})` : '';
	const credentialName = node.credentials?.[provider.credentialType]?.name;
	const credentialText = credentialName ? `the "${credentialName}" credential` : 'the credential';

	if (failure.credentialFailure) {
		const parsed = provider.parseError(failure.body);
		const reason = failure.credentialReason ?? parsed.code ?? parsed.message ?? 'the token endpoint refused the client';
		const said = !failure.credentialReason && parsed.message && parsed.message !== reason ? `: ${parsed.message}` : '.';
		return new NodeApiError(
			node,
			{ message: `Could not get an access token from ${provider.name}: ${reason}` } as JsonObject,
			{
				message: `${provider.name} refused the credential: could not get an access token (${reason})`,
				description: `Check the client ID, the client secret and the base URL or environment in ${credentialText}. The token endpoint answered${failure.status ? ` HTTP ${failure.status}` : ''}${said}`,
				httpCode: String(failure.status ?? 401),
				itemIndex: spec.itemIndex,
			},
		);
	}

	const requestId = requestIdOf(provider, failure.headers);
	const parsed = failure.body !== undefined ? provider.parseError(failure.body) : {};
	const where = describeWhere(spec);
	const idText = requestId ? ` [request ID ${requestId}]` : '';
	const retried = attempts > 1 ? ` after ${attempts} attempts` : '';

	if (failure.status === undefined) {
		const timedOut = failure.code === 'ECONNABORTED' || failure.code === 'ETIMEDOUT' || /timeout/i.test(failure.message);
		const seconds = (spec.timeout ?? provider.timeoutMs ?? 60_000) / 1000;
		const what =
			failure.code === 'MALFORMED_JSON'
				? failure.message
				: timedOut
					? `no answer within ${seconds} s`
					: failure.code === 'ECONNRESET'
						? 'the connection was reset before the answer was complete'
						: (failure.code ?? failure.message);
		const headlineStart = failure.code === 'MALFORMED_JSON' ? `Unreadable answer from ${provider.name}` : `Could not reach ${provider.name}`;
		// The transport code goes under another key: n8n would replace the message with a generic one for it.
		return new NodeApiError(
			node,
			{ message: failure.message, transportCode: failure.code ?? null } as JsonObject,
			{
				message: `${headlineStart}${itemText}${retried}: ${what}`,
				description: `${where} failed before an answer arrived (${failure.message}). Check the base URL in ${credentialText} and the network. ${spec.idempotent === false ? `This write was not retried, because ${provider.name} offers no way to make it safe to repeat: check in ${provider.name} whether it took effect before running it again.` : ''}`.trim(),
				itemIndex: spec.itemIndex,
			},
		);
	}

	const status = failure.status;
	const providerMessage =
		parsed.message ??
		(typeof failure.body === 'string' && failure.body.length < 300 ? failure.body : undefined);
	const codeText = parsed.code && parsed.code !== providerMessage ? ` (${parsed.code})` : '';
	const envelope = status >= 200 && status < 300;
	const headline = envelope
		? `${provider.name} reported an error${itemText}: ${providerMessage ?? 'no message'}${codeText}${idText}`
		: providerMessage
			? `${provider.name} answered HTTP ${status}${itemText}: ${providerMessage}${codeText}${idText}`
			: `${provider.name} answered HTTP ${status}${itemText}${retried}${idText}`;

	const hints: string[] = [];
	if (envelope) hints.push(`The HTTP status was ${status}, but ${provider.name}'s answer says the operation failed.`);
	const hint = provider.hints?.[status] ?? defaultHint(status, provider.name, credentialText);
	if (hint) hints.push(hint);
	if (status >= 500 && spec.idempotent === false) {
		hints.push(
			`This write was not retried, because repeating it could apply it twice: check in ${provider.name} whether it took effect before running it again.`,
		);
	} else if (retried) {
		hints.push(`Gave up${retried}.`);
	}
	hints.push(`Request: ${where}.`);
	if (requestId) hints.push(`${provider.name} request ID: ${requestId} (quote it to their support).`);

	return new NodeApiError(
		node,
		{
			message: providerMessage ?? `HTTP ${status}`,
			httpCode: String(status),
			...(requestId ? { requestId } : {}),
			...(parsed.code ? { providerCode: parsed.code } : {}),
		} as JsonObject,
		{
			message: headline,
			description: hints.join(' '),
			httpCode: String(status),
			itemIndex: spec.itemIndex,
		},
	);
}

function defaultHint(status: number, providerName: string, credentialText: string): string | undefined {
	switch (status) {
		case 400:
		case 422:
			return `${providerName} rejected the input: correct the field it names.`;
		case 401:
			return `${providerName} rejected the access token even after n8n fetched a new one: check ${credentialText} (client id, secret, environment).`;
		case 403:
			return `${providerName} refused access: the credential lacks a permission, or your IP address is not allow-listed.`;
		case 404:
			return `Nothing was found at this ID: check the ID, and that it belongs to this account.`;
		case 409:
			return `It already exists in ${providerName}.`;
		case 429:
			return `${providerName} kept answering "too many requests": lower the batch size or run the workflow later.`;
		default:
			return status >= 500 ? `${providerName} had a server error: try again later.` : undefined;
	}
}

function isIdempotent(spec: RequestSpec): boolean {
	if (spec.idempotent !== undefined) return spec.idempotent;
	return ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'].includes(spec.method);
}

function buildOptions(spec: RequestSpec, provider: Provider): IHttpRequestOptions {
	const headers: Record<string, string> = { Accept: 'application/json', ...(spec.headers ?? {}) };
	const options: IHttpRequestOptions = {
		method: spec.method,
		url: spec.url,
		headers,
		returnFullResponse: true,
		timeout: spec.timeout ?? provider.timeoutMs ?? 60_000,
	};
	if (spec.qs && Object.keys(spec.qs).length) options.qs = { ...spec.qs };
	if (spec.binary) {
		options.encoding = 'arraybuffer';
		options.json = false;
	} else {
		options.json = true;
	}
	if (spec.body !== undefined) {
		if (spec.form) {
			headers['Content-Type'] = 'application/x-www-form-urlencoded';
			options.body = new URLSearchParams(spec.body as Record<string, string>).toString();
			options.json = false;
		} else {
			options.body = spec.body as IDataObject;
		}
	}
	return options;
}

/**
 * The shared request core every provider node uses: sends through n8n's credential machinery (so n8n
 * fetches, stores and refreshes tokens), retries what is safe to retry with bounded backoff, honours
 * Retry-After, unwraps a provider's success envelope errors, and maps every failure with toNodeApiError.
 */
export async function apiRequest<T = unknown>(
	ctx: RequestContext,
	provider: Provider,
	spec: RequestSpec,
): Promise<ApiResponse<T>> {
	const policy: RetryPolicy = { ...DEFAULT_RETRY, ...(provider.retry ?? {}) };
	const idempotent = isIdempotent(spec);
	const effectiveSpec: RequestSpec = { ...spec, idempotent };
	const started = Date.now();
	let attempt = 0;

	for (;;) {
		attempt++;
		let failure: Failure;
		try {
			const options = buildOptions(spec, provider);
			const credentialType = spec.credentialType ?? provider.credentialType;
			const rate = spec.rateLimit ?? provider.rateLimit;
			// The first request of an execution goes alone: it is the one that makes n8n fetch a token, and the
			// items running beside it would each fetch one too.
			const release = spec.unauthenticated ? undefined : await firstRequestGate(ctx, credentialType);
			// Every request of a stored credential goes through its flow: a documented rate kept exactly, an
			// undisclosed one found adaptively (shared/flow.ts). Pre-signed URLs are another host's, unpaced.
			const ticket = spec.unauthenticated
				? undefined
				: await flowFor(`${provider.name}:${credentialKey(ctx, credentialType)}`, rate ? { documented: rate } : { maxPerSecond: await maxRateOf(ctx, credentialType) }).acquire();
			let response: { statusCode: number; headers: unknown; body: unknown };
			try {
				const credentialsDecrypted = spec.unauthenticated || (spec.oauth2 ?? provider.oauth2) ? undefined : await decryptedOnce(ctx, credentialType);
				const sent = (
					spec.unauthenticated
						? ctx.helpers.httpRequest(options)
						: ctx.helpers.httpRequestWithAuthentication.call(ctx, credentialType, options, credentialsDecrypted ? { credentialsDecrypted } : undefined)
				) as Promise<{ statusCode: number; headers: unknown; body: unknown }>;
				// The flow learns how the request went: a clean answer, or a 429 (and its Retry-After).
				sent.then(
					() => ticket?.done('ok'),
					(error: unknown) => {
						const failed = describeFailure(error);
						ticket?.done(failed.status === 429 ? 'throttled' : 'other', failed.status === 429 ? retryAfterMs(failed.headers) : undefined);
					},
				);
				response = await sent;
			} finally {
				release?.();
			}
			const headers = lowerCaseHeaders(response.headers);
			const body = spec.binary ? response.body : decodeBody(response.body);
			if (!spec.binary && typeof body === 'string' && /json/.test(headers['content-type'] ?? '')) {
				// The answer says JSON but does not parse: a cut or garbled answer. Never read it as data.
				throw new MalformedAnswerError(response.statusCode, headers, body);
			}
			const envelope = provider.envelopeError?.(body);
			if (envelope) {
				throw new EnvelopeError(response.statusCode, headers, body);
			}
			return {
				statusCode: response.statusCode,
				headers,
				body: body as T,
				requestId: requestIdOf(provider, headers),
				attempts: attempt,
			};
		} catch (error) {
			if (error instanceof MalformedAnswerError) {
				failure = {
					status: undefined,
					headers: error.headers,
					message: `${provider.name} answered HTTP ${error.status} with malformed JSON (${error.body.length} characters, starting ${JSON.stringify(error.body.slice(0, 40))})`,
					code: 'MALFORMED_JSON',
				};
			} else if (error instanceof EnvelopeError) {
				failure = { status: error.status, headers: error.headers, body: error.body, message: 'envelope' };
				// An error envelope is the provider's considered answer: retrying would not change it.
				throw toNodeApiError(ctx, provider, effectiveSpec, failure, attempt);
			} else {
				failure = describeFailure(error);
			}
		}

		const retryable =
			!failure.credentialFailure &&
			(failure.status === 429 ||
				(idempotent &&
					((failure.status !== undefined && failure.status >= 500) ||
						(failure.status === undefined && isTransient(failure)))));
		if (!retryable || attempt >= policy.maxAttempts) {
			throw toNodeApiError(ctx, provider, effectiveSpec, failure, attempt);
		}
		const asked = retryAfterMs(failure.headers);
		if (asked !== undefined && asked > policy.maxRetryAfterMs) {
			// Waited for exactly as asked, or not at all: never a shorter wait that would only provoke another 429.
			const error = toNodeApiError(ctx, provider, effectiveSpec, failure, attempt);
			error.description = `${provider.name} asked to wait ${Math.ceil(asked / 1000)} s before trying again (Retry-After), longer than the ${policy.maxRetryAfterMs / 1000} s this node waits: nothing more was sent. Run the workflow again after that time. ${error.description ?? ''}`.trim();
			throw error;
		}
		const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
		const jitter = Math.floor(Math.random() * (policy.baseDelayMs / 2));
		const wait = asked ?? backoff + jitter;
		if (Date.now() - started + wait > retryBudgetMs(policy, spec.timeout ?? provider.timeoutMs ?? 60_000)) {
			throw toNodeApiError(ctx, provider, effectiveSpec, failure, attempt);
		}
		await sleep(wait);
	}
}

/**
 * Credentials decrypted once per execution, for credential types that are not OAuth2 (n8n's OAuth2 path always
 * reads them itself). Passing them to httpRequestWithAuthentication saves decrypting them for every request;
 * when n8n renews an expirable token (preAuthentication after a 401) it writes the new token into this same
 * object, so later requests of the execution use it.
 */
/**
 * One value per execution (an n8n context object) and credential type, made on first use: what the request
 * core reads once per execution rather than once per request.
 */
function perExecution<T>(store: WeakMap<object, Map<string, T>>, ctx: RequestContext, credentialType: string, make: () => T): T {
	let perType = store.get(ctx);
	if (!perType) {
		perType = new Map();
		store.set(ctx, perType);
	}
	if (!perType.has(credentialType)) perType.set(credentialType, make());
	return perType.get(credentialType) as T;
}

const decrypted = new WeakMap<object, Map<string, Promise<ICredentialsDecrypted | undefined>>>();

async function decryptedOnce(ctx: RequestContext, credentialType: string): Promise<ICredentialsDecrypted | undefined> {
	return await perExecution(decrypted, ctx, credentialType, () => {
		const reference = ctx.getNode().credentials?.[credentialType];
		return reference?.id
			? ctx.getCredentials(credentialType).then((data) => ({ id: reference.id!, name: reference.name, type: credentialType, data }))
			: Promise.resolve(undefined);
	});
}

const firstRequests = new WeakMap<object, Map<string, { answered: Promise<void>; release?: () => void }>>();

/**
 * Lets the first request of an execution per credential type through at once, and holds the others until it is
 * answered. Returns the function that ends the hold (for the first request), or undefined.
 */
async function firstRequestGate(ctx: RequestContext, credentialType: string): Promise<(() => void) | undefined> {
	let first = false;
	const gate = perExecution(firstRequests, ctx, credentialType, () => {
		first = true;
		const made: { answered: Promise<void>; release?: () => void } = { answered: Promise.resolve() };
		made.answered = new Promise<void>((resolve) => (made.release = resolve));
		return made;
	});
	if (first) return gate.release;
	await gate.answered;
	return undefined;
}

const maxRates = new WeakMap<object, Map<string, Promise<number | undefined>>>();

/** The credential's Max Requests per Second (the ceiling of an adaptive flow), read once per execution. */
async function maxRateOf(ctx: RequestContext, credentialType: string): Promise<number | undefined> {
	return await perExecution(maxRates, ctx, credentialType, () =>
		ctx.getCredentials(credentialType).then(
			(data) => {
				const value = Number(data.maxRequestsPerSecond);
				return Number.isFinite(value) && value > 0 ? value : undefined;
			},
			() => undefined, // no stored credential (a test request): the default ceiling
		),
	);
}

const credentialKeys = new WeakMap<object, Map<string, string>>();

/** Which stored credential a request goes out with: rate limits are per credential. Read once per execution
 * (getNode() copies the whole node each time). */
function credentialKey(ctx: RequestContext, credentialType: string): string {
	return perExecution(credentialKeys, ctx, credentialType, () => ctx.getNode().credentials?.[credentialType]?.id ?? credentialType);
}

class MalformedAnswerError extends Error {
	constructor(
		readonly status: number,
		readonly headers: Record<string, string>,
		readonly body: string,
	) {
		super('Malformed JSON answer');
	}
}

class EnvelopeError extends Error {
	constructor(
		readonly status: number,
		readonly headers: Record<string, string>,
		readonly body: unknown,
	) {
		super('Provider answered with an error envelope');
	}
}
