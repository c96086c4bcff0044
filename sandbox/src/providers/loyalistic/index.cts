// Loyalistic API simulator. The token flow as Loyalistic describes it: POST with HTTP Basic (client id :
// secret) and the form field grant_type=client_credentials, answer {access_token, token_type:"bearer",
// expires_in}, tokens living about 10 minutes. The token URL (/token) and every resource path below are
// ASSUMED (the public material does not give them): an ASP.NET Web API 2 style API with page/pageSize paging
// and {Message, ModelState} error bodies. The node keeps each path in one place so it can be corrected.
import { TokenStore, bearerOf } from '../../tokens.cjs';
import type { ProviderApi, RouteContext } from '../../types.cjs';
import * as activities from './activities.cjs';
import * as companies from './companies.cjs';
import * as contacts from './contacts.cjs';
import { helpers } from './helpers.cjs';
import * as lists from './lists.cjs';
import { DEFAULTS, NAME, createState, type Options } from './state.cjs';
import * as swagger from './swagger.cjs';
import * as token from './token.cjs';

/**
 * Where each route comes from: the provider's reference page it was written from and validates as, a seed
 * document, or "assumed:" with the reason. The core refuses to register a route that is not listed here.
 * Its order is the matching Swagger document's.
 */
export const SOURCES: Record<string, string> = {
	...token.SOURCES,
	...contacts.SOURCES,
	...companies.SOURCES,
	...lists.SOURCES,
	...activities.SOURCES,
	...swagger.SOURCES,
};

function create(api: ProviderApi, userOptions: Partial<Options>) {
	const options: Options = { ...DEFAULTS, ...userOptions };
	const tokens = new TokenStore({
		lifetimeSeconds: options.tokenLifetimeSeconds,
		prefix: 'lyl_',
		onIssue: api.secret,
	});
	const state = createState(options, tokens);
	const p = helpers(api, state);

	token.register(p);
	contacts.register(p);
	companies.register(p);
	lists.register(p);
	activities.register(p);
	swagger.register(p, SOURCES);

	return {
		/** The client a request comes from, whichever of its tokens it carries: rate limits count per client. */
		callerOf: (ctx: RouteContext) =>
			tokens.tokens.get(bearerOf(ctx.headers) ?? '')?.subject?.clientId,
		state,
		tokens,
		faultBody: (status: number) => ({
			Message: status === 429 ? 'Too many requests.' : 'An error has occurred.',
		}),
		control: {
			expireTokens: () => ({ expired: tokens.expireAll() }),
			/** Serve another Swagger document: 'matching' (the default), 'differing', or a document of your own. */
			setSwagger: ({
				variant = 'matching',
				document,
			}: { variant?: string; document?: unknown } = {}) => {
				state.swagger = document ?? variant;
				return { swagger: typeof state.swagger === 'string' ? state.swagger : 'custom' };
			},
		},
	};
}

export { NAME as name, create, DEFAULTS };
