// The token chain: a user token from {email, password, client_id, client_secret}, then a location token
// from the user token (paths assumed).
import { bearerOf } from '../../tokens.cjs';
import type { Frederick } from './helpers.cjs';
import { NAME } from './state.cjs';

export const SOURCES: Record<string, string> = {
	'POST /oauth/token':
		'assumed: the user token path is not public (the flow is public, not the path); an editable credential field',
	'POST /oauth/location_token':
		'assumed: the location token path is not public (the flow is public, not the path); an editable credential field',
};

export function register(p: Frederick) {
	const { route, HttpError, sim } = p.api;
	const { options, checkKey, checkTokenMedia } = p;
	const { userTokens, locationTokens } = p.state;
	// Token chain (paths assumed).
	route(
		'POST',
		'/oauth/token',
		(ctx) => {
			checkKey(ctx);
			checkTokenMedia(ctx);
			const b = ctx.body ?? {};
			const client = options.clients.find(
				(c) => c.clientId === b.client_id && c.clientSecret === b.client_secret,
			);
			if (!client)
				throw new HttpError(401, {
					error: 'invalid_client',
					error_description: 'Unknown client_id or wrong client_secret',
				});
			const owner = options.owners.find((o) => o.email === b.email && o.password === b.password);
			if (!owner)
				throw new HttpError(401, {
					error: 'invalid_grant',
					error_description: 'Wrong email or password',
				});
			const issued = userTokens.issue({
				email: owner.email,
				locationId: owner.locationId,
				clientId: client.clientId,
			});
			sim.stats.token(NAME);
			return { status: 200, body: { access_token: issued.token } };
		},
		{ token: true },
	);
	route(
		'POST',
		'/oauth/location_token',
		(ctx) => {
			checkKey(ctx);
			checkTokenMedia(ctx);
			const user = userTokens.check(bearerOf(ctx.headers));
			if (!user.ok)
				throw new HttpError(401, {
					error: 'invalid_token',
					error_description: 'A valid user access token is required',
				});
			const b = ctx.body ?? {};
			if (
				b.client_id !== user.subject.clientId ||
				!options.clients.some(
					(c) => c.clientId === b.client_id && c.clientSecret === b.client_secret,
				)
			) {
				throw new HttpError(401, {
					error: 'invalid_client',
					error_description: 'Unknown client_id or wrong client_secret',
				});
			}
			const issued = locationTokens.issue({
				locationId: user.subject.locationId,
				email: user.subject.email,
			});
			sim.stats.token(NAME);
			return { status: 200, body: { access_token: issued.token } };
		},
		{ token: true },
	);
}
