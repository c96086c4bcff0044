import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import { flowFor } from '../flow/flow';
import { DEFAULT_TIMEOUT_MS, toNodeApiError } from './errors';
import type { Failure } from './failure';
import {
	decodeBody,
	describeFailure,
	EnvelopeError,
	lowerCaseHeaders,
	MalformedAnswerError,
	requestIdOf,
	retryAfterMs,
} from './failure';
import { credentialKey, decryptedOnce, firstRequestGate, maxRateOf } from './per-execution';
import { decideRetry, DEFAULT_RETRY, isIdempotent, type RetryPolicy } from './retry';
import type { ApiResponse, Provider, RequestContext, RequestSpec } from './types';

type RawResponse = { statusCode: number; headers: unknown; body: unknown };

function buildOptions(spec: RequestSpec, provider: Provider): IHttpRequestOptions {
	const options: IHttpRequestOptions = {
		method: spec.method,
		url: spec.url,
		headers: { Accept: 'application/json', ...(spec.headers ?? {}) },
		returnFullResponse: true,
		timeout: provider.timeoutMs ?? DEFAULT_TIMEOUT_MS,
		json: !spec.binary,
	};
	if (spec.qs && Object.keys(spec.qs).length) options.qs = { ...spec.qs };
	if (spec.binary) options.encoding = 'arraybuffer';
	if (spec.body !== undefined) options.body = spec.body as IDataObject;
	if (spec.manualRedirects) options.disableFollowRedirect = true;
	return options;
}

/**
 * One attempt: through the first-request gate and the credential's flow, then n8n's credential machinery
 * (so n8n fetches, stores and refreshes tokens). Pre-signed URLs are another host's: sent unpaced, without
 * credentials.
 */
async function sendOnce(
	ctx: RequestContext,
	provider: Provider,
	spec: RequestSpec,
): Promise<RawResponse> {
	const options = buildOptions(spec, provider);
	if (spec.unauthenticated) return (await ctx.helpers.httpRequest(options)) as RawResponse;
	const credentialType = spec.credentialType ?? provider.credentialType;
	const rate = spec.rateLimit ?? provider.rateLimit;
	const release = await firstRequestGate(ctx, credentialType);
	const ticket = await flowFor(
		`${provider.name}:${credentialKey(ctx, credentialType)}`,
		rate ? { documented: rate } : { maxPerSecond: await maxRateOf(ctx, credentialType) },
	).acquire();
	try {
		const credentialsDecrypted =
			(spec.oauth2 ?? provider.oauth2) ? undefined : await decryptedOnce(ctx, credentialType);
		// Leaves now: the flow counts the request from here, not from when the flow granted it.
		ticket.sent();
		const sent = ctx.helpers.httpRequestWithAuthentication.call(
			ctx,
			credentialType,
			options,
			credentialsDecrypted || spec.refreshOn401 === false
				? {
						...(credentialsDecrypted ? { credentialsDecrypted } : {}),
						// No status is "token expired": n8n keeps the token and reports the 401 as it is.
						...(spec.refreshOn401 === false ? { preAuthenticationRetryStatusCode: [] } : {}),
					}
				: undefined,
		) as Promise<RawResponse>;
		// The flow learns how the request went: a clean answer, or a 429 (and its Retry-After).
		sent.then(
			() => ticket.done('ok'),
			(error: unknown) => {
				const failed = describeFailure(error);
				const throttled = failed.status === 429;
				ticket.done(
					throttled ? 'throttled' : 'other',
					throttled ? retryAfterMs(failed.headers) : undefined,
				);
			},
		);
		return await sent;
	} finally {
		release?.();
	}
}

/** The answer as data, or the failure it is (a malformed JSON answer, an error envelope). */
function readAnswer<T>(
	provider: Provider,
	spec: RequestSpec,
	response: RawResponse,
	attempts: number,
): ApiResponse<T> {
	const headers = lowerCaseHeaders(response.headers);
	const body = spec.binary ? response.body : decodeBody(response.body);
	if (!spec.binary && typeof body === 'string' && /json/.test(headers['content-type'] ?? '')) {
		throw new MalformedAnswerError(response.statusCode, headers, body);
	}
	if (provider.envelopeError?.(body)) throw new EnvelopeError(response.statusCode, headers, body);
	const requestId = requestIdOf(provider, headers);
	return { statusCode: response.statusCode, headers, body: body as T, requestId, attempts };
}

/** A 3xx answer that n8n reported as a failure because following redirects was switched off. */
function redirectOf(error: unknown): RawResponse | undefined {
	if (error instanceof EnvelopeError || error instanceof MalformedAnswerError) return undefined;
	const failed = describeFailure(error);
	if (failed.status === undefined || failed.status < 300 || failed.status >= 400) return undefined;
	return { statusCode: failed.status, headers: failed.headers, body: failed.body ?? '' };
}

function malformedFailure(provider: Provider, error: MalformedAnswerError): Failure {
	const start = JSON.stringify(error.body.slice(0, 40));
	return {
		headers: error.headers,
		message: `${provider.name} answered HTTP ${error.status} with malformed JSON (${error.body.length} characters, starting ${start})`,
		code: 'MALFORMED_JSON',
	};
}

/**
 * The request core every provider transport uses: one attempt after another as the retry policy decides
 * (shared/http/retry.ts), every failure mapped by toNodeApiError.
 */
export async function apiRequest<T = unknown>(
	ctx: RequestContext,
	provider: Provider,
	spec: RequestSpec,
): Promise<ApiResponse<T>> {
	const merged: RetryPolicy = { ...DEFAULT_RETRY, ...(provider.retry ?? {}) };
	// Under a documented rate our own pacing keeps the provider's limit, so a 429 means another process spends
	// the same allowance: worth more attempts. Without one, a 429 gets the attempts any failure gets.
	const documented = (spec.rateLimit ?? provider.rateLimit) !== undefined;
	const policy: RetryPolicy = documented
		? merged
		: { ...merged, maxThrottledAttempts: merged.maxAttempts };
	const idempotent = isIdempotent(spec);
	const effectiveSpec: RequestSpec = { ...spec, idempotent };
	const started = Date.now();
	for (let attempt = 1; ; attempt++) {
		let failure: Failure;
		try {
			return readAnswer<T>(provider, spec, await sendOnce(ctx, provider, spec), attempt);
		} catch (error) {
			const redirect = spec.manualRedirects ? redirectOf(error) : undefined;
			if (redirect) return readAnswer<T>(provider, spec, redirect, attempt);
			if (error instanceof EnvelopeError) {
				// An error envelope is the provider's considered answer: retrying would not change it.
				const envelope = { status: error.status, headers: error.headers, body: error.body };
				throw toNodeApiError(
					ctx,
					provider,
					effectiveSpec,
					{ ...envelope, message: 'envelope' },
					attempt,
				);
			}
			failure =
				error instanceof MalformedAnswerError
					? malformedFailure(provider, error)
					: describeFailure(error);
		}
		const timeoutMs = provider.timeoutMs ?? DEFAULT_TIMEOUT_MS;
		const decision = decideRetry(
			failure,
			idempotent,
			attempt,
			Date.now() - started,
			policy,
			timeoutMs,
		);
		if (decision.retry) {
			await sleep(decision.waitMs);
			continue;
		}
		const error = toNodeApiError(ctx, provider, effectiveSpec, failure, attempt);
		if (decision.reason === 'retry-after too long') {
			// Waited for exactly as asked, or not at all: never a shorter wait that would provoke another 429.
			error.description =
				`${provider.name} asked to wait ${Math.ceil(decision.askedMs / 1000)} s before trying again (Retry-After), longer than the ${policy.maxRetryAfterMs / 1000} s this node waits: nothing more was sent. Run the workflow again after that time. ${error.description ?? ''}`.trim();
		}
		throw error;
	}
}
