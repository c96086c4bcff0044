import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationSpec } from './operation';

/**
 * The records an item of a write names, as ordering keys: the values of the operation's `records`
 * parameters (resource locators by their value), or the operation itself when it names none, so that its
 * items run in input order.
 */
export function recordKeys(ctx: IExecuteFunctions, handler: OperationSpec, i: number): string[] {
	if (!handler.records) return [`operation:${handler.action}`];
	const keys = new Set<string>();
	for (const name of handler.records) {
		let value: unknown;
		try {
			value = ctx.getNodeParameter(name, i, '', { extractValue: true });
		} catch {
			continue; // not a parameter of this item: the operation itself will say what is wrong
		}
		if (value !== '' && value !== undefined && value !== null && typeof value !== 'object') {
			keys.add(`record:${String(value)}`);
		}
	}
	return [...keys];
}
