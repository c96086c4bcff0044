import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

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

export function pick(record: IDataObject, fields: FieldPick[]): IDataObject {
	const out: IDataObject = {};
	for (const field of fields) {
		const [name, path] = Array.isArray(field) ? field : [field, field];
		let value: unknown = record;
		for (const key of path.split('.'))
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
