// Campaigns, under their location.
import type { Frederick } from './helpers.cjs';
import { campaignSchema } from './schemas.cjs';
import { V2 } from './sources.cjs';
import type { Campaign } from './state.cjs';

export const SOURCES: Record<string, string> = {
	'GET /v2/locations/:locationId/campaigns': V2,
	'POST /v2/locations/:locationId/campaigns': V2,
};

export function register(p: Frederick) {
	const { route, randomId } = p.api;
	const { state, authorize, locationFor, validate, attributesOf, noLocationAttribute } = p;
	const { paged, queryParams, err, json, resource } = p;
	// Campaigns, under their location (no attribute of a campaign is public: these are assumed)
	route('GET', '/v2/locations/:locationId/campaigns', (ctx) => {
		const location = locationFor(ctx, authorize(ctx));
		return paged(
			ctx,
			'campaigns',
			state.campaigns.filter((c) => c.location_id === location.id),
			`/v2/locations/${location.id}/campaigns`,
			queryParams(ctx),
		);
	});
	route('POST', '/v2/locations/:locationId/campaigns', (ctx) => {
		const location = locationFor(ctx, authorize(ctx));
		const attributes = validate(
			campaignSchema,
			noLocationAttribute(attributesOf(ctx, 'campaigns')),
		);
		// Assumed: campaign attributes are not public, nor is a 422 for an unknown list.
		if (
			attributes.contact_list_id &&
			!state.contactLists.some((l) => l.id === attributes.contact_list_id)
		) {
			throw err(
				422,
				'Invalid Attribute',
				`contact list ${attributes.contact_list_id} does not exist`,
				'/data/attributes/contact_list_id',
			);
		}
		const campaign: Campaign = {
			id: randomId('cmp_', 6),
			status: attributes.send_at ? 'scheduled' : 'draft',
			...attributes,
			location_id: location.id,
			created_at: new Date().toISOString(),
		};
		state.campaigns.push(campaign);
		return json(201, { data: resource('campaigns', campaign) });
	});
}
