import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { isCredentialRefused } from './credential-error';
import type { Provider } from './types';

/** The facts of one failed attempt that matter, without the request (whose headers hold the token). */
export interface Failure {
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

export function lowerCaseHeaders(headers: unknown): Record<string, string> {
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

export function decodeBody(data: unknown): unknown {
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
export function describeFailure(error: unknown): Failure {
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
		return {
			status: raw.httpStatus,
			headers: {},
			message,
			credentialFailure: true,
			credentialReason: raw.reason,
		};
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
	const status = e.response?.status;
	if (status !== undefined && status >= 200 && status < 300) {
		// The answer started well, then the connection broke before its end (reset, cut body).
		const code = e.code && e.code !== 'ERR_BAD_RESPONSE' ? e.code : 'ECONNRESET';
		return { headers: lowerCaseHeaders(e.response?.headers), message, code };
	}
	if (e.response) {
		return {
			status,
			headers: lowerCaseHeaders(e.response.headers),
			body: decodeBody(e.response.data),
			message,
			code: e.code,
		};
	}
	return { headers: {}, message, code: e.code ?? e.cause?.code };
}

/** Retry-After in milliseconds (seconds or an HTTP date), or undefined when absent or unreadable. */
export function retryAfterMs(headers: Record<string, string>): number | undefined {
	const value = headers['retry-after'];
	if (value === undefined || value === '') return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

export function isTransient(failure: Failure): boolean {
	if (failure.code && TRANSIENT_CODES.has(failure.code)) return true;
	return /socket hang up|timeout of \d+ms exceeded|aborted/i.test(failure.message);
}

export function requestIdOf(
	provider: Provider,
	headers: Record<string, string>,
): string | undefined {
	for (const name of provider.requestIdHeaders ?? []) {
		if (headers[name]) return headers[name];
	}
	return undefined;
}

/** An answer that says it is JSON but does not parse: a cut or garbled answer, never read as data. */
export class MalformedAnswerError extends Error {
	constructor(
		readonly status: number,
		readonly headers: Record<string, string>,
		readonly body: string,
	) {
		super('Malformed JSON answer');
	}
}

/** A 2xx answer whose envelope says the operation failed. */
export class EnvelopeError extends Error {
	constructor(
		readonly status: number,
		readonly headers: Record<string, string>,
		readonly body: unknown,
	) {
		super('Provider answered with an error envelope');
	}
}
