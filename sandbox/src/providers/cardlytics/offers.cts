// Offers (OfferPayload) of a merchant: PUT and DELETE, answering 202.
import type { Cardlytics } from './helpers.cjs';
import { offerSchema } from './schemas.cjs';

export const SOURCES: Record<string, string> = {
	'PUT /api/v1/partner/merchants/:merchantId/offers/:offerId':
		'https://platform.cardlytics.com/advertisers/docs/api-offer-ingestion; assumed: the 404 for an unknown merchant',
	'DELETE /api/v1/partner/merchants/:merchantId/offers/:offerId':
		'https://platform.cardlytics.com/ads-manager/docs/rest-api-option-1; assumed: the 404 for an unknown offer',
};

export function register(p: Cardlytics) {
	const { route } = p.api;
	const { state, authorize, validate, fail, accepted } = p;
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
}
