import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { defineBatch, defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { frederickRequest, MIN_POLL_MS, PATHS, type JsonApiResource } from '../../transport';
import { locationIdField } from '../fields';

/**
 * The record kinds Frederick syncs in batches and their paths under /locations/{location_id}/, each as written
 * on https://developers.hirefrederick.com/api-docs/syncing-data (contact_details and vehicles end in
 * batch_create_or_update, the others in batch_sync_<plural>). The page gives paths and purposes only: the
 * record fields and the {data:[{type, attributes}]} wrapper are assumed.
 */
const KINDS: Record<string, { path: string; type: string; name: string; description: string }> = {
	appointments: {
		path: 'appointments/batch_sync_appointments',
		type: 'appointments',
		name: 'Appointments',
		description: 'Customer visits',
	},
	calendars: {
		path: 'calendars/batch_sync_calendars',
		type: 'calendars',
		name: 'Calendars',
		description: 'The employees (or resources) who provide services, not calendar feeds',
	},
	contact_details: {
		path: 'contact_details/batch_create_or_update',
		type: 'contact_details',
		name: 'Contact Details',
		description: 'Customer records, created or updated',
	},
	openings: {
		path: 'openings/batch_sync_openings',
		type: 'openings',
		name: 'Openings',
		description: 'Near-term free time slots Frederick can promote',
	},
	service_categories: {
		path: 'service_categories/batch_sync_service_categories',
		type: 'service_categories',
		name: 'Service Categories',
		description: 'Groupings of service types',
	},
	services: {
		path: 'services/batch_sync_services',
		type: 'services',
		name: 'Services',
		description: 'The service menu',
	},
	vehicles: {
		path: 'vehicles/batch_create_or_update',
		type: 'vehicles',
		name: 'Vehicles',
		description: 'Vehicles, created or updated (automotive businesses only)',
	},
};

/** Records per request: assumed, Frederick does not publish a batch limit. */
const MAX_BATCH = 100;

const fields: INodeProperties[] = [
	locationIdField,
	{
		displayName: 'Kind',
		name: 'kind',
		type: 'options',
		options: Object.entries(KINDS).map(([value, k]) => ({
			name: k.name,
			value,
			description: k.description,
		})),
		default: 'services',
		description: 'What the input items are',
	},
	{
		// The syncing-data page: "Send one of external_id or id", never both; external_id is preferred.
		displayName: 'Match By',
		name: 'matchBy',
		type: 'options',
		options: [
			{
				name: 'External ID',
				value: 'externalId',
				description: 'Your own ID of the record (Frederick prefers it)',
			},
			{
				name: 'Frederick ID',
				value: 'id',
				description: "Frederick's own ID of the record",
			},
		],
		default: 'externalId',
		description:
			'Which ID Frederick matches each record by: the syncing-data page asks for one of the two, never both, and prefers the external ID; the other one is never sent',
	},
	{
		displayName: 'External ID',
		name: 'externalId',
		type: 'string',
		placeholder: 'e.g. svc-101',
		required: true,
		default: '={{ $json.external_id }}',
		description:
			'ID of the record in your management system, sent as external_id (an ID in the attributes is not sent)',
		displayOptions: { show: { matchBy: ['externalId'] } },
	},
	{
		displayName: 'Frederick ID',
		name: 'frederickId',
		type: 'string',
		placeholder: 'e.g. 6fdf0530-3e4e-46f1-9d11-5f90c48a50dc',
		required: true,
		default: '={{ $json.id }}',
		description:
			"Frederick's ID of the record, sent in the attributes as its ID (placement assumed); an external ID in the attributes is not sent",
		displayOptions: { show: { matchBy: ['id'] } },
	},
	{
		displayName: 'Attributes (JSON)',
		name: 'attributes',
		type: 'json',
		default: '={{ JSON.stringify($json) }}',
		description: 'Fields of the record as a JSON object; by default the whole input item',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				default: 100,
				typeOptions: { minValue: 1, maxValue: MAX_BATCH },
				description:
					'Records per request (up to 100, an assumed limit: Frederick does not publish one)',
			},
			{
				displayName: 'Poll Interval (Seconds)',
				name: 'pollInterval',
				type: 'number',
				default: 1,
				typeOptions: { minValue: 1, numberPrecision: 1 },
				description:
					"How often to ask whether a batch Frederick runs as a background job is done, when Frederick does not say (a Retry-After above 1 s). At least 1 s, as Frederick's client waits.",
			},
			{
				displayName: 'Timeout (Seconds)',
				name: 'timeout',
				type: 'number',
				default: 300,
				typeOptions: { minValue: 1 },
				description: 'Give up waiting for a batch after this long',
			},
		],
	},
];

interface SyncAnswer {
	data?: JsonApiResource;
}

/** What the first item of the operation says for all of them: where the records go, and how to wait. */
interface SyncSettings {
	locationId: string;
	kindName: string;
	kind: { path: string; type: string; name: string; description: string };
	intervalMs: number;
	timeoutMs: number;
}

/** The settings of each execution, read from its first item when the batch size is. */
const settingsOf = new WeakMap<IExecuteFunctions, SyncSettings>();

export default defineOperation({
	value: 'batchSync',
	name: 'Batch Sync',
	action: 'Sync records in batches',
	description:
		"Create or update input items in Frederick by external ID (or Frederick ID), 100 per request (paths from the syncing-data page; record fields and batch limit assumed); Frederick asks for a daily sync between 9 am and 7 pm in the business's time zone (texts are not delivered 9 PM to 9 AM)",
	kind: 'write',
	fields,
	batch: defineBatch<IDataObject>({
		size(ctx, first) {
			// Location, kind and options are the first item's, for every item (a bad Location ID stops the run
			// before anything is sent, as it always has).
			const locationId = new Validator(ctx, first).id('locationId', 'Location ID');
			const kindName = ctx.getNodeParameter('kind', first) as string;
			const options = ctx.getNodeParameter('options', first, {}) as IDataObject;
			settingsOf.set(ctx, {
				locationId,
				kindName,
				kind: KINDS[kindName],
				intervalMs: Math.max(MIN_POLL_MS, Number(options.pollInterval ?? 1) * 1000),
				timeoutMs: Math.max(1000, Number(options.timeout ?? 300) * 1000),
			});
			return Math.min(MAX_BATCH, Math.max(1, Number(options.batchSize ?? MAX_BATCH)));
		},
		prepare(ctx, index) {
			const v = new Validator(ctx, index);
			const byId = ctx.getNodeParameter('matchBy', index, 'externalId') === 'id';
			const key = byId
				? { id: v.string('frederickId', 'Frederick ID') }
				: { external_id: v.string('externalId', 'External ID') };
			const attributes = { ...((v.json('attributes', 'Attributes (JSON)') ?? {}) as IDataObject) };
			// The syncing-data page: send one of external_id or id, never both.
			delete attributes.id;
			delete attributes.external_id;
			return { ...attributes, ...key };
		},
		async send(ctx, chunk) {
			const settings = settingsOf.get(ctx);
			if (!settings) throw new Error('Batch Sync: the batch settings were not read before sending');
			const { locationId, kindName, kind, intervalMs, timeoutMs } = settings;
			const body = { data: chunk.map((r) => ({ type: kind.type, attributes: r.value })) };
			// Whether sending a batch again is harmless (e.g. appointments) is not public, so a 5xx or a lost
			// connection is not retried. A batch Frederick runs as a background job is polled to its end; a job in "error" fails the batch at
			// once with the job's reasons.
			const response = await frederickRequest<SyncAnswer>(
				ctx,
				chunk[0].index,
				'POST',
				PATHS.sync(locationId, kind.path),
				{ body, idempotent: false, jobs: { pollIntervalMs: intervalMs, timeoutMs } },
			);
			const data = response.body?.data;
			const result: IDataObject = {
				...(response.job && data?.type === 'background_jobs' ? { jobId: data.id } : {}),
				...(data?.attributes ?? {}),
			};
			return chunk.map(({ value }) => ({
				...(value.id !== undefined ? { id: value.id } : { external_id: value.external_id }),
				kind: kindName,
				accepted: response.firstStatus,
				batch: result,
			}));
		},
	}),
});
