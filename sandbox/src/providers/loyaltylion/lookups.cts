// Lookups that answer 404 or 400.
import { PLATFORM_KINDS } from './program.cjs';
import type { Store } from './store.cjs';
import type { Views } from './views.cjs';
import type { Auth } from './auth.cjs';
import type { Validation } from './validation.cjs';
import type { Caller, Customer, Reward } from './model.cjs';

export function makeLookups(ll: Store & Views & Auth & Validation) {
	const { sites, siteById, state, customerByLionId, apiError, fail400 } = ll;
	// The 404 bodies of the Admin API are not public: these name the path's field and, when the value is
	// another kind of id (LoyaltyLion's numeric id instead of your store's), say which (assumed wording).
	const notFound = (what: string, field: string, meaning: string, hint?: string) =>
		apiError(404, `${what} not found`, {
			[field]: hint ? `must be ${meaning}; ${hint}` : `matches nothing: it must be ${meaning}`,
		});
	const customerOr404 = (merchantId: string) => {
		const c = state.byMerchantId.get(merchantId);
		if (c) return c;
		const lion = /^\d+$/.test(merchantId) ? customerByLionId(Number(merchantId)) : undefined;
		throw notFound(
			`Customer ${merchantId}`,
			'merchant_id',
			"the customer's ID in your store",
			lion
				? `${merchantId} is LoyaltyLion's id of the customer whose merchant_id is "${lion.merchant_id}"`
				: undefined,
		);
	};
	/**
	 * site_id of create-order / create-activity: "multi-site only". Token & secret belong to one site, which is
	 * the default; an API key or OAuth token of a multi-site program must name the site. Unknown site ids are
	 * refused (assumed: not public).
	 */
	const siteOf = (who: Caller, given: number | undefined) => {
		if (given !== undefined) {
			if (!siteById.has(given))
				throw fail400({
					site_id: `is not a site of this program (sites: ${sites.map((s) => s.id).join(', ')}), got ${given}`,
				});
			if (who.kind === 'token_secret' && given !== who.siteId)
				throw fail400({
					site_id: `must be ${who.siteId}, the site of this token and secret, got ${given}`,
				});
			return given;
		}
		if (who.kind === 'token_secret') return who.siteId;
		if (sites.length > 1)
			throw fail400({
				site_id: `is required: this program has ${sites.length} sites (${sites.map((s) => s.id).join(', ')})`,
			});
		return sites[0].id;
	};
	/** A reward is offered when enabled, on the customer's tier (if restricted), and supported on its site's platform. */
	const offered = (reward: Reward, customer: Customer) => {
		if (reward.enabled === false) return false;
		const site = siteById.get(reward.site_id);
		if (!site || !(PLATFORM_KINDS[site.platform] ?? []).includes(reward.kind)) return false;
		if (reward.tiers) {
			const tier = customer.loyalty_tier_membership?.loyalty_tier?.id;
			if (!reward.tiers.includes(tier as number)) return false;
		}
		return true;
	};

	return { notFound, customerOr404, siteOf, offered };
}

export type Lookups = ReturnType<typeof makeLookups>;
