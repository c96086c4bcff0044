// LoyaltyLion simulator: whoami.
import { R } from './program.cjs';
import type { Lion } from './context.cjs';

export const SOURCES: Record<string, string> = {
	'GET /v2/identity/whoami': `${R}whoami`,
};

export function register(ll: Lion) {
	const { route, options, program, authenticate, readQuery } = ll;
	// whoami: {identity: {kind, account_id, program_id, scopes, integration}}. Only kind "api_key" is public;
	// "oauth_token" and "token_secret" (and the OAuth `integration` object) are assumed: not public.
	route('GET', '/v2/identity/whoami', (ctx) => {
		const who = authenticate(ctx);
		readQuery(ctx, {});
		const client =
			who.kind === 'oauth_token'
				? options.oauthClients.find((c) => c.clientId === who.clientId)
				: undefined;
		return {
			status: 200,
			body: {
				identity: {
					kind: who.kind,
					account_id: program.accountId,
					program_id: program.id,
					scopes: [...who.scopes],
					integration: client
						? { id: client.serviceIntegrationId ?? null, name: client.name ?? client.clientId }
						: null,
				},
			},
		};
	});
}
