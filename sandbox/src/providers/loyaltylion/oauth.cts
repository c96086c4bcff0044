// LoyaltyLion simulator: the partner OAuth flow.
import { NAME, SCOPES } from './program.cjs';
import type { Lion } from './context.cjs';
import type { RouteResult } from '../../types.cjs';

export const SOURCES: Record<string, string> = {
	'GET /oauth/authorize':
		'https://developers.loyaltylion.com/api-reference/authentication/oauth: authorize with comma-separated scopes; error answers and accepting any redirect_uri assumed: not public',
	'POST /oauth/access-token':
		'https://developers.loyaltylion.com/api/authentication/oauth/ (older copy): form client_id, client_secret, code; HTTP Basic client credentials and the error answers assumed: not public',
};

export function register(ll: Lion) {
	const { api, route, HttpError, parseAuthorization, sim, randomId, options, state } = ll;
	// developers.loyaltylion.com/api-reference/authentication/oauth: authorize takes client_id, scope
	// (comma-separated), redirect_uri (required; "must equal the registered URL") and state, and redirects
	// with ?code=. Assumed (not public): the error answers (text/plain 400s here), and that any redirect_uri
	// is accepted (the simulator's clients have no registered URL to compare it with).
	route('GET', '/oauth/authorize', (ctx): RouteResult => {
		const q = Object.fromEntries(ctx.query);
		state.authorizeRequests.push(q);
		const client = options.oauthClients.find((c) => c.clientId === q.client_id);
		if (!client)
			return { status: 400, body: 'Unknown client_id', headers: { 'Content-Type': 'text/plain' } };
		if (!q.redirect_uri)
			return {
				status: 400,
				body: 'redirect_uri is required',
				headers: { 'Content-Type': 'text/plain' },
			};
		const scopes = String(q.scope ?? '')
			.split(',')
			.map((s) => s.trim())
			.filter(Boolean);
		const unknown = scopes.filter((s) => !SCOPES.includes(s));
		if (!scopes.length || unknown.length) {
			return {
				status: 400,
				body: `scope must be a comma-separated list of ${SCOPES.join(', ')}; got "${q.scope ?? ''}"`,
				headers: { 'Content-Type': 'text/plain' },
			};
		}
		// The merchant approves at once (the simulator has no login page).
		const code = randomId('', 8);
		api.secret(code);
		state.codes.set(code, {
			clientId: client.clientId,
			scopes,
			redirectUri: q.redirect_uri,
			used: false,
		});
		const target = new URL(q.redirect_uri);
		target.searchParams.set('code', code);
		if (q.state !== undefined) target.searchParams.set('state', q.state);
		return { status: 302, body: '', headers: { Location: target.toString() } };
	});
	// The documented exchange is a form body of client_id, client_secret and code, answered {access_token,
	// scope}. Assumed (not public): client credentials over HTTP Basic are accepted too, extra fields
	// (grant_type, redirect_uri, which n8n's client sends) are ignored, and the error answers are OAuth's
	// {error: "invalid_client" | "invalid_grant", error_description}.
	route(
		'POST',
		'/oauth/access-token',
		(ctx) => {
			const form = ctx.body && typeof ctx.body === 'object' ? ctx.body : {};
			const basic = parseAuthorization(ctx.headers.authorization);
			const clientId = form.client_id ?? (basic?.scheme === 'basic' ? basic.user : undefined);
			const clientSecret =
				form.client_secret ?? (basic?.scheme === 'basic' ? basic.password : undefined);
			const client = options.oauthClients.find(
				(c) => c.clientId === clientId && c.clientSecret === clientSecret,
			);
			if (!client)
				throw new HttpError(401, {
					error: 'invalid_client',
					error_description: 'Unknown client or wrong client secret',
				});
			const grant = state.codes.get(form.code);
			if (!grant || grant.used || grant.clientId !== client.clientId) {
				throw new HttpError(400, {
					error: 'invalid_grant',
					error_description: 'The code is invalid, was already used, or belongs to another client',
				});
			}
			grant.used = true;
			const token = randomId('', 16);
			state.tokens.set(token, { clientId: client.clientId, scopes: grant.scopes, revoked: false });
			api.secret(token);
			sim.stats.token(NAME);
			return { status: 200, body: { access_token: token, scope: grant.scopes.join(',') } };
		},
		{ token: true },
	);
}
