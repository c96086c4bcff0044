import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import {
	eventProperty,
	pollOnce,
	pollOptionsProperty,
	type PollSource,
	changeKeyOf,
} from '../shared/polling/polling';
import {
	authenticationProperties,
	credentialsDescription,
	loyaltyLionList,
	MAX_PAGE_SIZE,
	PATHS,
} from './transport';

/** A record's change time: its update, or its creation for records never updated. */
const timeOf = (r: IDataObject) => String(r.updated_at ?? r.created_at ?? '');

/**
 * LoyaltyLion by polling, for stores that cannot register webhooks: new or updated customers
 * (updated_at_min: documented on the older customers page, its presence in the current one not public) and
 * orders (orders/list-orders, updated_at_min), and new
 * activities (activities/list-activities: created_at_min is its only time filter, so a change of an
 * activity's state is not seen), delivered once each.
 */
const EVENTS: Record<
	string,
	{
		path: string;
		key: string;
		label: string;
		description: string;
		filter: string;
		latest?: IDataObject;
	}
> = {
	customerUpdated: {
		path: PATHS.customers,
		key: 'customers',
		label: 'Customer Created or Updated',
		description:
			"Asks for customers updated since the last poll (updated_at_min). That filter is documented only on LoyaltyLion's older customers page: that the current API still honours it is assumed",
		filter: 'updated_at_min',
		// customers/list-customers: sort_field updated_at, sort_direction desc (lists are newest created first)
		latest: { sort_field: 'updated_at', sort_direction: 'desc' },
	},
	orderUpdated: {
		path: PATHS.orders,
		key: 'orders',
		label: 'Order Created or Updated',
		description: 'Asks for orders updated since the last poll (updated_at_min)',
		filter: 'updated_at_min',
	},
	activityCreated: {
		path: PATHS.activities,
		key: 'activities',
		label: 'Activity Created',
		description:
			"Asks for activities created since the last poll (created_at_min); a change of an activity's state is not seen",
		filter: 'created_at_min',
	},
};

export class LoyaltyLionPollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LoyaltyLion Polling Trigger',
		name: 'loyaltyLionPollingTrigger',
		icon: {
			light: 'file:../../icons/loyaltylion.svg',
			dark: 'file:../../icons/loyaltylion.dark.svg',
		},
		group: ['trigger'],
		// The node's section of the README (the service packages' READMEs are made from it).
		documentationUrl: 'https://github.com/n8n-nodes-loyalty/n8n-nodes-loyalty#polling-triggers',
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle:
			'={{ $parameter["event"] === "orderUpdated" ? "Order created or updated" : $parameter["event"] === "activityCreated" ? "Activity created" : "Customer created or updated" }}',
		description:
			'Starts the workflow when LoyaltyLion customers or orders are created or updated, or activities created, by asking LoyaltyLion at an interval (for stores that cannot use webhooks)',
		defaults: { name: 'LoyaltyLion Polling Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: credentialsDescription,
		properties: [
			...authenticationProperties,
			eventProperty(
				Object.entries(EVENTS).map(([value, e]) => ({
					name: e.label,
					value,
					description: e.description,
				})),
				'customerUpdated',
				'record change',
			),
			pollOptionsProperty(),
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event =
			EVENTS[this.getNodeParameter('event', 'customerUpdated') as string] ?? EVENTS.customerUpdated;
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const source: PollSource = {
			fetchSince: async (since) =>
				await loyaltyLionList(
					this,
					0,
					event.path,
					event.key,
					{ [event.filter]: since.toISOString() },
					undefined,
				),
			// The first page holds the latest records: lists are newest created first, customers sorted by update.
			fetchLatest: async (count) =>
				await loyaltyLionList(
					this,
					0,
					event.path,
					event.key,
					event.latest ?? {},
					Math.min(count, MAX_PAGE_SIZE),
				),
			timeOf,
			keyOf: changeKeyOf(timeOf),
			overlapMs: 60_000,
		};
		return await pollOnce(this, source, { startFrom: options.startFrom as string | undefined });
	}
}
