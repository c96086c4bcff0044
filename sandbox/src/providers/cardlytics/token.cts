// Token endpoint: form body client_id, client_secret, grant_type=client_credentials. The 400/401 bodies
// ({error, error_description}, as RFC 6749 5.2) are assumed: the OpenAPI gives them no schema.
import type { Cardlytics } from './helpers.cjs';
import { NAME } from './state.cjs';

export const SOURCES: Record<string, string> = {
	'POST /api/v1/idp/oauth2/token':
		'https://platform.cardlytics.com/advertisers/docs/api-access-authorization',
};

export function register(p: Cardlytics) {
	const { route, HttpError, sim } = p.api;
	const { state, tokens, options } = p;
	route(
		'POST',
		'/api/v1/idp/oauth2/token',
		(ctx) => {
			const form = typeof ctx.body === 'object' && ctx.body ? ctx.body : {};
			if (!/application\/x-www-form-urlencoded/.test(ctx.headers['content-type'] ?? '')) {
				throw new HttpError(400, {
					error: 'invalid_request',
					error_description: 'Content-Type must be application/x-www-form-urlencoded',
				});
			}
			if (form.grant_type !== 'client_credentials') {
				throw new HttpError(400, {
					error: 'unsupported_grant_type',
					error_description: 'grant_type must be client_credentials',
				});
			}
			const client = state.clients.find(
				(c) => c.clientId === form.client_id && c.clientSecret === form.client_secret,
			);
			if (!client) {
				throw new HttpError(401, {
					error: 'invalid_client',
					error_description: 'Client authentication failed',
				});
			}
			const issued = tokens.issue({ clientId: client.clientId });
			sim.stats.token(NAME);
			return {
				status: 200,
				body: {
					access_token: issued.token,
					expires_in: options.tokenLifetimeSeconds,
					token_type: 'Bearer',
				},
			};
		},
		{ token: true },
	);
}
