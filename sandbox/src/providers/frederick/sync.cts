// Data sync: update_management_system and the batch sync methods under /locations/{location_id}/.
import type { Frederick } from './helpers.cjs';
import { managementSystemSchema } from './schemas.cjs';
import { SYNC_PAGE } from './sources.cjs';
import { SYNC_KINDS, type SyncRecord } from './state.cjs';

export const SOURCES: Record<string, string> = {
	'POST /locations/:locationId/update_management_system': SYNC_PAGE,
	'POST /locations/:locationId/service_categories/batch_sync_service_categories': SYNC_PAGE,
	'POST /locations/:locationId/services/batch_sync_services': SYNC_PAGE,
	'POST /locations/:locationId/appointments/batch_sync_appointments': SYNC_PAGE,
	'POST /locations/:locationId/contact_details/batch_create_or_update': SYNC_PAGE,
	'POST /locations/:locationId/calendars/batch_sync_calendars': SYNC_PAGE,
	'POST /locations/:locationId/vehicles/batch_create_or_update': SYNC_PAGE,
	'POST /locations/:locationId/openings/batch_sync_openings': SYNC_PAGE,
};

export function register(p: Frederick) {
	const { route, randomId } = p.api;
	const {
		state,
		options,
		authorize,
		locationFor,
		validate,
		attributesOf,
		startJob,
		err,
		json,
		resource,
	} = p;
	// Data sync
	// developers.hirefrederick.com/api-docs/syncing-data: the sync methods live under /locations/{location_id}/
	// with no /v2 (the page's own paths); a /v2 sync path is not a route here, so it answers 404. The page gives
	// paths only: the method, the management_systems body (data_source_name, sync_status started|finished), the
	// data[] wrapper with a type per kind, the 100-record limit and the 409 on a wrong type are assumed.
	route('POST', '/locations/:locationId/update_management_system', (ctx) => {
		const subject = authorize(ctx);
		const location = locationFor(ctx, subject);
		const attributes = validate(managementSystemSchema, attributesOf(ctx, 'management_systems'));
		// Assumed: how Frederick answers an unknown data source name is not public.
		if (!options.dataSourceNames.includes(attributes.data_source_name)) {
			throw err(
				422,
				'Invalid Attribute',
				`Unknown data source name ${attributes.data_source_name}`,
				'/data/attributes/data_source_name',
			);
		}
		location.management_system = {
			data_source_name: attributes.data_source_name,
			sync_status: attributes.sync_status,
			updated_at: new Date().toISOString(),
		};
		state.syncRuns.push({ location: location.id, ...attributes });
		return json(200, { data: resource('locations', location) });
	});

	const applySync = (locationId: string, kind: string, records: SyncRecord[]) => {
		const key = `${locationId}/${kind}`;
		const store = state.synced.get(key) ?? new Map<string, SyncRecord>();
		state.synced.set(key, store);
		let created = 0;
		let updated = 0;
		for (const r of records) {
			// A record sent by Frederick's id is matched by it; what Frederick does with an unknown id is not
			// public (assumed: created, as an unknown external_id is).
			const id = r.external_id ?? `id:${r.id}`;
			if (store.has(id)) updated++;
			else created++;
			store.set(id, { ...store.get(id), ...r });
		}
		return { kind, received: records.length, created, updated };
	};
	for (const [kind, { path, type }] of Object.entries(SYNC_KINDS)) {
		route('POST', `/locations/:locationId/${path}`, (ctx) => {
			const subject = authorize(ctx);
			const location = locationFor(ctx, subject);
			const data = ctx.body?.data;
			if (!Array.isArray(data) || data.length === 0)
				throw err(400, 'Bad Request', 'data must be a non-empty array of resources', '/data');
			// The batch limit is assumed (not public), the same figure the node splits at.
			if (data.length > 100)
				throw err(400, 'Bad Request', `at most 100 records per batch, got ${data.length}`, '/data');
			const records: SyncRecord[] = data.map((d, i) => {
				if (d?.type !== type)
					throw err(409, 'Conflict', `data[${i}].type must be "${type}"`, `/data/${i}/type`);
				const a = d.attributes ?? {};
				// The syncing-data page: "Send one of external_id or id", never both (where the id goes is
				// assumed: next to the other attributes, as external_id).
				if (d.id !== undefined)
					throw err(
						422,
						'Invalid Attribute',
						`data[${i}]: Frederick's id goes in attributes.id, next to the other attributes`,
						`/data/${i}/id`,
					);
				if (a.external_id !== undefined && a.id !== undefined)
					throw err(
						422,
						'Invalid Attribute',
						`data[${i}]: send one of external_id or id, never both`,
						`/data/${i}/attributes/id`,
					);
				if (!a.external_id && !a.id)
					throw err(
						422,
						'Invalid Attribute',
						`data[${i}] needs attributes.external_id (or Frederick's attributes.id)`,
						`/data/${i}/attributes/external_id`,
					);
				return a;
			});
			if (records.length <= options.asyncThreshold) {
				return json(200, {
					data: {
						type: 'sync_results',
						id: randomId('sr_', 6),
						attributes: { status: 'complete', ...applySync(location.id, kind, records) },
					},
				});
			}
			return startJob(ctx, location.id, () => ({
				data: {
					type: 'sync_results',
					id: randomId('sr_', 6),
					attributes: { status: 'complete', ...applySync(location.id, kind, records) },
				},
			}));
		});
	}
}
