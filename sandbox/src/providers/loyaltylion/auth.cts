// Errors, authentication, rate limits and scopes.
import { SCOPES } from './program.cjs';
import type { Store } from './store.cjs';
import type { RouteContext } from '../../types.cjs';
import type { Caller } from './model.cjs';

export function makeAuth(ll: Store) {
	const { HttpError, parseAuthorization, options, state } = ll;
	const apiError = (status: number, message: string, details?: Record<string, string>) =>
		new HttpError(status, { error: { message, ...(details ? { details } : {}) } });

	/** Who is calling; enforces 20 requests per second per credential (`bucket` for endpoint limits). */
	const authenticate = (ctx: RouteContext, bucket?: { name: string; perSecond: number }) => {
		const auth = parseAuthorization(ctx.headers.authorization);
		let who: Caller;
		if (auth?.scheme === 'basic') {
			const store = options.stores.find((s) => s.token === auth.user && s.secret === auth.password);
			if (!store) throw apiError(401, 'Invalid token or secret');
			// token & secret: no permissions, i.e. everything (developers.loyaltylion.com/api/authentication/token-secret)
			who = {
				kind: 'token_secret',
				key: `store:${store.token}`,
				owner: 'merchant',
				store,
				siteId: store.siteId,
				scopes: SCOPES,
				noun: 'token and secret',
			};
		} else if (auth?.scheme === 'bearer' && auth.value!.startsWith('pat_')) {
			// Assumed: a Bearer token starting with pat_ is an API key, any other an OAuth token (the API-keys
			// page's example key starts with pat_; the format is not stated).
			const key = options.apiKeys.find((k) => k.token === auth.value);
			if (!key) throw apiError(401, 'Invalid API key');
			if (key.disabled) throw apiError(401, 'This API key is disabled');
			who = {
				kind: 'api_key',
				key: `api_key:${key.token}`,
				owner: 'merchant',
				apiKey: key,
				scopes: key.scopes,
				noun: 'API key',
			};
		} else if (auth?.scheme === 'bearer') {
			const token = state.tokens.get(auth.value!);
			if (!token || token.revoked) throw apiError(401, 'Invalid or revoked access token');
			who = {
				kind: 'oauth_token',
				key: `oauth:${auth.value}`,
				owner: `oauth:${token.clientId}`,
				clientId: token.clientId,
				scopes: token.scopes,
				noun: 'access token',
			};
		} else {
			throw apiError(
				401,
				'Authentication required: an API key or OAuth token as Bearer, or token:secret over HTTP Basic',
			);
		}
		const limit = bucket?.perSecond ?? options.rateLimitPerSecond;
		const hitKey = bucket ? `${who.key} ${bucket.name}` : who.key;
		const now = Date.now();
		const recent = (state.hits.get(hitKey) ?? []).filter((t) => now - t < 1000);
		if (recent.length >= limit) {
			state.hits.set(hitKey, recent);
			throw apiError(429, `Rate limit exceeded: at most ${limit} requests per second`);
		}
		recent.push(now);
		state.hits.set(hitKey, recent);
		return who;
	};
	const covers = (who: Caller, scope: string) =>
		who.scopes.includes(scope) ||
		(scope.startsWith('read_') && who.scopes.includes(`write_${scope.slice(5)}`));
	const refuseScope = (who: Caller, scope: string, message?: string): never => {
		throw apiError(
			403,
			message ??
				(scope.startsWith('read_')
					? `This action requires the ${scope} scope (or write_${scope.slice(5)}), which the ${who.noun} was not granted`
					: `This action requires the ${scope} scope, which the ${who.noun} was not granted`),
			{ required_scope: scope, granted_scopes: who.scopes.join(',') },
		);
	};
	/**
	 * Authenticates and checks a scope: `read` needs read_X or write_X, `write` needs write_X. Which endpoint
	 * needs which scope is assumed (not public) except WebView sessions (write_customers).
	 */
	const need = (
		ctx: RouteContext,
		access: 'read' | 'write',
		resource: 'customers' | 'orders' | 'unsubscribes',
	) => {
		const who = authenticate(ctx);
		const scope = `${access}_${resource}`;
		if (!covers(who, scope)) refuseScope(who, scope);
		return who;
	};

	return { apiError, authenticate, covers, refuseScope, need };
}

export type Auth = ReturnType<typeof makeAuth>;
