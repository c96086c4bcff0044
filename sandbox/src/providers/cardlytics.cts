// Cardlytics Partner API simulator (OpenAPI "partner-api" 2025-10-07): form-body client credentials token (expires_in 3600), merchants and offers PUT/DELETE answering 202
// {message, trace_id}, the merchant performance report (tabular, one row per offer), redemptions answering a
// pre-signed URL valid 60 minutes, no pagination, 429 without Retry-After. The Partner API documents no
// request-id header and no error body: errors here answer {status, message} (assumed). The 401 for a missing,
// invalid or expired bearer is documented for the report only; on merchants, offers and redemptions it is
// assumed.
import * as crypto from 'node:crypto';
import { z } from 'zod';
import { TokenStore, bearerOf } from '../tokens.cjs';

const NAME = 'cardlytics';

const DEFAULTS = {
	clients: [{ clientId: 'cdlx-demo-client', clientSecret: 'cdlx-demo-secret' }],
	tokenLifetimeSeconds: 3600,
	presignTtlSeconds: 3600,
	redemptionsPerDay: 25,
	// Extra fields for the redemption link answer, beside url. None by default: the OpenAPI defines only url,
	// and the REST page's "name and expiration window" are given no field names. Tests set them (names theirs)
	// to prove the node passes such fields on unchanged.
	redemptionLinkFields: {},
};

// platform.cardlytics.com/advertisers/docs/api-offer-ingestion: an image asset is {type: "IMAGE", value:
// {large: {url}}} or value.large.content as a data URL; logo and largeRectangle are both required.
const imageAsset = z
	.object({
		type: z.literal('IMAGE'),
		value: z
			.object({
				large: z
					.object({
						url: z.string().url().optional(),
						content: z
							.string()
							.regex(
								/^data:[^,]*,/,
								'content must be a data URL (RFC 2397), e.g. data:image/png;base64,…',
							)
							.optional(),
					})
					.strict()
					.refine(
						(l) => Boolean(l.url) !== Boolean(l.content),
						'value.large needs exactly one of url or content',
					),
			})
			.strict(),
	})
	.strict();

// MerchantPayload (OpenAPI "partner-api" 2025-10-07; https://platform.cardlytics.com/ads-manager/docs/merchant-ingestion-api).
// Objects are strict (assumed: the reference does not say Cardlytics refuses unknown fields), so that a
// misnamed field is refused by name rather than silently dropped.
const text = (field) =>
	z.string({ required_error: `${field} is required` }).min(1, `${field} is required`);
const midItem = (required: string[], optional: string[] = []) =>
	z
		.object(
			Object.fromEntries([
				...required.map((k) => [k, text(k)]),
				...optional.map((k) => [k, z.string().optional()]),
			]),
		)
		.strict();
const processorSchema = z
	.object({
		processorName: text('processorName'),
		processorId: z.string().optional(),
		// merchant-ingestion-api: at least one element with both vmid and vsid (not every element).
		visaMids: z
			.array(midItem([], ['vmid', 'vsid']))
			.min(1)
			.refine(
				(mids) => mids.some((m) => m.vmid && m.vsid),
				'visaMids needs at least one element with both vmid and vsid',
			)
			.optional(),
		mcAuthMids: z
			.array(midItem(['mcAuthLocationId', 'mcAuthAcquiringMid'], ['mcAuthICA']))
			.min(1)
			.optional(),
		mcClearingMids: z
			.array(midItem(['mcClearingLocationId', 'mcClearingAcquiringMid'], ['mcClearingICA']))
			.min(1)
			.optional(),
		amexMids: z
			.array(midItem(['seNumber']))
			.min(1)
			.optional(),
		discoverMids: z
			.array(midItem(['discover']))
			.min(1)
			.optional(),
	})
	.strict();
const NETWORK_MIDS = {
	Visa: ['visaMids'],
	MasterCard: ['mcAuthMids', 'mcClearingMids'],
	AmericanExpress: ['amexMids'],
	Discover: ['discoverMids'],
};
const midRecordSchema = z
	.object({
		paymentNetwork: z.enum(['Visa', 'MasterCard', 'AmericanExpress', 'Discover'], {
			errorMap: () => ({
				message: 'paymentNetwork must be one of Visa, MasterCard, AmericanExpress, Discover',
			}),
		}),
		processors: z.array(processorSchema).min(1, 'processors needs at least one processor'),
	})
	.strict()
	.superRefine((record, ctx) => {
		const own = NETWORK_MIDS[record.paymentNetwork];
		record.processors.forEach((p, n) => {
			if (!own.some((k) => p[k]?.length))
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					path: ['processors', n, own.join('|')],
					message: `a ${record.paymentNetwork} processor needs ${own.join(' or ')}`,
				});
		});
	});
const storeSchema = z
	.object({
		storeId: text('storeId'),
		storeName: text('storeName'),
		address1: text('address1'),
		address2: z.string().optional(),
		city: text('city'),
		state: text('state'),
		postalCode: text('postalCode'),
		// ISO 3166-1 alpha-2; upper case only is assumed (the node sends it upper-cased).
		countryCode: z.string().regex(/^[A-Z]{2}$/, 'countryCode must be ISO 3166-1 alpha-2'),
		locatedIn: z.string().optional(),
		storePhoneNumbers: z.array(z.string()).optional(),
		storeUrl: z.string().optional(),
		storeEmails: z.array(z.string()).optional(),
		latitude: z.string().optional(),
		longitude: z.string().optional(),
		processorMidChangedFlag: z.enum(['Y', 'N'], {
			errorMap: () => ({ message: 'processorMidChangedFlag must be Y or N' }),
		}),
		processorMidRecords: z
			.array(midRecordSchema, { required_error: 'processorMidRecords is required' })
			.min(1, 'processorMidRecords needs at least one MID record'),
	})
	.strict();
const merchantSchema = z
	.object({
		merchantId: text('merchantId'),
		merchantName: text('merchantName'),
		parentMerchantId: z.string().optional(),
		// The OpenAPI types it number (example 5812); the node follows the OpenAPI, so a string is refused.
		merchantCategoryCode: z
			.number({
				invalid_type_error: 'merchantCategoryCode must be a number (OpenAPI: type number)',
			})
			.int()
			.min(0)
			.max(9999, 'merchantCategoryCode must be a four-digit ISO 18245 MCC')
			.optional(),
		merchantSubCategories: z
			.array(
				z
					.object({
						categoryType: text('categoryType'),
						// "No special characters" is undefined; assumed: letters (any script), digits,
						// spaces, hyphens and apostrophes, the same rule the node checks before sending.
						categoryItems: z.array(
							z.string().regex(/^[\p{L}\p{N} '\-]+$/u, 'categoryItems: no special characters'),
						),
					})
					.strict(),
			)
			.optional(),
		paymentChannels: z
			.array(z.enum(['online', 'instore']))
			.min(1, 'paymentChannels needs online and/or instore'),
		paymentSubChannels: z.array(z.enum(['PayAtPump', 'Convenience'])).optional(),
		merchantUrl: z.string().optional(),
		merchantApps: z.array(z.string()).optional(),
		stores: z
			.array(storeSchema, { required_error: 'stores is required' })
			.min(1, 'stores needs at least one store'),
	})
	.strict();

// OfferPayload (https://platform.cardlytics.com/advertisers/docs/api-offer-ingestion). Strict (assumed, as for
// MerchantPayload: the reference does not say Cardlytics refuses unknown fields). offerStatus is for SFTP files
// only (REST takes the method), so it is refused here like any field the schema lacks.
const offerSchema = z
	.object({
		offerId: text('offerId'),
		merchantId: text('merchantId'),
		offerName: text('offerName'),
		assets: z.object({ logo: imageAsset, largeRectangle: imageAsset }).strict(),
	})
	.strict();

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
// ReportRequest (https://platform.cardlytics.com/advertisers/docs/api-performance-reporting): every field
// optional; a timeRange needs both ends; at most 1000 offer ids (ads-manager/docs/upcoming-features). Strict
// (assumed: the reference does not say unknown fields are refused).
const reportSchema = z
	.object({
		cube: z
			.literal('merchant_performance', {
				errorMap: () => ({ message: 'cube must be "merchant_performance"' }),
			})
			.optional(),
		offerIds: z
			.array(z.string().min(1))
			.max(1000, 'offerIds may hold at most 1000 offer ids')
			.optional(),
		timeRange: z
			.object({
				from: z
					.string({ required_error: 'timeRange.from is required once timeRange is sent' })
					.regex(DAY_PATTERN, 'timeRange.from must be YYYY-MM-DD'),
				to: z
					.string({ required_error: 'timeRange.to is required once timeRange is sent' })
					.regex(DAY_PATTERN, 'timeRange.to must be YYYY-MM-DD'),
			})
			.strict()
			.optional(),
	})
	.strict();

/** The columns of a redemption file (https://platform.cardlytics.com/ads-manager/docs/redemption-feed). */
const REDEMPTION_COLUMNS = [
	'transaction_id',
	'cardholder_id',
	'partner_merchant_id',
	'partner_offer_id',
	'partner_store_id',
	'partner_merchant_name',
	'card_type',
	'card_last_four',
	'transaction_amount',
	'transaction_timestamp',
];

function zodMessage(error) {
	return error.issues
		.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
		.join('; ');
}

/** A stable pseudo-random number from a string, for seeded report figures. */
function seeded(text, max) {
	return crypto.createHash('sha256').update(text).digest().readUInt32BE(0) % max;
}

/**
 * Where each route comes from: the provider's reference page it was written from and validates as, a seed
 * document, or "assumed:" with the reason. The core refuses to register a route that is not listed here.
 */
export const SOURCES: Record<string, string> = {
	'POST /api/v1/idp/oauth2/token':
		'https://platform.cardlytics.com/advertisers/docs/api-access-authorization',
	'PUT /api/v1/partner/merchants/:merchantId':
		'https://platform.cardlytics.com/advertisers/docs/api-merchant-rest-api',
	'DELETE /api/v1/partner/merchants/:merchantId':
		'https://platform.cardlytics.com/advertisers/docs/api-merchant-rest-api; assumed: the 404 for an unknown merchant and the removal of its offers (neither is public)',
	'PUT /api/v1/partner/merchants/:merchantId/offers/:offerId':
		'https://platform.cardlytics.com/advertisers/docs/api-offer-ingestion; assumed: the 404 for an unknown merchant',
	'DELETE /api/v1/partner/merchants/:merchantId/offers/:offerId':
		'https://platform.cardlytics.com/ads-manager/docs/rest-api-option-1; assumed: the 404 for an unknown offer',
	'POST /api/v1/partner/merchants/:merchantId/reports':
		'https://platform.cardlytics.com/advertisers/docs/api-performance-reporting; assumed: the 404 for an unknown merchant and the figures (seeded)',
	'GET /api/v1/partner/redemptions':
		'https://platform.cardlytics.com/advertisers/docs/api-redemption-feed-rest-api; the answer is only url, as the OpenAPI defines it; assumed: the 400 for another query parameter',
	'GET /files/redemptions/:file':
		'assumed: stands in for the pre-signed storage URL the redemption feed answers with (file format not public: CSV here)',
};

function create(api, userOptions) {
	const { route, HttpError, randomId, sim } = api;
	const options = { ...DEFAULTS, ...userOptions };
	const tokens = new TokenStore({
		lifetimeSeconds: options.tokenLifetimeSeconds,
		prefix: 'cdlx_',
		onIssue: api.secret,
	});
	const signingKey = crypto.randomBytes(32);
	const state: any = {
		options,
		tokens,
		clients: options.clients.map((c) => ({ ...c })),
		merchants: new Map(),
		/** offers by `${merchantId}/${offerId}` */
		offers: new Map(),
		/** redemption rows by file day (YYYY-MM-DD) */
		redemptionFiles: new Map(),
	};

	// Assumed error body: the Partner API documents none.
	const fail = (_ctx, status, message) => new HttpError(status, { status, message });

	// The OpenAPI lists 401 for the report only; answering it on the other partner endpoints is assumed.
	const authorize = (ctx) => {
		const token = bearerOf(ctx.headers);
		const check = tokens.check(token);
		if (!check.ok) {
			throw fail(
				ctx,
				401,
				check.reason === 'expired' ? 'Access token expired' : 'Invalid access token',
			);
		}
		return check.subject;
	};

	const validate = (ctx, schema, body) => {
		const parsed = schema.safeParse(body ?? {});
		if (!parsed.success) throw fail(ctx, 400, zodMessage(parsed.error));
		return parsed.data;
	};

	const accepted = (message) => ({
		status: 202,
		body: { message, trace_id: randomId('trace-', 8) },
	});

	// Token endpoint: form body client_id, client_secret, grant_type=client_credentials. The 400/401 bodies
	// ({error, error_description}, as RFC 6749 5.2) are assumed: the OpenAPI gives them no schema.
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

	route('PUT', '/api/v1/partner/merchants/:merchantId', (ctx) => {
		authorize(ctx);
		const body = validate(ctx, merchantSchema, ctx.body);
		if (body.merchantId !== ctx.params.merchantId) {
			throw fail(
				ctx,
				400,
				`merchantId in the body (${body.merchantId}) does not match the path (${ctx.params.merchantId})`,
			);
		}
		const existed = state.merchants.has(body.merchantId);
		state.merchants.set(body.merchantId, { ...body, updatedAt: new Date().toISOString() });
		return accepted(existed ? 'Merchant update accepted' : 'Merchant creation accepted');
	});

	// Assumed: the OpenAPI lists no 404 (nor what deleting a merchant does to its offers). An unknown merchant
	// answers 404 here, and its offers go with it, so that tests see a provider error on one item.
	route('DELETE', '/api/v1/partner/merchants/:merchantId', (ctx) => {
		authorize(ctx);
		if (!state.merchants.delete(ctx.params.merchantId)) {
			throw fail(ctx, 404, `Merchant ${ctx.params.merchantId} not found`);
		}
		for (const key of [...state.offers.keys()])
			if (key.startsWith(ctx.params.merchantId + '/')) state.offers.delete(key);
		return accepted('Merchant deletion accepted');
	});

	route('PUT', '/api/v1/partner/merchants/:merchantId/offers/:offerId', (ctx) => {
		authorize(ctx);
		const body = validate(ctx, offerSchema, ctx.body);
		const { merchantId, offerId } = ctx.params;
		// Assumed: no 404 is documented; an offer of an unknown merchant is refused so tests see it.
		if (!state.merchants.has(merchantId)) throw fail(ctx, 404, `Merchant ${merchantId} not found`);
		if (body.offerId !== offerId || body.merchantId !== merchantId) {
			throw fail(ctx, 400, 'offerId and merchantId in the body must match the path');
		}
		const key = `${merchantId}/${offerId}`;
		const existed = state.offers.has(key);
		state.offers.set(key, body);
		return accepted(existed ? 'Offer update accepted' : 'Offer creation accepted');
	});

	// Assumed: no 404 is documented; an unknown offer answers 404 here.
	route('DELETE', '/api/v1/partner/merchants/:merchantId/offers/:offerId', (ctx) => {
		authorize(ctx);
		const key = `${ctx.params.merchantId}/${ctx.params.offerId}`;
		if (!state.offers.delete(key))
			throw fail(
				ctx,
				404,
				`Offer ${ctx.params.offerId} not found for merchant ${ctx.params.merchantId}`,
			);
		return accepted('Offer deletion accepted');
	});

	route('POST', '/api/v1/partner/merchants/:merchantId/reports', (ctx) => {
		authorize(ctx);
		if (ctx.body === undefined || ctx.body === null || typeof ctx.body !== 'object')
			throw fail(ctx, 400, 'the request body is required (send at least {})');
		const body = validate(ctx, reportSchema, ctx.body);
		const { merchantId } = ctx.params;
		// Assumed: no 404 is documented.
		if (!state.merchants.has(merchantId)) throw fail(ctx, 404, `Merchant ${merchantId} not found`);
		const today = new Date().toISOString().slice(0, 10);
		const now = new Date();
		// api-performance-reporting: the maximum look-back is two years; without a timeRange, two years to today.
		// The same day two years back; on Feb 29 the month's last day (Feb 28), not Mar 1.
		const lastDay = new Date(
			Date.UTC(now.getUTCFullYear() - 2, now.getUTCMonth() + 1, 0),
		).getUTCDate();
		const earliest = new Date(
			Date.UTC(now.getUTCFullYear() - 2, now.getUTCMonth(), Math.min(now.getUTCDate(), lastDay)),
		)
			.toISOString()
			.slice(0, 10);
		const range = body.timeRange ?? { from: earliest, to: today };
		const from = new Date(range.from + 'T00:00:00Z');
		const to = new Date(range.to + 'T00:00:00Z');
		// "400 invalid parameters or date range" (api-performance-reporting); assumed: from after to is invalid.
		if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || from > to) {
			throw fail(ctx, 400, 'timeRange.from must be a valid date on or before timeRange.to');
		}
		if (range.from < earliest)
			throw fail(ctx, 400, `timeRange.from may reach at most two years back (${earliest})`);
		// No offer ids (or an empty list): every offer of the merchant.
		const offerIds = body.offerIds?.length
			? body.offerIds
			: [...state.offers.keys()]
					.filter((k) => k.startsWith(merchantId + '/'))
					.map((k) => k.slice(merchantId.length + 1));
		state.lastReport = { merchantId, from: range.from, to: range.to, offerIds };
		// One row per offer over the whole range, with the example field list of api-performance-reporting
		// (the page documents no date dimension). The figures are seeded (assumed).
		const rows = offerIds.map((offerId) => {
			const seed = `${merchantId}/${offerId}/${range.from}/${range.to}`;
			const impressions = 1000 + seeded(seed + 'i', 9000);
			const reach = Math.floor(impressions * (0.5 + seeded(seed + 'c', 400) / 1000));
			const activations = Math.floor(impressions * (0.02 + seeded(seed + 'a', 50) / 1000));
			const purchases = Math.floor(activations * (0.1 + seeded(seed + 'p', 300) / 1000));
			const revenue = Math.round(purchases * (20 + seeded(seed + 'r', 8000) / 100) * 100) / 100;
			return [merchantId, offerId, impressions, purchases, revenue, reach, activations];
		});
		return {
			status: 200,
			body: {
				header: {
					cube: 'merchant_performance',
					fields: [
						{ fieldName: 'Partner Merchant Id', fieldType: 'DIM' },
						{ fieldName: 'Partner Offer Id', fieldType: 'DIM' },
						{ fieldName: 'Impressions', fieldType: 'FACT' },
						{ fieldName: 'Purchases', fieldType: 'FACT' },
						{ fieldName: 'Revenue', fieldType: 'FACT' },
						{ fieldName: 'Reach', fieldType: 'FACT' },
						{ fieldName: 'Activations', fieldType: 'FACT' },
					],
					maxRows: -1,
				},
				rows,
			},
		};
	});

	const sign = (date, expires) =>
		crypto.createHmac('sha256', signingKey).update(`${date}:${expires}`).digest('hex');

	/**
	 * The redemptions of one day's file, generated on first use (seeded, so a file reads the same each time);
	 * rows added later stand for redemptions Cardlytics reports late. Assumed: which file receives a late
	 * redemption is not public; here it is the transaction day's (tests may add it to another day's file).
	 */
	const redemptionsOf = (date) => {
		let rows = state.redemptionFiles.get(date);
		if (!rows) {
			rows = [];
			for (let i = 0; i < options.redemptionsPerDay; i++) {
				const seed = `${date}/${i}`;
				const merchant = seeded(seed + 'm', 3);
				rows.push({
					transaction_id: `tx-${date.replace(/-/g, '')}-${i}`,
					cardholder_id: `ch-${seeded(seed + 'c', 100000)}`,
					partner_merchant_id: `merchant-${merchant}`,
					partner_offer_id: `offer-${seeded(seed + 'o', 5)}`,
					partner_store_id: `store-${seeded(seed + 's', 10)}`,
					partner_merchant_name: `Merchant ${merchant}`,
					card_type: i % 7 === 6 ? null : i % 2 ? 'Visa' : 'Mastercard',
					card_last_four: i % 7 === 6 ? null : String(1000 + seeded(seed + 'l', 9000)),
					transaction_amount: seeded(seed, 20000) / 100,
					transaction_timestamp: `${date}T${String(8 + (i % 12)).padStart(2, '0')}:00:00Z`,
				});
			}
			state.redemptionFiles.set(date, rows);
		}
		return rows;
	};
	const csvCell = (v) =>
		v === null || v === undefined
			? ''
			: /[",\n]/.test(String(v))
				? `"${String(v).replace(/"/g, '""')}"`
				: String(v);

	route('GET', '/api/v1/partner/redemptions', (ctx) => {
		authorize(ctx);
		// Assumed: the OpenAPI defines only date; another query parameter is refused so a typo shows.
		for (const key of ctx.query.keys())
			if (key !== 'date')
				throw fail(ctx, 400, `${key} is not a query parameter of this endpoint (only date)`);
		const date = ctx.query.get('date') ?? '';
		if (!DAY_PATTERN.test(date) || Number.isNaN(Date.parse(date + 'T00:00:00Z'))) {
			throw fail(ctx, 400, 'date is required as YYYY-MM-DD');
		}
		const today = new Date().toISOString().slice(0, 10);
		if (date >= today) throw fail(ctx, 400, 'date must be in the past');
		const expires = Math.floor(Date.now() / 1000) + options.presignTtlSeconds;
		const fileName = `${date}.csv`;
		const url = `${ctx.origin}/${NAME}/files/redemptions/${fileName}?X-Expires=${expires}&X-Signature=${sign(date, expires)}`;
		// The OpenAPI defines only url. The REST page mentions the file's name and expiration window without
		// naming their fields, so none is made up here unless a test sets redemptionLinkFields.
		return { status: 200, body: { url, ...options.redemptionLinkFields } };
	});

	// The pre-signed file host (S3-like): no bearer token, the signature and expiry are the authorisation.
	route('GET', '/files/redemptions/:file', (ctx) => {
		const m = /^(\d{4}-\d{2}-\d{2})\.csv$/.exec(ctx.params.file);
		const expires = Number(ctx.query.get('X-Expires'));
		const signature = ctx.query.get('X-Signature') ?? '';
		const xml = (code, message) =>
			new HttpError(
				403,
				`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`,
				{
					'Content-Type': 'application/xml',
				},
			);
		if (!m) throw new HttpError(404, 'Not found');
		const expected = sign(m[1], expires);
		if (
			signature.length !== expected.length ||
			!crypto.timingSafeEqual(Buffer.from(signature), Buffer.from(expected))
		) {
			throw xml(
				'SignatureDoesNotMatch',
				'The request signature we calculated does not match the signature you provided.',
			);
		}
		if (Date.now() / 1000 > expires) throw xml('AccessDenied', 'Request has expired');
		const lines = [REDEMPTION_COLUMNS.join(',')];
		for (const row of redemptionsOf(m[1]))
			lines.push(REDEMPTION_COLUMNS.map((c) => csvCell(row[c])).join(','));
		return {
			status: 200,
			body: Buffer.from(lines.join('\n') + '\n'),
			headers: { 'Content-Type': 'text/csv' },
		};
	});

	return {
		/** The client a request comes from, whichever of its tokens it carries: rate limits count per client. */
		callerOf: (ctx) => tokens.tokens.get(bearerOf(ctx.headers) ?? '')?.subject?.clientId,
		state,
		tokens,
		// Assumed fault body (the 429 and 500 bodies are not public); no request-id header is sent.
		faultBody(status) {
			return { status, message: status === 429 ? 'Too Many Requests' : 'Internal Server Error' };
		},
		control: {
			expireTokens: () => ({ expired: tokens.expireAll() }),
			/**
			 * Adds a redemption to a past day's file, standing for a late redemption (which file is not public,
			 * assumed: the caller picks it): {date, row} (row fields
			 * as the feed names them; missing ones filled in). Answers the row as the file now lists it.
			 */
			addRedemption: ({ date, row = {} }) => {
				if (!DAY_PATTERN.test(String(date)))
					throw new Error('addRedemption needs date as YYYY-MM-DD');
				const rows = redemptionsOf(date);
				const added = {
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
			rotateSecret: ({ clientId, clientSecret }) => {
				const c = state.clients.find((x) => x.clientId === clientId);
				if (c) c.clientSecret = clientSecret;
				return { revoked: tokens.revokeAll((s) => s.clientId === clientId) };
			},
		},
	};
}

export { NAME as name, create, DEFAULTS };
