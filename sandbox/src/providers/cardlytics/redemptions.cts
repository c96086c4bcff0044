// The redemption feed: a pre-signed URL to one day's file, and the (S3-like) host that serves the file.
import * as crypto from 'node:crypto';
import { seeded, type Cardlytics } from './helpers.cjs';
import { DAY_PATTERN } from './schemas.cjs';
import { NAME, type RedemptionRow } from './state.cjs';

export const SOURCES: Record<string, string> = {
	'GET /api/v1/partner/redemptions':
		'https://platform.cardlytics.com/advertisers/docs/api-redemption-feed-rest-api; the answer is only url, as the OpenAPI defines it; assumed: the 400 for another query parameter',
	'GET /files/redemptions/:file':
		'assumed: stands in for the pre-signed storage URL the redemption feed answers with (file format not public: CSV here)',
};

/** The columns of a redemption file (https://platform.cardlytics.com/ads-manager/docs/redemption-feed). */
export const REDEMPTION_COLUMNS = [
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

/** Registers the feed's routes; answers the day files, for the control that adds late redemptions. */
export function register(p: Cardlytics) {
	const { route, HttpError } = p.api;
	const { state, options, authorize, fail } = p;
	const signingKey = crypto.randomBytes(32);

	const sign = (date: string, expires: number) =>
		crypto.createHmac('sha256', signingKey).update(`${date}:${expires}`).digest('hex');

	/**
	 * The redemptions of one day's file, generated on first use (seeded, so a file reads the same each time);
	 * rows added later stand for redemptions Cardlytics reports late. Assumed: which file receives a late
	 * redemption is not public; here it is the transaction day's (tests may add it to another day's file).
	 */
	const redemptionsOf = (date: string): RedemptionRow[] => {
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
	const csvCell = (v: unknown) =>
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
		const xml = (code: string, message: string) =>
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

	return { redemptionsOf };
}
