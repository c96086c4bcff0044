// Cardlytics' options and simulator state.
import type { z } from 'zod';
import type { TokenStore } from '../../tokens.cjs';
import type { merchantSchema, offerSchema } from './schemas.cjs';

export const NAME = 'cardlytics';

export const DEFAULTS = {
	clients: [{ clientId: 'cdlx-demo-client', clientSecret: 'cdlx-demo-secret' }],
	tokenLifetimeSeconds: 3600,
	presignTtlSeconds: 3600,
	redemptionsPerDay: 25,
	// Extra fields for the redemption link answer, beside url. None by default: the OpenAPI defines only url,
	// and the REST page's "name and expiration window" are given no field names. Tests set them (names theirs)
	// to prove the node passes such fields on unchanged.
	redemptionLinkFields: {} as Record<string, unknown>,
};

export type Options = typeof DEFAULTS;

export interface Client {
	clientId: string;
	clientSecret: string;
}

export type Merchant = z.infer<typeof merchantSchema> & { updatedAt: string };
export type Offer = z.infer<typeof offerSchema>;
/** One row of a redemption file, by column name. */
export type RedemptionRow = Record<string, unknown>;

export interface State {
	options: Options;
	tokens: TokenStore;
	clients: Client[];
	merchants: Map<string, Merchant>;
	/** offers by `${merchantId}/${offerId}` */
	offers: Map<string, Offer>;
	/** redemption rows by file day (YYYY-MM-DD) */
	redemptionFiles: Map<string, RedemptionRow[]>;
	/** what the last report was asked for */
	lastReport?: { merchantId: string; from: string; to: string; offerIds: string[] };
}

export function createState(options: Options, tokens: TokenStore): State {
	return {
		options,
		tokens,
		clients: options.clients.map((c) => ({ ...c })),
		merchants: new Map(),
		offers: new Map(),
		redemptionFiles: new Map(),
	};
}
