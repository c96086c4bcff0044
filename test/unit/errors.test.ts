import type { NodeApiError } from 'n8n-workflow';
import { toNodeApiError } from '../../nodes/shared/http/errors';
import type { Failure } from '../../nodes/shared/http/failure';
import type { Provider, RequestSpec } from '../../nodes/shared/http/types';
import { routerContext } from './context';

const provider: Provider = {
	name: 'Acme',
	credentialType: 'acmeApi',
	requestIdHeaders: ['x-request-id'],
	parseError: (body) => {
		const error = (body as { error?: { message?: string; code?: string } } | undefined)?.error;
		return { message: error?.message, code: error?.code };
	},
};
const spec = (over: Partial<RequestSpec> = {}): RequestSpec => ({
	method: 'POST',
	url: 'https://api.acme.test/v1/points?token=secret',
	itemIndex: 3,
	headers: { Authorization: 'Bearer sk_live_secret' },
	...over,
});
const failure = (over: Partial<Failure>): Failure => ({ headers: {}, message: 'failed', ...over });
const map = (f: Failure, s: RequestSpec = spec(), attempts = 1): NodeApiError =>
	toNodeApiError(routerContext([{}]), provider, s, f, attempts);
const text = (e: NodeApiError) => JSON.stringify({ m: e.message, d: e.description, r: e.context });

describe('error mapping', () => {
	test("a provider's error: its message and code, the status, the item, the request and its ID, what to do", () => {
		const error = map(
			failure({
				status: 422,
				headers: { 'x-request-id': 'req-7' },
				body: { error: { message: 'points must be positive', code: 'invalid_points' } },
			}),
		);
		expect(error.message).toBe(
			'Acme answered HTTP 422 (item 3): points must be positive (invalid_points) [request ID req-7]',
		);
		expect(error.description).toContain('correct the field it names');
		expect(error.description).toContain('Request: POST /v1/points.');
		expect(error.description).toContain('Acme request ID: req-7');
		expect(error.httpCode).toBe('422');
	});

	test('a 5xx on a write that was not retried says to check before running it again', () => {
		const error = map(failure({ status: 503 }), spec({ idempotent: false }));
		expect(error.message).toBe('Acme answered HTTP 503 (item 3)');
		expect(error.description).toContain('This write was not retried');
		const retried = map(failure({ status: 503 }), spec({ method: 'GET', idempotent: true }), 4);
		expect(retried.message).toBe('Acme answered HTTP 503 (item 3) after 4 attempts');
		expect(retried.description).toContain('Gave up after 4 attempts.');
	});

	test('an error inside an HTTP 200 envelope says the status hid it', () => {
		const error = map(failure({ status: 200, body: { error: { message: 'member blocked' } } }));
		expect(error.message).toBe('Acme reported an error (item 3): member blocked');
		expect(error.description).toContain(
			"The HTTP status was 200, but Acme's answer says the operation failed.",
		);
	});

	test('no answer: a timeout, a reset, or an unreadable answer, each in words', () => {
		expect(map(failure({ code: 'ETIMEDOUT', message: 'timeout of 60000ms' })).message).toBe(
			'Could not reach Acme (item 3): no answer within 60 s',
		);
		expect(map(failure({ code: 'ECONNRESET', message: 'socket hang up' })).message).toBe(
			'Could not reach Acme (item 3): the connection was reset before the answer was complete',
		);
		expect(map(failure({ code: 'MALFORMED_JSON', message: 'Unexpected token <' })).message).toBe(
			'Unreadable answer from Acme (item 3): Unexpected token <',
		);
	});

	test('a refused credential names the credential to fix', () => {
		const error = map(
			failure({
				status: 401,
				credentialFailure: true,
				body: { error: { code: 'invalid_client' } },
			}),
		);
		expect(error.message).toBe(
			'Acme refused the credential: could not get an access token (invalid_client)',
		);
		expect(error.description).toContain('Check the client ID, the client secret');
	});

	test('nothing of the request (its token, its query) gets into the error', () => {
		for (const f of [
			failure({ status: 500 }),
			failure({ code: 'ECONNRESET', message: 'reset' }),
			failure({ status: 401, credentialFailure: true }),
		])
			expect(text(map(f))).not.toMatch(/sk_live_secret|token=secret/);
	});
});
