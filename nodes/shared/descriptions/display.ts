import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** displayOptions for fields of one resource's operations. */
export function showFor(resource: string, operations: string[]): IDisplayOptions {
	return { show: { resource: [resource], operation: operations } };
}

/**
 * Shows fields under one resource and operation, merged with each field's own displayOptions (its own
 * conditions, such as "only when Return All is off", still apply), as n8n's updateDisplayOptions does.
 */
export function fieldsFor(
	resource: string,
	operation: string,
	fields: INodeProperties[],
): INodeProperties[] {
	return fields.map((field) => ({
		...field,
		displayOptions: {
			...field.displayOptions,
			show: { ...field.displayOptions?.show, resource: [resource], operation: [operation] },
		},
	}));
}

/** Options sorted by name, as n8n's lint rules and editor expect. */
export function sortedOptions<T extends INodePropertyOptions>(options: T[]): T[] {
	return [...options].sort((a, b) => a.name.localeCompare(b.name));
}

/** The Operation selector of one resource. */
export function operationProperty(
	resource: string,
	options: INodePropertyOptions[],
	defaultValue: string,
): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: sortedOptions(options),
		default: defaultValue,
	};
}

/** The Resource selector. */
export function resourceProperty(
	options: INodePropertyOptions[],
	defaultValue: string,
): INodeProperties {
	return {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: sortedOptions(options),
		default: defaultValue,
	};
}
