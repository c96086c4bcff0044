import type { INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

/** One entry of a poll schedule, as n8n's Poll Times field stores it. */
export interface PollTime {
	mode: 'everyMinute' | 'everyHour' | 'everyDay' | 'everyWeek' | 'everyMonth' | 'everyX' | 'custom';
	hour?: number;
	minute?: number;
	[key: string]: string | number | undefined;
}

/**
 * A polling node's Poll Times field with the node's own default. n8n's loader puts its own Poll Times field
 * (default: every minute) in front of every polling node's properties; a provider whose quota or call pattern
 * is daily needs another default, so the node declares the field itself and `withOwnPollTimes` keeps n8n's
 * from being added beside it.
 */
export function pollTimesProperty(defaults: PollTime[]): INodeProperties {
	return {
		displayName: 'Poll Times',
		name: 'pollTimes',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Poll Time' },
		default: { item: defaults },
		description: 'Time at which polling should occur',
		placeholder: 'Add Poll Time',
		// n8n's fields, with the example a text field shows when empty.
		options: NodeHelpers.cronNodeOptions.map((group) => ({
			...group,
			values: ('values' in group ? group.values : []).map((field: INodeProperties) =>
				field.type === 'string' && !field.placeholder
					? { ...field, placeholder: 'e.g. 0 6 * * *' }
					: field,
			),
		})),
	};
}

/**
 * The node's properties, led by its own Poll Times field. n8n's loader adds its common polling fields with
 * `properties.unshift(...)`; this array's unshift leaves out any field whose name the node already declares,
 * so the editor shows one Poll Times field, with the node's default.
 */
export function withOwnPollTimes(
	defaults: PollTime[],
	properties: INodeProperties[],
): INodeProperties[] {
	const list: INodeProperties[] = [pollTimesProperty(defaults), ...properties];
	Object.defineProperty(list, 'unshift', {
		enumerable: false,
		value(...added: INodeProperties[]): number {
			const fresh = added.filter((p) => !list.some((q) => q.name === p.name));
			return Array.prototype.unshift.apply(list, fresh);
		},
	});
	return list;
}
