// #1 the token endpoint.
import * as crypto from 'node:crypto';
import { NAME, P, H } from './program.cjs';
import { tokenSchema, describe } from './schemas.cjs';
import { failure } from './util.cjs';
import type { Loyalife } from './context.cjs';

/** Where each route comes from (see index.cts). */
const SOURCES: Record<string, string> = {
	'POST /lbms-ingress/oauth/api/Auth/Token': `${H}/api-reference/authentication/generate-auth-token`,
};

function register(l: Loyalife) {
	const { api, route, HttpError, sim, randomId, tokens, state, refuse, malformed } = l;
	// ---- #1 Generate Auth Token: POST /lbms-ingress/oauth/api/Auth/Token ------------------------------------
	// H/api-reference/authentication/generate-auth-token. JSON body; 200 {results:{token, tokenExpiresOn}}
	// (no IsSucessful, as the page shows); 401 {results:{IsSucessful:false, ErrorCode, ExceptionMessage}}.
	route(
		'POST',
		`${P}/oauth/api/Auth/Token`,
		(ctx) => {
			if ([...ctx.query.keys()].length)
				throw refuse(
					`${[...ctx.query.keys()][0]} is not a query parameter of this request (it takes none)`,
				);
			const body = ctx.body;
			if (body === undefined || typeof body !== 'object' || body === null || Array.isArray(body))
				throw malformed('body must be a JSON object');
			const parsed = tokenSchema.safeParse(body);
			if (!parsed.success) throw refuse(describe(parsed.error.issues));
			const client = state.clients.find((c) => c.clientId === body.client_id);
			if (!client || client.clientSecret !== body.client_secret) {
				return {
					status: 401,
					body: {
						results: {
							IsSucessful: false,
							ErrorCode: '401',
							ExceptionMessage:
								'Invalid client_id or client_secret. Regenerated credentials invalidate the old ones.',
						},
					},
				};
			}
			let member: string | undefined;
			if (body.scope !== undefined) {
				let scope: unknown;
				try {
					scope = JSON.parse(body.scope);
				} catch {
					scope = undefined;
				}
				if (
					!Array.isArray(scope) ||
					scope.length !== 2 ||
					scope[0] !== 'LOGIN' ||
					typeof scope[1] !== 'string' ||
					!scope[1]
				)
					throw refuse(
						'scope must be a string holding a JSON array ["LOGIN","<RelationReference>"]',
					);
				// assumed: a scope naming no member of the program is refused (not public)
				if (!state.members.has(scope[1]))
					throw new HttpError(400, failure('103', `scope: member does not exist: ${scope[1]}`));
				member = scope[1];
			}
			const expiresAt = Date.now() + tokens.lifetimeSeconds * 1000;
			const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
			const payload = {
				sub: client.clientId,
				program: client.programId,
				scope: member ? ['LOGIN', member] : [],
				exp: Math.floor(expiresAt / 1000),
				jti: randomId('', 8),
			};
			const token = `${b64url({ alg: 'HS512', typ: 'JWT' })}.${b64url(payload)}.${crypto.randomBytes(32).toString('base64url')}`;
			tokens.tokens.set(token, {
				subject: { clientId: client.clientId, programId: client.programId, member },
				expiresAt,
				revoked: false,
			});
			api.secret(token);
			tokens.issued++;
			state.issuedScopes.push(member ?? null);
			sim.stats.token(NAME);
			return {
				status: 200,
				body: {
					results: {
						token,
						tokenExpiresOn: new Date(expiresAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
					},
				},
			};
		},
		{ token: true },
	);
}

export { SOURCES, register };
