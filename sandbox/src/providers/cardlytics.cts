// Cardlytics Partner API simulator: form-body client credentials token (expires_in 3600), merchants and offers PUT/DELETE answering 202
// {message, trace_id}, the merchant performance report (tabular), redemptions answering a pre-signed URL
// valid 60 minutes, X-CDLX-Request-Id echoed, no pagination, 429 without Retry-After.
import * as crypto from 'node:crypto';
import { z } from 'zod';
import { TokenStore, bearerOf } from '../tokens.cjs';

const NAME = 'cardlytics';

const DEFAULTS = {
	clients: [{ clientId: 'cdlx-demo-client', clientSecret: 'cdlx-demo-secret' }],
	tokenLifetimeSeconds: 3600,
	presignTtlSeconds: 3600,
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
								/^data:image\/(png|jpeg|gif|svg\+xml);base64,/,
								'content must be a data URL of an image',
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

const merchantSchema = z.object({
	merchantId: z.string().min(1),
	merchantName: z.string().min(1).max(100),
	merchantCategoryCode: z.string().regex(/^\d{4}$/, 'merchantCategoryCode must be a 4-digit MCC'),
	paymentChannels: z
		.array(z.enum(['online', 'instore']))
		.min(1, 'paymentChannels needs online and/or instore'),
	stores: z
		.array(
			z.object({
				storeId: z.string().min(1),
				name: z.string().optional(),
				address: z.string().optional(),
				city: z.string().optional(),
				state: z.string().optional(),
				postalCode: z.string().optional(),
				countryCode: z.string().length(2, 'countryCode must be ISO 3166-1 alpha-2').optional(),
			}),
		)
		.optional(),
});

const offerSchema = z
	.object({
		offerId: z.string().min(1),
		merchantId: z.string().min(1),
		offerName: z.string().min(1).max(120),
		assets: z.object({ logo: imageAsset, largeRectangle: imageAsset }),
	})
	.passthrough();

const reportSchema = z.object({
	cube: z.literal('merchant_performance', {
		errorMap: () => ({ message: 'cube must be "merchant_performance"' }),
	}),
	offerIds: z.array(z.string().min(1)).min(1, 'offerIds needs at least one offer id'),
	timeRange: z.object({
		from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'timeRange.from must be YYYY-MM-DD'),
		to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'timeRange.to must be YYYY-MM-DD'),
	}),
});

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
	'POST /api/v1/idp/oauth2/token': 'seed 003: form client credentials, expires_in 3600',
	'PUT /api/v1/partner/merchants/:merchantId':
		'https://platform.cardlytics.com/advertisers/docs/api-merchant-ingestion',
	'DELETE /api/v1/partner/merchants/:merchantId':
		'https://platform.cardlytics.com/advertisers/docs/api-merchant-ingestion',
	'PUT /api/v1/partner/merchants/:merchantId/offers/:offerId':
		'https://platform.cardlytics.com/advertisers/docs/api-offer-ingestion',
	'DELETE /api/v1/partner/merchants/:merchantId/offers/:offerId':
		'https://platform.cardlytics.com/advertisers/docs/api-offer-ingestion',
	'POST /api/v1/partner/merchants/:merchantId/reports':
		'https://platform.cardlytics.com/advertisers/docs/api-aggregate-reporting',
	'GET /api/v1/partner/redemptions':
		'https://platform.cardlytics.com/advertisers/docs/api-redemption-feed',
	'GET /files/redemptions/:file':
		'assumed: stands in for the pre-signed storage URL the redemption feed answers with',
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
	};

	const fail = (ctx, status, message, extra: any = {}) =>
		new HttpError(status, { status, message, requestId: ctx.requestId, ...extra });

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

	// Token endpoint: form body client_id, client_secret, grant_type=client_credentials.
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
		if (!state.merchants.has(merchantId)) throw fail(ctx, 404, `Merchant ${merchantId} not found`);
		if (body.offerId !== offerId || body.merchantId !== merchantId) {
			throw fail(ctx, 400, 'offerId and merchantId in the body must match the path');
		}
		const key = `${merchantId}/${offerId}`;
		const existed = state.offers.has(key);
		state.offers.set(key, body);
		return accepted(existed ? 'Offer update accepted' : 'Offer creation accepted');
	});

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
		const body = validate(ctx, reportSchema, ctx.body);
		const { merchantId } = ctx.params;
		if (!state.merchants.has(merchantId)) throw fail(ctx, 404, `Merchant ${merchantId} not found`);
		const from = new Date(body.timeRange.from + 'T00:00:00Z');
		const to = new Date(body.timeRange.to + 'T00:00:00Z');
		if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || from > to) {
			throw fail(ctx, 400, 'timeRange.from must be a valid date on or before timeRange.to');
		}
		const days = Math.round((Number(to) - Number(from)) / 86400000) + 1;
		if (days > 366) throw fail(ctx, 400, 'timeRange may span at most 366 days');
		const rows: any[] = [];
		for (let d = 0; d < days; d++) {
			const date = new Date(from.getTime() + d * 86400000).toISOString().slice(0, 10);
			for (const offerId of body.offerIds) {
				const seed = `${merchantId}/${offerId}/${date}`;
				const impressions = 1000 + seeded(seed + 'i', 9000);
				const activations = Math.floor(impressions * (0.02 + seeded(seed + 'a', 50) / 1000));
				const redemptions = Math.floor(activations * (0.1 + seeded(seed + 'r', 300) / 1000));
				const spend = Math.round(redemptions * (20 + seeded(seed + 's', 8000) / 100) * 100) / 100;
				rows.push([date, offerId, impressions, activations, redemptions, spend]);
			}
		}
		return {
			status: 200,
			body: {
				header: {
					cube: 'merchant_performance',
					fields: [
						{ fieldName: 'date', fieldType: 'DIM' },
						{ fieldName: 'offerId', fieldType: 'DIM' },
						{ fieldName: 'impressions', fieldType: 'FACT' },
						{ fieldName: 'activations', fieldType: 'FACT' },
						{ fieldName: 'redemptions', fieldType: 'FACT' },
						{ fieldName: 'spend', fieldType: 'FACT' },
					],
					maxRows: 10000,
				},
				rows,
			},
		};
	});

	const sign = (date, expires) =>
		crypto.createHmac('sha256', signingKey).update(`${date}:${expires}`).digest('hex');

	route('GET', '/api/v1/partner/redemptions', (ctx) => {
		authorize(ctx);
		const date = ctx.query.get('date') ?? '';
		if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date + 'T00:00:00Z'))) {
			throw fail(ctx, 400, 'date is required as YYYY-MM-DD');
		}
		const today = new Date().toISOString().slice(0, 10);
		if (date >= today) throw fail(ctx, 400, 'date must be in the past');
		const expires = Math.floor(Date.now() / 1000) + options.presignTtlSeconds;
		const url = `${ctx.origin}/${NAME}/files/redemptions/${date}.csv?X-Expires=${expires}&X-Signature=${sign(date, expires)}`;
		return { status: 200, body: { url } };
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
		const lines = ['redemption_id,offer_id,merchant_id,amount,currency,redeemed_at'];
		for (let i = 0; i < 25; i++) {
			const seed = `${m[1]}/${i}`;
			lines.push(
				[
					`r-${m[1].replace(/-/g, '')}-${i}`,
					`offer-${seeded(seed + 'o', 5)}`,
					`merchant-${seeded(seed + 'm', 3)}`,
					(seeded(seed, 20000) / 100).toFixed(2),
					'USD',
					`${m[1]}T${String(8 + (i % 12)).padStart(2, '0')}:00:00Z`,
				].join(','),
			);
		}
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
		/** Every answer carries X-CDLX-Request-Id: the caller's own if sent, else a new one. */
		commonHeaders(ctx) {
			ctx.requestId = ctx.headers['x-cdlx-request-id'] || randomId('cdlx-req-', 8);
			state.lastRequestId = ctx.requestId;
			return { 'X-CDLX-Request-Id': ctx.requestId };
		},
		faultBody(status, ctx) {
			return {
				status,
				message: status === 429 ? 'Too Many Requests' : 'Internal Server Error',
				requestId: ctx.requestId,
			};
		},
		control: {
			expireTokens: () => ({ expired: tokens.expireAll() }),
			rotateSecret: ({ clientId, clientSecret }) => {
				const c = state.clients.find((x) => x.clientId === clientId);
				if (c) c.clientSecret = clientSecret;
				return { revoked: tokens.revokeAll((s) => s.clientId === clientId) };
			},
		},
	};
}

export { NAME as name, create, DEFAULTS };
