import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { PathSegmentError } from '../http/path';

const OUTPUT_ITEMS = Symbol('output items');

/** Whole output items (binary data, say), marked as such: the router never guesses from their keys. */
export interface OutputItems {
	readonly [OUTPUT_ITEMS]: INodeExecutionData[];
}

/** Returns whole output items from an operation, instead of JSON records. */
export function outputItems(items: INodeExecutionData | INodeExecutionData[]): OutputItems {
	return { [OUTPUT_ITEMS]: Array.isArray(items) ? items : [items] };
}

/** What an operation gives for one input item: records (JSON), or whole output items. */
export type OperationResult = IDataObject | IDataObject[] | OutputItems;

function isOutputItems(result: OperationResult): result is OutputItems {
	return typeof result === 'object' && result !== null && OUTPUT_ITEMS in result;
}

/** An operation's result as output items, each paired with the input item it came from. */
export function toItems(result: OperationResult, itemIndex: number): INodeExecutionData[] {
	const list: INodeExecutionData[] = isOutputItems(result)
		? result[OUTPUT_ITEMS]
		: (Array.isArray(result) ? result : [result]).map((json) => ({ json }));
	return list.map((item) => ({ ...item, pairedItem: { item: itemIndex } }));
}

/** The error as an n8n node error that names the item (errors that already are one are kept). */
export function asNodeError(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	const nodeError =
		error instanceof NodeApiError || error instanceof NodeOperationError
			? error
			: error instanceof PathSegmentError
				? new NodeOperationError(ctx.getNode(), `${error.message} (item ${itemIndex})`, {
						itemIndex,
						description:
							'An ID used in the request path is not a valid ID; nothing was sent. Check the ID field of this item, or the expression that fills it.',
					})
				: new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
	if (nodeError.context.itemIndex === undefined) nodeError.context.itemIndex = itemIndex;
	return nodeError;
}

/**
 * The output item continueOnFail gives for a failed input item. `error` is set as well as the JSON: n8n's
 * "continue (using error output)" setting routes an item to the error output by it.
 */
export function errorItem(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): INodeExecutionData {
	const nodeError = asNodeError(ctx, error, itemIndex);
	return { json: errorJson(nodeError), error: nodeError, pairedItem: { item: itemIndex } };
}

/** The error as output JSON for continueOnFail: what happened, without anything secret. */
function errorJson(
	error: Error & {
		description?: string | null;
		httpCode?: string | null;
		errorResponse?: JsonObject;
	},
) {
	const json: IDataObject = { error: error.message };
	if (error.description) json.description = error.description;
	if (error.httpCode) json.httpCode = error.httpCode;
	const requestId = error.errorResponse?.requestId;
	if (requestId) json.requestId = requestId as string;
	return json;
}
