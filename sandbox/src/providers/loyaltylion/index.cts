// LoyaltyLion simulator: the Admin API v2 (`/v2/...`) as LoyaltyLion's Admin API v2 reference describes it,
// plus the partner OAuth flow. Each route names the developers.loyaltylion.com page it was written from
// (the SOURCES of each resource module) or says "assumed: not public".
//
// Auth (developers.loyaltylion.com/api-reference/authentication/overview): API keys (`Authorization:
// Bearer pat_...`, each with its own scopes; the pat_ prefix is the documented example's, assumed), OAuth
// bearer tokens issued by /oauth/access-token (approved scopes), and the deprecated token & secret over HTTP
// Basic (all access, one pair per site; refused by GET /v2/sites). Scopes: a read needs read_X or write_X,
// a write needs write_X. Which scope each endpoint needs is not public except WebView sessions
// (write_customers) and the webhook topics (each topic's page): the mapping in the route modules is assumed.
//
// Errors use the documented 401 shape everywhere: {error: {message, details: {field: text}}} (details is an
// object of string to string); validation refusals are 400 and name each field and what is wrong; unknown
// query parameters and unknown body fields are refused by name. 403, 404, 422 and 429 bodies are not public
// for the Admin API: they use the same shape (assumed).
//
// Pagination (developers.loyaltylion.com/api-reference/pagination): cursor {prev, next} (also in the Link header), newest first; the cursor keeps
// the first request's filters and only `limit` is read with it; since_id switches to ascending ids above it;
// limit 1..500, default 100; `page` (deprecated) on customers, activities, orders; page-number pagination on
// the unsubscribe list. 20 requests per second per credential (100 for WebView sessions).
//
// Webhooks (developers.loyaltylion.com/api-reference/v2/webhooks/overview): deliveries POST {id, topic, created_at, ...} signed with base64 HMAC-SHA256 of the raw
// body in x-loyaltylion-hmac-sha256, keyed by the OAuth client secret for OAuth-created webhooks and by the
// site secret otherwise; the payload nesting follows each topic's page (see `envelope`).
import { NAME, SCOPES, DEFAULTS, TOPICS } from './program.cjs';
import { makeStore } from './store.cjs';
import { makeViews } from './views.cjs';
import { makeDelivery } from './delivery.cjs';
import { makeRecords } from './records.cjs';
import { seed } from './seed.cjs';
import { makeAuth } from './auth.cjs';
import { makeValidation } from './validation.cjs';
import { makePaging } from './paging.cjs';
import { makeLookups } from './lookups.cjs';
import { makeTransactionLists } from './tx-lists.cjs';
import type { Lion } from './context.cjs';
import type { ProviderApi, Unrouted } from '../../types.cjs';
import type { Options } from './model.cjs';
import type { EventData, Tamper } from './delivery.cjs';
import * as oauth from './oauth.cjs';
import * as identity from './identity.cjs';
import * as customers from './customers.cjs';
import * as points from './points.cjs';
import * as rewards from './rewards.cjs';
import * as activities from './activities.cjs';
import * as transactions from './transactions.cjs';
import * as orders from './orders.cjs';
import * as sites from './sites.cjs';
import * as unsubscribes from './unsubscribes.cjs';
import * as webhooks from './webhooks.cjs';

/** The route modules, in the order their routes are registered. */
const RESOURCES = [
	oauth,
	identity,
	customers,
	points,
	rewards,
	activities,
	transactions,
	orders,
	sites,
	unsubscribes,
	webhooks,
];

/**
 * Where each route comes from: the provider's reference page it was written from and validates as, a seed
 * document, or "assumed: not public" with the reason. The core refuses to register a route not listed here.
 */
export const SOURCES: Record<string, string> = Object.assign(
	{},
	...RESOURCES.map((r) => r.SOURCES),
);

function create(api: ProviderApi, userOptions: Partial<Options>) {
	// each layer builds on the ones before it; the seed runs once the state changes exist
	const store = makeStore(api, userOptions);
	const views = makeViews(store);
	const delivery = makeDelivery(store);
	const records = makeRecords({ ...store, ...views, ...delivery });
	seed({ ...store, ...records });
	const auth = makeAuth(store);
	const validation = makeValidation({ ...store, ...auth });
	const paging = makePaging({ ...store, ...validation });
	const lookups = makeLookups({ ...store, ...views, ...auth, ...validation });
	const ll: Lion = {
		...store,
		...views,
		...delivery,
		...records,
		...auth,
		...validation,
		...paging,
		...lookups,
		...makeTransactionLists({ ...views, ...validation, ...paging }),
	};
	for (const resource of RESOURCES) resource.register(ll);
	const { state, options } = ll;
	const { deliver, sign } = delivery;

	return {
		state,
		deliver,
		sign,
		/** Forgets the requests counted toward the 20 per second. */
		resetRateWindow: () => state.hits.clear(),
		faultBody: (status: number) => ({
			error: { message: status === 429 ? 'Rate limit exceeded' : 'Internal server error' },
		}),
		// Admin 404/405 bodies are not public: the {error: {message}} shape of the documented 401 (assumed).
		methodNotAllowed: ({ message }: Unrouted) => ({ status: 405, body: { error: { message } } }),
		notFound: ({ method, path }: Unrouted) => ({
			status: 404,
			body: { error: { message: `No route ${method} ${path.slice('/loyaltylion'.length)}` } },
		}),
		control: {
			deliver: ({
				topic,
				payload,
				tamper,
			}: {
				topic: string;
				payload?: EventData;
				tamper?: Tamper;
			}) => deliver(topic, payload, tamper),
			revokeTokens: () => {
				for (const t of state.tokens.values()) t.revoked = true;
				return { ok: true };
			},
			/** Sends the delayed events (points_earned) now. */
			flushEvents: () => {
				const pending = state.pendingEvents.splice(0);
				for (const e of pending) {
					clearTimeout(e.timer);
					e.send();
				}
				return { sent: pending.length };
			},
			/** Changes an API key as the admin can at any time: {token, scopes?, disabled?}. */
			setApiKey: ({
				token,
				scopes,
				disabled,
			}: {
				token: string;
				scopes?: unknown;
				disabled?: unknown;
			}) => {
				const key = options.apiKeys.find((k) => k.token === token);
				if (!key) return { ok: false, error: 'unknown API key' };
				if (Array.isArray(scopes)) key.scopes = scopes.filter((s) => SCOPES.includes(s));
				if (disabled !== undefined) key.disabled = Boolean(disabled);
				return { ok: true, scopes: key.scopes, disabled: key.disabled };
			},
		},
	};
}

export { NAME as name, create, DEFAULTS, SCOPES, TOPICS };
