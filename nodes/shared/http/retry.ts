import type { Failure } from './failure';
import { isTransient, retryAfterMs } from './failure';
import type { RequestSpec } from './types';

export interface RetryPolicy {
	/** Attempts in all, the first included. */
	maxAttempts: number;
	/**
	 * Attempts in all when the provider answers 429 under a documented rate: more than for other failures,
	 * since nothing was applied and another process spending the same allowance (queue mode) can refuse many
	 * in a row. Where the rate is undisclosed, a 429 gets `maxAttempts`.
	 */
	maxThrottledAttempts: number;
	/** First backoff delay when the server gives no Retry-After; doubles each time. */
	baseDelayMs: number;
	/** No backoff of ours is longer than this. */
	maxDelayMs: number;
	/**
	 * The longest Retry-After waited for, exactly as asked. A provider asking for longer makes the request fail
	 * at once with an error that says how long it asked to wait (a workflow should not hang for minutes).
	 */
	maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
	maxAttempts: 5,
	maxThrottledAttempts: 10,
	baseDelayMs: 250,
	maxDelayMs: 15_000,
	maxRetryAfterMs: 60_000,
};

/** Attempts and waits of one request, in all: each attempt's timeout plus a minute of waits. */
export function retryBudgetMs(policy: RetryPolicy, timeoutMs: number): number {
	return policy.maxAttempts * timeoutMs + 60_000;
}

export function isIdempotent(spec: Pick<RequestSpec, 'idempotent' | 'method'>): boolean {
	if (spec.idempotent !== undefined) return spec.idempotent;
	return ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'].includes(spec.method);
}

/** What to do after a failed attempt. */
export type RetryDecision =
	| { retry: true; waitMs: number }
	| { retry: false; reason: 'not retryable' | 'attempts' | 'budget' }
	| { retry: false; reason: 'retry-after too long'; askedMs: number };

/**
 * Whether to try again, and after how long. A 429 is always retried (the provider refused before doing
 * anything); a 5xx or a broken connection only when the request is idempotent; a credential refusal never.
 * A Retry-After is waited exactly as asked, or not at all when it is longer than the policy allows.
 */
export function decideRetry(
	failure: Failure,
	idempotent: boolean,
	attempt: number,
	elapsedMs: number,
	policy: RetryPolicy,
	timeoutMs: number,
	random: () => number = Math.random,
): RetryDecision {
	const retryable =
		!failure.credentialFailure &&
		(failure.status === 429 ||
			(idempotent &&
				((failure.status !== undefined && failure.status >= 500) ||
					(failure.status === undefined && isTransient(failure)))));
	if (!retryable) return { retry: false, reason: 'not retryable' };
	const attempts = failure.status === 429 ? policy.maxThrottledAttempts : policy.maxAttempts;
	if (attempt >= attempts) return { retry: false, reason: 'attempts' };
	const asked = retryAfterMs(failure.headers);
	if (asked !== undefined && asked > policy.maxRetryAfterMs) {
		return { retry: false, reason: 'retry-after too long', askedMs: asked };
	}
	const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
	const jitter = Math.floor(random() * (policy.baseDelayMs / 2));
	const waitMs = asked ?? backoff + jitter;
	if (elapsedMs + waitMs > retryBudgetMs(policy, timeoutMs))
		return { retry: false, reason: 'budget' };
	return { retry: true, waitMs };
}
