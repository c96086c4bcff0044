// Locations (top level: not nested under a location).
import type { Frederick } from './helpers.cjs';
import { V2 } from './sources.cjs';

export const SOURCES: Record<string, string> = {
	'GET /v2/locations': V2,
	'GET /v2/locations/:id': V2,
};

export function register(p: Frederick) {
	const { route } = p.api;
	const { state, authorize, paged, queryParams, err, json, resource } = p;
	// Locations (top level: not nested under a location)
	route('GET', '/v2/locations', (ctx) => {
		const subject = authorize(ctx);
		return paged(
			ctx,
			'locations',
			[...state.locations.values()].filter((l) => l.id === subject.locationId),
			'/v2/locations',
			queryParams(ctx),
		);
	});
	route('GET', '/v2/locations/:id', (ctx) => {
		const subject = authorize(ctx);
		const location = state.locations.get(ctx.params.id);
		if (!location) throw err(404, 'Not Found', `Location ${ctx.params.id} not found`);
		if (location.id !== subject.locationId)
			throw err(403, 'Forbidden', `The token does not give access to location ${ctx.params.id}`);
		return json(200, { data: resource('locations', location) });
	});
}
