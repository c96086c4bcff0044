// Merchants (MerchantPayload): created or updated with PUT, deleted with DELETE, both answering 202.
import type { Cardlytics } from './helpers.cjs';
import { merchantSchema } from './schemas.cjs';

export const SOURCES: Record<string, string> = {
	'PUT /api/v1/partner/merchants/:merchantId':
		'https://platform.cardlytics.com/advertisers/docs/api-merchant-rest-api',
	'DELETE /api/v1/partner/merchants/:merchantId':
		'https://platform.cardlytics.com/advertisers/docs/api-merchant-rest-api; assumed: the 404 for an unknown merchant and the removal of its offers (neither is public)',
};

export function register(p: Cardlytics) {
	const { route } = p.api;
	const { state, authorize, validate, fail, accepted } = p;
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
}
