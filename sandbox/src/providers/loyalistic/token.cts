// The token flow as Loyalistic describes it: HTTP Basic (client id : secret) and grant_type=client_credentials
// as a form field.
import { NAME } from './state.cjs';
import type { Loyalistic } from './helpers.cjs';

export const SOURCES: Record<string, string> = {
	'POST /token':
		'assumed: token URL blank in the guide; flow (Basic + grant_type form) from help.loyalistic.com/help/using-loyalistic-api',
};

export function register(p: Loyalistic) {
	const { route, HttpError, parseAuthorization, sim } = p.api;
	const { state, tokens, options } = p;
	route(
		'POST',
		'/token',
		(ctx) => {
			const auth = parseAuthorization(ctx.headers.authorization);
			// The help article names grant_type a form field: a JSON body is refused, naming the content type.
			const type = String(ctx.headers['content-type'] ?? '');
			if (!/^application\/x-www-form-urlencoded\b/i.test(type))
				throw new HttpError(400, {
					error: 'invalid_request',
					error_description: `Content-Type must be application/x-www-form-urlencoded, got ${type || 'none'}`,
				});
			const form = ctx.body && typeof ctx.body === 'object' ? ctx.body : {};
			if (form.grant_type !== 'client_credentials') {
				throw new HttpError(400, { error: 'unsupported_grant_type' });
			}
			const client =
				auth?.scheme === 'basic' &&
				state.clients.find((c) => c.clientId === auth.user && c.clientSecret === auth.password);
			if (!client) throw new HttpError(400, { error: 'invalid_client' });
			const issued = tokens.issue({ clientId: client.clientId });
			state.tokenLog.push({ issuedAt: Date.now(), expiresAt: issued.expiresAt });
			sim.stats.token(NAME);
			return {
				status: 200,
				body: {
					access_token: issued.token,
					token_type: 'bearer',
					expires_in: options.tokenLifetimeSeconds,
				},
			};
		},
		{ token: true },
	);
}
