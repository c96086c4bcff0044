import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { Validator } from '../../../shared/execution/validate';
import type { JsonApiResource } from '../../transport';
import { CREDENTIAL_TYPE, frederickRequest, PATHS, shape } from '../../transport';

/** Tells Frederick a sync run from the credential's data source starts or finishes. */
export async function markSync(
	ctx: IExecuteFunctions,
	i: number,
	status: 'started' | 'finished',
): Promise<IDataObject> {
	const v = new Validator(ctx, i);
	const locationId = v.id('locationId', 'Location ID');
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	const dataSourceName = String(credentials.dataSourceName ?? '').trim();
	if (!dataSourceName)
		v.fail(
			'Data Source Name (in the Frederick API credential)',
			'is required for syncing: enter the name Frederick issued',
		);
	const body = {
		data: {
			type: 'management_systems',
			attributes: { data_source_name: dataSourceName, sync_status: status },
		},
	};
	// Whether marking a sync twice is harmless is not public, so a 5xx or a lost connection is not retried.
	const response = await frederickRequest<{ data?: JsonApiResource }>(
		ctx,
		i,
		'POST',
		PATHS.managementSystem(locationId),
		{ body, idempotent: false },
	);
	// The answer's shape and status are not public: an answer without a resource (204, {}) is a success too.
	const data = response.body?.data;
	if (data && typeof data === 'object' && !Array.isArray(data)) return shape(ctx, i, data);
	return { locationId, sync_status: status, accepted: response.firstStatus };
}
