// One instance's options, state and counters.
import { DEFAULTS } from './program.cjs';
import { REWARD_SEED } from './rewards-seed.cjs';
import type { ProviderApi } from '../../types.cjs';
import type { Options, Site, State } from './model.cjs';

export function makeStore(api: ProviderApi, userOptions: Partial<Options>) {
	const { route, HttpError, parseAuthorization, sim, randomId } = api;
	const options: Options = { ...DEFAULTS, ...userOptions };
	// own copies: the control API changes keys' scopes, which must not leak into DEFAULTS or other instances
	options.apiKeys = options.apiKeys.map((k) => ({ ...k, scopes: [...k.scopes] }));
	for (const key of options.apiKeys) api.secret(key.token);
	const program = options.program;
	const sites = options.sites;
	const siteById = new Map<number, Site>(sites.map((s) => [s.id, s]));
	const state: State = {
		options,
		codes: new Map(),
		/** OAuth tokens: token -> {clientId, scopes, revoked} */
		tokens: new Map(),
		/** customers as the API shows them (wire objects), oldest first */
		customers: [],
		byMerchantId: new Map(),
		/** orders by their merchant_id (internal records; the routes answer views of them) */
		orders: new Map(),
		/** activities (internal records: `name` and `customer_id` are the tracked rule name and store customer id) */
		activities: [],
		/** transactions (internal: `merchant_id`, `points` and `reason` are the customer's store id, the net points and an adjustment's reason) */
		transactions: [],
		claimed: new Map(),
		rewards: REWARD_SEED.map((r) => ({ ...r })),
		unsubscribes: [],
		webhooks: new Map(),
		deliveries: [],
		/** delayed events not sent yet (points_earned waits 5 minutes) */
		pendingEvents: [],
		authorizeRequests: [],
		hits: new Map(),
		/** deliveries the webhook receiver rejected (status != 2xx) */
		failedDeliveries: [],
	};
	const seq = {
		customer: 1,
		transaction: 1,
		activity: 1,
		claimed: 1,
		webhook: 1,
		event: 1,
		order: 1,
		adjustment: 1,
		expiry: 1,
	};

	const iso = (ms: number) => new Date(ms).toISOString();
	const nowIso = () => new Date().toISOString();
	const base = Date.UTC(2024, 0, 1);
	return {
		api,
		route,
		HttpError,
		parseAuthorization,
		sim,
		randomId,
		options,
		program,
		sites,
		siteById,
		state,
		seq,
		iso,
		nowIso,
		base,
	};
}

export type Store = ReturnType<typeof makeStore>;
