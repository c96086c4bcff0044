import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * n8n's Simplify convention, for records of more than 10 fields: on by default, it keeps the fields a workflow
 * usually maps. The property goes after the operation's own fields (n8n's UX guidelines).
 */
export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

/** A record reduced to the listed fields; a field may be read from a path (`['tier', 'a.b.name']`). */
export type FieldPick = string | [string, string];

/** A field list split into names and key paths once: a listing picks from tens of thousands of records. */
const compiled = new WeakMap<FieldPick[], Array<[string, string[]]>>();

function compile(fields: FieldPick[]): Array<[string, string[]]> {
	let paths = compiled.get(fields);
	if (!paths) {
		paths = fields.map((field) => {
			const [name, path] = Array.isArray(field) ? field : [field, field];
			return [name, path.split('.')];
		});
		compiled.set(fields, paths);
	}
	return paths;
}

export function pick(record: IDataObject, fields: FieldPick[]): IDataObject {
	const out: IDataObject = {};
	for (const [name, keys] of compile(fields)) {
		let value: unknown = record;
		for (const key of keys)
			value = value && typeof value === 'object' ? (value as IDataObject)[key] : undefined;
		if (value !== undefined) out[name] = value as IDataObject[string];
	}
	return out;
}

/** The records as the item's Simplify parameter says. */
export function simplified(
	ctx: IExecuteFunctions,
	i: number,
	records: IDataObject[],
	fields: FieldPick[],
): IDataObject[] {
	return (ctx.getNodeParameter('simplify', i, true) as boolean)
		? records.map((r) => pick(r, fields))
		: records;
}

/**
 * The node versions an operation's output choice spans: `legacy` are the versions saved with the Simplify
 * switch (empty when the operation returned its record whole there), `output` those with the Output option.
 * A new node version carries the Output option, so a saved workflow keeps the Simplify it was saved with:
 * n8n drops a parameter the node no longer describes when the workflow is opened, which would silently turn
 * a saved "Simplify: off" into the new default.
 */
export interface OutputVersions {
	legacy: number[];
	output: number[];
}

/**
 * n8n's Output option (UX guidelines: Simplified, Raw, Selected Fields) for operations that return records,
 * with the Simplify switch kept for the versions saved with it. The properties go after the operation's own
 * fields.
 */
export function outputFields(versions: OutputVersions): INodeProperties[] {
	const fields: INodeProperties[] = [
		{
			displayName: 'Output',
			name: 'output',
			type: 'options',
			displayOptions: { show: { '@version': versions.output } },
			options: [
				{
					name: 'Simplified',
					value: 'simplified',
					description: 'The fields a workflow usually maps',
				},
				{ name: 'Raw', value: 'raw', description: 'The record as the API returns it' },
				{
					name: 'Selected Fields',
					value: 'selected',
					description: 'Only the fields you list',
				},
			],
			default: 'simplified',
			description: 'How much of each record to return',
		},
		{
			displayName: 'Fields',
			name: 'outputFields',
			type: 'string',
			displayOptions: { show: { '@version': versions.output, output: ['selected'] } },
			placeholder: 'e.g. email, points_approved',
			default: '',
			required: true,
			description:
				'Names of the fields to return, separated by commas; a field inside another as a dotted path (e.g. address.city)',
		},
	];
	if (versions.legacy.length)
		fields.unshift({ ...simplifyField, displayOptions: { show: { '@version': versions.legacy } } });
	return fields;
}

/** How an item's records are returned: read once, before any request, so a bad choice sends nothing. */
export type OutputShaper = (records: IDataObject[], simple: FieldPick[]) => IDataObject[];

/**
 * The item's output choice: the Output option in the versions that have it, Simplify in those saved with it,
 * the record whole in versions that had neither. Call it before sending: Selected Fields without a field is
 * refused there.
 */
export function outputShaper(
	ctx: IExecuteFunctions,
	i: number,
	versions: OutputVersions,
): OutputShaper {
	const version = ctx.getNode().typeVersion;
	if (!versions.output.includes(version)) {
		if (!versions.legacy.includes(version)) return (records) => records;
		const simplify = ctx.getNodeParameter('simplify', i, true) as boolean;
		return (records, simple) => (simplify ? records.map((r) => pick(r, simple)) : records);
	}
	const output = ctx.getNodeParameter('output', i, 'simplified') as string;
	if (output === 'raw') return (records) => records;
	if (output === 'simplified') return (records, simple) => records.map((r) => pick(r, simple));
	if (output !== 'selected')
		throw new NodeOperationError(
			ctx.getNode(),
			`Output must be Simplified, Raw or Selected Fields, got "${output}" (item ${i})`,
			{ itemIndex: i },
		);
	const names = String(ctx.getNodeParameter('outputFields', i, '') ?? '')
		.split(',')
		.map((name) => name.trim())
		.filter(Boolean);
	if (!names.length)
		throw new NodeOperationError(
			ctx.getNode(),
			`Fields is required when Output is Selected Fields (item ${i})`,
			{
				itemIndex: i,
				description: `Fix the "Fields" field of item ${i}: list the fields to return, separated by commas, e.g. email, points_approved; nothing was sent to the provider.`,
			},
		);
	return (records) => records.map((r) => pick(r, names));
}
