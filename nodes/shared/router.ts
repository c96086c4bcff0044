import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** What an operation may return for one input item. */
export type OperationResult = IDataObject | IDataObject[] | INodeExecutionData | INodeExecutionData[];

/** One operation of one resource: its fields and how it runs. */
export interface Operation {
	description: INodeProperties[];
	/** Runs for one input item. */
	execute?(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult>;
	/**
	 * Runs once for every input item of this operation (batch endpoints). Returns output items already paired
	 * with their inputs, and applies continueOnFail itself (with errorItem) to the items a failed batch held.
	 */
	executeBatch?(this: IExecuteFunctions, itemIndexes: number[]): Promise<INodeExecutionData[]>;
}

export type ResourceMap = Record<string, Record<string, Operation>>;

function isExecutionData(value: unknown): value is INodeExecutionData {
	return (
		typeof value === 'object' &&
		value !== null &&
		'json' in value &&
		typeof (value as INodeExecutionData).json === 'object' &&
		Object.keys(value).every((k) => ['json', 'binary', 'pairedItem', 'error'].includes(k))
	);
}

/** Wraps an operation's result as output items, each paired with the input item it came from. */
export function toItems(result: OperationResult, itemIndex: number): INodeExecutionData[] {
	const list = Array.isArray(result) ? result : [result];
	return list.map((entry) => {
		const item: INodeExecutionData = isExecutionData(entry) ? entry : { json: entry as IDataObject };
		return { ...item, pairedItem: { item: itemIndex } };
	});
}

/** The error as an n8n node error that names the item (errors that already are one are kept as they are). */
export function asNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	const nodeError =
		error instanceof NodeApiError || error instanceof NodeOperationError
			? error
			: new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
	if (nodeError.context.itemIndex === undefined) nodeError.context.itemIndex = itemIndex;
	return nodeError;
}

/**
 * The output item continueOnFail gives for a failed input item. `error` is set as well as the JSON: n8n's
 * "continue (using error output)" setting routes an item to the error output by it.
 */
export function errorItem(ctx: IExecuteFunctions, error: unknown, itemIndex: number): INodeExecutionData {
	const nodeError = asNodeError(ctx, error, itemIndex);
	return { json: errorJson(nodeError), error: nodeError, pairedItem: { item: itemIndex } };
}

/** The error as output JSON for continueOnFail: what happened, without anything secret. */
function errorJson(error: Error & { description?: string | null; httpCode?: string | null; errorResponse?: JsonObject }) {
	const json: IDataObject = { error: error.message };
	if (error.description) json.description = error.description;
	if (error.httpCode) json.httpCode = error.httpCode;
	const requestId = error.errorResponse?.requestId;
	if (requestId) json.requestId = requestId as string;
	return json;
}

/**
 * The node router every provider node uses: for each input item, resource → operation → execute, with
 * paired items, continueOnFail on that item only, and errors that name the item.
 */
export async function routeItems(this: IExecuteFunctions, resources: ResourceMap): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const out: INodeExecutionData[] = [];
	const batches = new Map<Operation, number[]>();
	for (let i = 0; i < items.length; i++) {
		try {
			const resource = this.getNodeParameter('resource', i) as string;
			const operation = this.getNodeParameter('operation', i) as string;
			const handler = resources[resource]?.[operation];
			if (!handler) {
				throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not known for the resource "${resource}"`, {
					itemIndex: i,
				});
			}
			if (handler.executeBatch) {
				batches.set(handler, [...(batches.get(handler) ?? []), i]);
				continue;
			}
			const result = await handler.execute!.call(this, i);
			for (const item of toItems(result, i)) out.push(item);
		} catch (error) {
			if (this.continueOnFail()) {
				out.push(errorItem(this, error, i));
				continue;
			}
			throw asNodeError(this, error, i);
		}
	}
	for (const [handler, indexes] of batches) {
		for (const item of await handler.executeBatch!.call(this, indexes)) out.push(item);
	}
	return [out];
}

/** displayOptions for fields of one resource's operations. */
export function showFor(resource: string, operations: string[]): INodeProperties['displayOptions'] {
	return { show: { resource: [resource], operation: operations } };
}

/** Applies `displayOptions` for one resource/operation to a list of fields that do not set their own. */
export function fieldsFor(resource: string, operation: string, fields: INodeProperties[]): INodeProperties[] {
	return fields.map((field) => ({ ...field, displayOptions: field.displayOptions ?? showFor(resource, [operation]) }));
}

/** The Operation selector of one resource. */
export function operationProperty(resource: string, options: INodePropertyOptions[], defaultValue: string): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: defaultValue,
	};
}

/** Every field of every operation, for a node's properties. */
export function allFields(resources: ResourceMap): INodeProperties[] {
	return Object.values(resources).flatMap((operations) => Object.values(operations).flatMap((operation) => operation.description));
}
