import type { Failure } from '../../nodes/shared/http/failure';
import { describeFailure, retryAfterMs } from '../../nodes/shared/http/failure';
import { decideRetry, DEFAULT_RETRY, isIdempotent } from '../../nodes/shared/http/retry';

const failure = (status: number | undefined, headers: Record<string, string> = {}, code?: string) =>
	({ status, headers, code, message: code ?? `HTTP ${status}` }) as Failure;
const decide = (f: Failure, idempotent: boolean, attempt = 1, elapsed = 0) =>
	decideRetry(f, idempotent, attempt, elapsed, DEFAULT_RETRY, 60_000, () => 0);

describe('retry policy', () => {
	test('a 429 is retried even for a write: the provider refused it before doing anything', () => {
		expect(decide(failure(429), false)).toEqual({ retry: true, waitMs: 250 });
	});

	test('a 5xx or a broken connection is retried only when the request is idempotent', () => {
		expect(decide(failure(503), true)).toEqual({ retry: true, waitMs: 250 });
		expect(decide(failure(503), false)).toEqual({ retry: false, reason: 'not retryable' });
		expect(decide(failure(undefined, {}, 'ECONNRESET'), true).retry).toBe(true);
		expect(decide(failure(undefined, {}, 'ECONNRESET'), false).retry).toBe(false);
	});

	test('a 4xx and a refused credential are never retried', () => {
		expect(decide(failure(400), true).retry).toBe(false);
		expect(decide({ ...failure(401), credentialFailure: true }, true).retry).toBe(false);
	});

	test('backoff doubles up to its ceiling, and attempts are bounded', () => {
		expect(decide(failure(503), true, 3)).toEqual({ retry: true, waitMs: 1000 });
		expect(decide(failure(503), true, DEFAULT_RETRY.maxAttempts)).toEqual({
			retry: false,
			reason: 'attempts',
		});
	});

	test('a 429 is retried longer than other failures (nothing was applied), still bounded', () => {
		expect(decide(failure(429), false, DEFAULT_RETRY.maxAttempts).retry).toBe(true);
		expect(decide(failure(429), false, DEFAULT_RETRY.maxThrottledAttempts)).toEqual({
			retry: false,
			reason: 'attempts',
		});
	});

	test('a Retry-After is waited exactly, or not at all when longer than the policy allows', () => {
		expect(decide(failure(429, { 'retry-after': '3' }), false)).toEqual({
			retry: true,
			waitMs: 3000,
		});
		expect(decide(failure(429, { 'retry-after': '600' }), false)).toEqual({
			retry: false,
			reason: 'retry-after too long',
			askedMs: 600_000,
		});
	});

	test('the time budget ends the retries', () => {
		expect(decide(failure(503), true, 2, 5 * 60_000 + 60_000).retry).toBe(false);
	});

	test('GET, PUT and DELETE are idempotent unless said otherwise; POST is not', () => {
		expect(isIdempotent({ method: 'PUT' })).toBe(true);
		expect(isIdempotent({ method: 'POST' })).toBe(false);
		expect(isIdempotent({ method: 'POST', idempotent: true })).toBe(true);
		expect(isIdempotent({ method: 'GET', idempotent: false })).toBe(false);
	});
});

describe('failures', () => {
	test('Retry-After in seconds or as an HTTP date', () => {
		expect(retryAfterMs({ 'retry-after': '2' })).toBe(2000);
		const soon = new Date(Date.now() + 10_000).toUTCString();
		expect(retryAfterMs({ 'retry-after': soon })).toBeGreaterThan(8000);
		expect(retryAfterMs({ 'retry-after': 'soon' })).toBeUndefined();
		expect(retryAfterMs({})).toBeUndefined();
	});

	test('an answer cut after a 2xx start is a broken connection, not data', () => {
		const cut = describeFailure({ message: 'aborted', response: { status: 200, headers: {} } });
		expect(cut).toEqual({ headers: {}, message: 'aborted', code: 'ECONNRESET' });
	});

	test('an HTTP error keeps its status, lower-cased headers and decoded body', () => {
		const f = describeFailure({
			message: 'Request failed',
			response: { status: 422, headers: { 'X-Request-Id': 'r1' }, data: '{"error":"no"}' },
		});
		expect(f).toMatchObject({
			status: 422,
			headers: { 'x-request-id': 'r1' },
			body: { error: 'no' },
		});
	});
});
