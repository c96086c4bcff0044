import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

/**
 * The part of an execution context the router and the description builders read: input items, parameters
 * per item, continueOnFail and the node. Requests are never sent from these unit tests (engine tests send
 * them through n8n-core); nothing here stands in for `this.helpers`.
 */
export function routerContext(
	params: IDataObject[],
	{ continueOnFail = false }: { continueOnFail?: boolean } = {},
): IExecuteFunctions {
	const node: INode = {
		id: 'unit',
		name: 'Unit',
		type: 'unit',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const ctx = {
		getInputData: () => params.map(() => ({ json: {} })),
		getNodeParameter: (name: string, i: number, fallback?: unknown) => {
			const value = params[i][name];
			if (value === undefined) {
				if (fallback !== undefined) return fallback;
				throw new Error(`Could not get parameter "${name}"`);
			}
			return value;
		},
		continueOnFail: () => continueOnFail,
		getNode: () => node,
	};
	return ctx as unknown as IExecuteFunctions;
}
