import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { outputItems, type OperationResult } from '../../shared/execution/items';
import { loyaltyLionCsv, loyaltyLionList } from '../transport';
import { readCollection, Validator } from '../../shared/execution/validate';

/** A date-time filter of a LoyaltyLion list (sent as ISO 8601). */
export function dateFilter(
	name: string,
	displayName: string,
	description: string,
): INodeProperties {
	return { displayName, name, type: 'dateTime', default: '', description };
}

export const sinceIdFilter = (what: string, min = 0): INodeProperties => ({
	displayName: 'Since ID',
	name: 'since_id',
	type: 'number',
	default: min,
	typeOptions: { minValue: min },
	description: `Only ${what} with a LoyaltyLion ID greater than this; they then come oldest first (ascending by ID), and Return All moves Since ID to the last ID of each page`,
});

/**
 * The item's Filters collection as query parameters: empty values left out (a Since ID of 0 is sent: it is
 * the documented start), date-times
 * as ISO 8601, each checked and named in the error when it is not what the field says.
 */
export function readFilters(ctx: IExecuteFunctions, i: number): IDataObject {
	return readCollection(ctx, i, 'filters', (key, value, v, filters) => {
		if (/_at_(min|max)$/.test(key)) filters[key] = v.dateTimeValue(value, `Filters → ${key}`);
		else filters[key] = typeof value === 'string' ? value.trim() : value;
	});
}

/**
 * How a transaction list comes out (type json or csv, both documented): one item per transaction, or one
 * CSV file (LoyaltyLion's own columns) in a binary field, for exports.
 */
export const transactionFormatFields: INodeProperties[] = [
	{
		displayName: 'Output Format',
		name: 'format',
		type: 'options',
		options: [
			{
				name: 'Items',
				value: 'json',
				description: 'One output item per transaction',
			},
			{
				name: 'CSV File',
				value: 'csv',
				description:
					"One output item holding every transaction as a CSV file in LoyaltyLion's columns",
			},
		],
		default: 'json',
		description: 'Whether to output one item per transaction or a single CSV file',
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		placeholder: 'e.g. data',
		required: true,
		displayOptions: { show: { format: ['csv'] } },
		hint: 'The name of the output binary field to put the file in',
	},
];

/** A transaction list as the user asked for it: the records, or one item with the CSV file. */
export async function transactionsAs(
	ctx: IExecuteFunctions,
	i: number,
	path: string,
	filters: IDataObject,
	limit: number | undefined,
	fileName: string,
): Promise<OperationResult> {
	if (ctx.getNodeParameter('format', i, 'json') !== 'csv')
		return await loyaltyLionList(ctx, i, path, 'transactions', filters, limit);
	const field = new Validator(ctx, i).string('binaryPropertyName', 'Put Output File in Field');
	const { csv, pages, rows } = await loyaltyLionCsv(ctx, i, path, filters, limit);
	const binary = await ctx.helpers.prepareBinaryData(
		Buffer.from(csv, 'utf8'),
		fileName,
		'text/csv',
	);
	return outputItems([{ json: { fileName, rows, pages }, binary: { [field]: binary } }]);
}
