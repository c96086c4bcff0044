// Cardlytics Partner API simulator (OpenAPI "partner-api" 2025-10-07): form-body client credentials token (expires_in 3600), merchants and offers PUT/DELETE answering 202
// {message, trace_id}, the merchant performance report (tabular, one row per offer), redemptions answering a
// pre-signed URL valid 60 minutes, no pagination, 429 without Retry-After. The Partner API documents no
// request-id header and no error body: errors here answer {status, message} (assumed). The 401 for a missing,
// invalid or expired bearer is documented for the report only; on merchants, offers and redemptions it is
// assumed.
import { TokenStore, bearerOf } from '../../tokens.cjs';
import type { ProviderApi, RouteContext } from '../../types.cjs';
import { helpers } from './helpers.cjs';
import * as merchants from './merchants.cjs';
import * as offers from './offers.cjs';
import * as redemptions from './redemptions.cjs';
import { REDEMPTION_COLUMNS } from './redemptions.cjs';
import * as reports from './reports.cjs';
import { DAY_PATTERN } from './schemas.cjs';
import { DEFAULTS, NAME, createState, type Options, type RedemptionRow } from './state.cjs';
import * as token from './token.cjs';

/**
 * Where each route comes from: the provider's reference page it was written from and validates as, a seed
 * document, or "assumed:" with the reason. The core refuses to register a route that is not listed here.
 */
export const SOURCES: Record<string, string> = {
	...token.SOURCES,
	...merchants.SOURCES,
	...offers.SOURCES,
	...reports.SOURCES,
	...redemptions.SOURCES,
};

function create(api: ProviderApi, userOptions: Partial<Options>) {
	const { randomId } = api;
	const options: Options = { ...DEFAULTS, ...userOptions };
	const tokens = new TokenStore({
		lifetimeSeconds: options.tokenLifetimeSeconds,
		prefix: 'cdlx_',
		onIssue: api.secret,
	});
	const state = createState(options, tokens);
	const p = helpers(api, state);

	token.register(p);
	merchants.register(p);
	offers.register(p);
	reports.register(p);
	const { redemptionsOf } = redemptions.register(p);

	return {
		/** The client a request comes from, whichever of its tokens it carries: rate limits count per client. */
		callerOf: (ctx: RouteContext) =>
			tokens.tokens.get(bearerOf(ctx.headers) ?? '')?.subject?.clientId,
		state,
		tokens,
		// Assumed fault body (the 429 and 500 bodies are not public); no request-id header is sent.
		faultBody(status: number) {
			return { status, message: status === 429 ? 'Too Many Requests' : 'Internal Server Error' };
		},
		control: {
			expireTokens: () => ({ expired: tokens.expireAll() }),
			/**
			 * Adds a redemption to a past day's file, standing for a late redemption (which file is not public,
			 * assumed: the caller picks it): {date, row} (row fields
			 * as the feed names them; missing ones filled in). Answers the row as the file now lists it.
			 */
			addRedemption: ({ date, row = {} }: { date: string; row?: RedemptionRow }) => {
				if (!DAY_PATTERN.test(String(date)))
					throw new Error('addRedemption needs date as YYYY-MM-DD');
				const rows = redemptionsOf(date);
				const added: RedemptionRow = {
					transaction_id: randomId('tx-late-', 6),
					cardholder_id: 'ch-late',
					partner_merchant_id: 'merchant-0',
					partner_offer_id: 'offer-0',
					partner_store_id: 'store-0',
					partner_merchant_name: 'Merchant 0',
					card_type: 'Visa',
					card_last_four: '4242',
					transaction_amount: 12.5,
					transaction_timestamp: `${date}T12:00:00Z`,
					...row,
				};
				for (const key of Object.keys(added))
					if (!REDEMPTION_COLUMNS.includes(key))
						throw new Error(`${key} is not a redemption feed field`);
				rows.push(added);
				return added;
			},
			rotateSecret: ({ clientId, clientSecret }: { clientId: string; clientSecret: string }) => {
				const c = state.clients.find((x) => x.clientId === clientId);
				if (c) c.clientSecret = clientSecret;
				return {
					revoked: tokens.revokeAll((s: { clientId: string }) => s.clientId === clientId),
				};
			},
		},
	};
}

export { NAME as name, create, DEFAULTS };
