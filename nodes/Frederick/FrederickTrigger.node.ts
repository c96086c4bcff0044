import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import {
	changeKeyOf,
	eventProperty,
	newestFirst,
	pollOnce,
	pollOptionsProperty,
} from '../shared/polling/polling';
import { locationIdField } from './actions/fields';
import { CREDENTIAL_TYPE, frederickList, PATHS } from './transport';

/** The change times are read from updated_at / created_at: attribute names assumed (none is public). */
const EVENTS: Record<
	string,
	{ path: (locationId: string) => string; label: string; time: (r: IDataObject) => string }
> = {
	contactUpdated: {
		path: PATHS.contacts,
		label: 'Contact Created or Updated',
		time: (r) => String(r.updated_at ?? r.created_at ?? ''),
	},
	campaignCreated: {
		path: PATHS.campaigns,
		label: 'Campaign Created',
		time: (r) => String(r.created_at ?? ''),
	},
};

/**
 * Frederick sends no webhooks and documents no "changed since" filter (its V2 resource API follows Frederick's
 * client library and is not public, see transport.ts): each poll lists the location's contacts or campaigns
 * page by page and keeps those changed
 * since the mark. Fine for a location's few thousand contacts; a poll costs one request per 100 records.
 */
export class FrederickTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Frederick Trigger',
		name: 'frederickTrigger',
		icon: { light: 'file:../../icons/frederick.svg', dark: 'file:../../icons/frederick.dark.svg' },
		group: ['trigger'],
		// The node's section of the README (the service packages' READMEs are made from it).
		documentationUrl: 'https://github.com/n8n-nodes-loyalty/n8n-nodes-loyalty#polling-triggers',
		version: 1,
		subtitle:
			'={{ $parameter["event"] === "campaignCreated" ? "Campaign created" : "Contact created or updated" }}',
		description:
			"Starts the workflow when Frederick contacts are created or updated, or campaigns created (checked at the interval you set, by their updated_at / created_at, attribute names assumed; V2 as Frederick's client library sends it, not a public API)",
		defaults: { name: 'Frederick Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [
			locationIdField,
			eventProperty(
				Object.entries(EVENTS).map(([value, e]) => ({ name: e.label, value })),
				'contactUpdated',
				'change',
			),
			{
				displayName: 'Simplify',
				name: 'simplify',
				type: 'boolean',
				default: true,
				description:
					'Whether to return plain fields (ID, type and attributes side by side) instead of the raw JSON:API resource',
			},
			pollOptionsProperty(),
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event =
			EVENTS[this.getNodeParameter('event', 'contactUpdated') as string] ?? EVENTS.contactUpdated;
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const simplify = this.getNodeParameter('simplify', true) as boolean;
		const timeOf = (r: IDataObject) =>
			event.time((simplify ? r : ((r.attributes as IDataObject) ?? {})) as IDataObject);
		const locationId = String(
			this.getNodeParameter('locationId', '', { extractValue: true }) ?? '',
		).trim();
		if (!locationId)
			throw new NodeOperationError(this.getNode(), 'Location is required', {
				description: 'Choose the location whose contacts or campaigns the trigger watches.',
			});
		const path = event.path(locationId);
		const all = async () => await frederickList(this, 0, path, {}, undefined, simplify);
		return await pollOnce(
			this,
			{
				fetchSince: async (since) =>
					(await all()).filter((r) => Date.parse(timeOf(r)) >= since.getTime()),
				fetchLatest: async (count) => newestFirst(await all(), timeOf, count),
				timeOf,
				keyOf: changeKeyOf(timeOf),
				overlapMs: 60_000,
			},
			{ startFrom: options.startFrom as string | undefined },
		);
	}
}
