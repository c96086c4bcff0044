// The merchant performance report: tabular, one row per offer, seeded figures.
import type { Cardlytics } from './helpers.cjs';
import { seeded } from './helpers.cjs';
import { reportSchema } from './schemas.cjs';

export const SOURCES: Record<string, string> = {
	'POST /api/v1/partner/merchants/:merchantId/reports':
		'https://platform.cardlytics.com/advertisers/docs/api-performance-reporting; assumed: the 404 for an unknown merchant and the figures (seeded)',
};

export function register(p: Cardlytics) {
	const { route } = p.api;
	const { state, authorize, validate, fail } = p;
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
}
