import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import {
	changeKeyOf,
	eventProperty,
	newestFirst,
	pollOnce,
	pollOptionsProperty,
} from '../shared/polling/polling';
import { CALLS, CREDENTIAL_TYPE, loyalisticList, PATHS, QUERY } from './transport';

/** A contact's change time: its update, or its creation when it was never updated. */
const timeOf = (r: IDataObject) => String(r.updatedAt ?? r.createdAt ?? '');

/**
 * Loyalistic sends no webhooks: this trigger polls its contacts by update time (`updatedSince`, assumed like
 * every Loyalistic path, see transport.ts) and delivers each created or updated contact once.
 */
export class LoyalisticTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Loyalistic Trigger',
		name: 'loyalisticTrigger',
		icon: {
			light: 'file:../../icons/loyalistic.svg',
			dark: 'file:../../icons/loyalistic.dark.svg',
		},
		group: ['trigger'],
		// The node's section of the README (the service packages' READMEs are made from it).
		documentationUrl: 'https://github.com/n8n-nodes-loyalty/n8n-nodes-loyalty#polling-triggers',
		version: 1,
		subtitle: 'Contact created or updated',
		description:
			'Starts the workflow when Loyalistic contacts are created or updated (checked at the interval you set). Path and updatedSince filter assumed: check with Account → Check API Paths.',
		defaults: { name: 'Loyalistic Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [
			eventProperty(
				[{ name: 'Contact Created or Updated', value: 'contactUpdated' }],
				'contactUpdated',
				'contact change',
			),
			pollOptionsProperty(),
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const options = this.getNodeParameter('options', {}) as IDataObject;
		return await pollOnce(
			this,
			{
				fetchSince: async (since) =>
					await loyalisticList(
						this,
						0,
						CALLS.contactGetMany,
						PATHS.contacts,
						{ [QUERY.updatedSince]: since.toISOString() },
						undefined,
					),
				// The latest changes of the last 30 days, newest first (the list has no documented sort).
				fetchLatest: async (count) =>
					newestFirst(
						await loyalisticList(
							this,
							0,
							CALLS.contactGetMany,
							PATHS.contacts,
							{ [QUERY.updatedSince]: new Date(Date.now() - 30 * 86_400_000).toISOString() },
							undefined,
						),
						timeOf,
						count,
					),
				timeOf,
				keyOf: changeKeyOf(timeOf),
				overlapMs: 60_000,
			},
			{ startFrom: options.startFrom as string | undefined },
		);
	}
}
