import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { Validator } from '../../shared/execution/validate';

/** A date-time filter of a LoyaltyLion list (sent as ISO 8601). */
export function dateFilter(
	name: string,
	displayName: string,
	description: string,
): INodeProperties {
	return { displayName, name, type: 'dateTime', default: '', description };
}

export const sinceIdFilter = (what: string): INodeProperties => ({
	displayName: 'Since ID',
	name: 'since_id',
	type: 'number',
	default: 0,
	typeOptions: { minValue: 0 },
	description: `Only ${what} with a LoyaltyLion ID greater than this; they then come oldest first (ascending by ID)`,
});

/**
 * The item's Filters collection as query parameters: empty values and a Since ID of 0 left out, date-times
 * as ISO 8601, each checked and named in the error when it is not what the field says.
 */
export function readFilters(ctx: IExecuteFunctions, i: number): IDataObject {
	const raw = ctx.getNodeParameter('filters', i, {}) as IDataObject;
	const v = new Validator(ctx, i);
	const filters: IDataObject = {};
	for (const [key, value] of Object.entries(raw)) {
		if (value === '' || value === undefined || value === null) continue;
		if (key === 'since_id' && Number(value) === 0) continue;
		if (/_at_(min|max)$/.test(key)) {
			const date = new Date(String(value));
			if (Number.isNaN(date.getTime()))
				v.fail(`Filters → ${key}`, `must be a date-time, got "${String(value)}"`);
			filters[key] = date.toISOString();
		} else filters[key] = typeof value === 'string' ? value.trim() : value;
	}
	return filters;
}
