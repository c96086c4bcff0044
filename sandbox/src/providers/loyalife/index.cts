// Loyalife (Xoxoday LBMS) simulator, rebuilt to the public Loyalife LBMS API reference
// (H = https://help-loyalife.xoxoday.com). The 19 endpoints of its operation index, with their exact
// methods, path casing (/api/Member/..., /API/Transaction/..., /API/PG/...), query vs body, field names and
// types. Every route names its page in SOURCES; what the reference does not publish is marked "assumed".
//
// Envelope (H/concepts/response-format): {results: {IsSucessful, ErrorCode, ExceptionMessage, ReturnObject,
// Count}}, failures included (ReturnObject null, Count 0); success ErrorCode "000" (InsertTransactionDataV2:
// "001"). Refusals: anything the reference does not describe (an unknown field or query parameter, a wrong
// type, a missing required field, a wrong enum value) is HTTP 400 with {IsSucessful:false, ErrorCode:"999"
// (bad request), ExceptionMessage naming the field and what is wrong, ReturnObject:null, Count:0}; a body that
// is not the JSON object (or array) the request takes is ErrorCode "998" (invalid request, "structurally
// invalid"). The token endpoint's 401 is {IsSucessful, ErrorCode, ExceptionMessage} only, as its page shows. A wrong method answers 405 and an unknown path (also a wrong casing) 404, each
// with the same envelope (assumed: the transport-code table is not public). Business failures use the HTTP
// status the page gives (404 member lookups, 409 duplicate enrolment, 401 credentials, 400 OTP and invalid
// transactions); where the page gives none, HTTP 200 with IsSucessful:false ("HTTP 200 can carry false").
//
// Also assumed (the pages give the status or nothing, not these codes or checks): #4 not found is ErrorCode
// "103" with its 404; #6 a wrong hash or unknown member is ErrorCode "401" with its 401; #11 an unknown
// product_code is 999 with HTTP 400; #14, #15, #16 an unknown member is 103 over HTTP 200; #14 refuses
// DateFrom after DateTo; #16 Year 2000-2100; #11, #18 amount/Amount more than 0; #18 answers 107 (documented
// on #17 only) for a member who is not active; #19 an unknown ExternalReference, or a RelationReference /
// MerchantName other than the redemption's, is 999 with HTTP 400; #9 requires DestinationAddress and OTP
// (only #10 marks them required); #15, #16, #19 require every listed field; a bad or expired bearer is 401
// with ErrorCode "401"; a 5xx fault is ErrorCode "500", "Internal server error".
//
// Common parameters (H/api-reference/introduction): ProgramId (body, integer) / pintProgramId (query,
// integer string) must equal the credential's program (otherwise ErrorCode 997, "exception occurred", with
// HTTP 200: assumed, the reference has no program-mismatch code);
// RelationType must be 4 (the only documented value; others refused, assumed); TransactionCurrency must be
// "DEFAULT" (the demo program has no currency code; others refused, assumed).
//
// Demo program (seeded): 25 members MEM0001..MEM0025, Status 1 Active except MEM0024 (5 Inactive) and
// MEM0025 (2 Suspended); e-mail member<n>@example.com, mobile +9198765000<nn>; password hash (what #6
// receives, MD5 as the program is configured) = MD5 hex of "Passw0rd!<n>" (passwordHashOf(ref)); custom
// attributes city and preferred_store (optional strings); product codes CARD, FUEL, ONLINE earning 1 point
// per 10 of amount (floor); points expire 12 months after their TransactionDate, oldest first (assumed).
import { DEFAULTS, NAME, P } from './program.cjs';
import type { Options } from './program.cjs';
import { failure } from './util.cjs';
import { bearerOf } from '../../tokens.cjs';
import { createContext } from './context.cjs';
import type { ProviderApi, ProviderInstance, RouteContext } from '../../types.cjs';
import type { Otp } from './state.cjs';
import * as auth from './auth.cjs';
import * as members from './members.cjs';
import * as otp from './otp.cjs';
import * as transactions from './transactions.cjs';
import * as payments from './payments.cjs';

/**
 * Where each route comes from (the core refuses a route that is not listed). H = help-loyalife.xoxoday.com.
 */
export const SOURCES: Record<string, string> = {
	...auth.SOURCES,
	...members.SOURCES,
	...otp.SOURCES,
	...transactions.SOURCES,
	...payments.SOURCES,
};
// Every other method on these paths, and unknown paths (also a wrong casing), refused with the envelope.
for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])
	SOURCES[`${method} /lbms-ingress/:module/:api/:controller/:operation`] =
		'assumed: a method or path the reference does not have, refused with the envelope (405 / 404)';

function create(api: ProviderApi, userOptions: Partial<Options> = {}) {
	const { route } = api;
	const options: Options = { ...DEFAULTS, ...userOptions };
	const l = createContext(api, options);
	const { state, tokens, pointsOf, passwordHashOf } = l;

	auth.register(l);
	members.register(l);
	otp.register(l);
	const { processBatch } = transactions.register(l);
	payments.register(l);

	// ---- anything else under /lbms-ingress/<4 segments>: a wrong method (405) or path (404), as envelopes --
	const known = Object.keys(SOURCES)
		.filter((k) => !k.includes('/:'))
		.map((k) => {
			const [method, path] = k.split(' ');
			return { method, path };
		});
	const fallback = (ctx: RouteContext) => {
		const path = ctx.url.pathname.slice(`/${NAME}`.length);
		const same = known.filter((k) => k.path === path);
		if (same.length)
			return {
				status: 405,
				body: failure(
					'999',
					`Method ${ctx.req.method} is not allowed on ${path}; use ${same.map((k) => k.method).join(', ')}`,
				),
			};
		const cased = known.find((k) => k.path.toLowerCase() === path.toLowerCase());
		return {
			status: 404,
			body: failure(
				'999',
				cased
					? `No endpoint ${path}: the path is case-sensitive, did you mean ${cased.path}?`
					: `No endpoint ${ctx.req.method} ${path}`,
			),
		};
	};
	for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])
		route(method, `${P}/:module/:api/:controller/:operation`, fallback, { token: true });

	return {
		/** The client a request comes from, whichever of its tokens it carries: rate limits count per client. */
		callerOf: (ctx) => tokens.tokens.get(bearerOf(ctx.headers) ?? '')?.subject?.clientId,
		state,
		tokens,
		pointsOf,
		passwordHashOf,
		/** Processes every pending batch item now (as if each batch had been polled enough). */
		settleBatches: () => {
			for (const batch of state.batches.values()) processBatch(batch);
		},
		// The 429's status and text are assumed: the rate-limit answer is not public.
		faultBody: (status) =>
			failure(String(status), status === 429 ? 'Rate limit exceeded' : 'Internal server error'),
		notFound: ({ path }) => ({
			status: 404,
			body: failure('999', `No endpoint ${path.slice(`/${NAME}`.length)}`),
		}),
		control: {
			expireTokens: () => ({ expired: tokens.expireAll() }),
			/** Regenerating credentials: a new secret, and every token issued before is invalid. */
			rotateSecret: ({ clientId, clientSecret }: { clientId: string; clientSecret: string }) => {
				const client = state.clients.find((c) => c.clientId === clientId);
				// an unknown clientId throws (a TypeError)
				client!.clientSecret = clientSecret;
				return { revoked: tokens.revokeAll((s) => s.clientId === clientId) };
			},
			/** The OTPs sent, newest last (tests in another process read the code here). */
			otps: () => ({ otps: state.otps.map(({ input, ...o }: Otp & { input?: unknown }) => o) }),
			settleBatches: () => {
				for (const batch of state.batches.values()) processBatch(batch);
				return { ok: true };
			},
		},
	} satisfies ProviderInstance;
}

export { NAME as name, create, DEFAULTS };
