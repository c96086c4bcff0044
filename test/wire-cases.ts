// The wire cases of wire.cases.json as the tests use them: a string "{{daysAgo:N}}" anywhere in a case is the
// UTC day N days before today (YYYY-MM-DD), for inputs that must stay inside a moving window (e.g. a two-year
// look-back). A string "{{matches:<regular expression>}}" stands for any string it matches (jest's
// expect.stringMatching), for a value the node takes from the clock (a trigger's DateTo: now).
import type { IDataObject, INodeParameters, WorkflowExecuteMode } from 'n8n-workflow';
import cases from './wire.cases.json';

/** One case of wire.cases.json (after resolve): a node run and the request it must send. */
export interface WireCase {
	/** the provider's reference page, or "assumed" where no public page exists */
	source: string;
	node: string;
	credential: string;
	parameters: INodeParameters;
	/** the request as sent: method, path (without the provider prefix), query, and body if any */
	wire: { method: string; path: string; query: IDataObject; body?: unknown };
	/** request headers by lower-case name: exact (null: absent), or a pattern for a value that changes */
	headers?: Record<string, string | null | { matches: string }>;
	/** which logged request to compare: that route's request number `index` (from 0) */
	request?: { route: string; index?: number };
	/** a polling trigger, polled once in this mode */
	poll?: WorkflowExecuteMode;
}

export const daysAgo = (n: number): string =>
	new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/** The value with each "{{daysAgo:N}}" string replaced by its day, each "{{matches:...}}" by its matcher. */
export function resolve(value: unknown): unknown {
	if (typeof value === 'string') {
		const m = /^\{\{daysAgo:(\d+)\}\}$/.exec(value);
		if (m) return daysAgo(Number(m[1]));
		const pattern = /^\{\{matches:(.+)\}\}$/.exec(value);
		return pattern && typeof expect === 'function'
			? expect.stringMatching(new RegExp(pattern[1]))
			: value;
	}
	if (Array.isArray(value)) return value.map(resolve);
	if (value && typeof value === 'object')
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
	return value;
}

export const CASES = (cases as unknown[]).map(resolve) as WireCase[];
