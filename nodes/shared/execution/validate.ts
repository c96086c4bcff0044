import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { segmentProblem } from '../http/path';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Input checks run before any request is sent, so a workflow builder learns which field of which item to
 * fix instead of reading a provider's error (or, worse, having a half-applied write).
 */
export class Validator {
	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly itemIndex: number,
	) {}

	/** Rejects the field with a message naming it and the item. */
	fail(label: string, problem: string): never {
		throw new NodeOperationError(
			this.ctx.getNode(),
			`${label} ${problem} (item ${this.itemIndex})`,
			{
				itemIndex: this.itemIndex,
				description: `Fix the "${label}" field of item ${this.itemIndex}; nothing was sent to the provider.`,
			},
		);
	}

	/** A required, non-blank string parameter, trimmed. */
	string(name: string, label: string): string {
		const value = this.ctx.getNodeParameter(name, this.itemIndex, '', {
			extractValue: true,
		}) as unknown;
		if (
			value === undefined ||
			value === null ||
			(typeof value === 'string' && value.trim() === '')
		) {
			this.fail(label, 'is required but empty');
		}
		if (typeof value !== 'string' && typeof value !== 'number')
			this.fail(label, `must be text, got ${typeof value}`);
		return String(value).trim();
	}

	/**
	 * A record ID that goes into a request path: required, and refused when it could change the path (".",
	 * "..") or is not an ID at all (an object, thousands of characters). The path builder refuses the same
	 * values again; reading through here names the field.
	 */
	id(name: string, label: string): string {
		// A resource locator gives its value (By URL: the ID taken from the URL); a plain field its text.
		const value = this.ctx.getNodeParameter(name, this.itemIndex, '', {
			extractValue: true,
		}) as unknown;
		if (typeof value === 'string' || typeof value === 'number') {
			const text = String(value).trim();
			const problem = segmentProblem(text);
			if (problem) this.fail(label, problem === 'is empty' ? 'is required but empty' : problem);
			return text;
		}
		return this.fail(
			label,
			value === undefined || value === null
				? 'is required but empty'
				: `must be an ID (text or a number), got ${Array.isArray(value) ? 'a list' : typeof value}`,
		);
	}

	/** An optional text parameter: undefined when blank; an object or a list is refused, never sent as "[object Object]". */
	optionalString(name: string, label = name): string | undefined {
		const value = this.ctx.getNodeParameter(name, this.itemIndex, '') as unknown;
		if (value === undefined || value === null) return undefined;
		if (typeof value === 'object')
			this.fail(
				label,
				`must be text, got ${Array.isArray(value) ? 'a list' : 'an object'}: map one of its fields instead`,
			);
		const text = String(value).trim();
		return text === '' ? undefined : text;
	}

	/** A string that must match a pattern. */
	pattern(name: string, label: string, regex: RegExp, expected: string): string {
		const value = this.string(name, label);
		if (!regex.test(value)) this.fail(label, `must be ${expected}, got "${value}"`);
		return value;
	}

	/** A calendar date; accepts YYYY-MM-DD or any ISO date-time n8n's date picker gives. Returns YYYY-MM-DD. */
	date(name: string, label: string, { past }: { past?: boolean } = {}): string {
		const raw = this.string(name, label);
		const day = /^\d{4}-\d{2}-\d{2}/.exec(raw)?.[0];
		const parsed = day ? new Date(`${day}T00:00:00Z`) : undefined;
		if (
			!day ||
			!parsed ||
			Number.isNaN(parsed.getTime()) ||
			parsed.toISOString().slice(0, 10) !== day
		) {
			this.fail(label, `must be a date as YYYY-MM-DD, got "${raw}"`);
		}
		if (past && day >= new Date().toISOString().slice(0, 10))
			this.fail(label, `must be a day in the past, got ${day}`);
		return day;
	}

	/** A date-time from a field's value (any form Date reads), as ISO 8601 in UTC. */
	dateTimeValue(value: unknown, label: string): string {
		const date = new Date(String(value));
		if (Number.isNaN(date.getTime()))
			this.fail(label, `must be a date-time, got "${String(value)}"`);
		return date.toISOString();
	}

	/** A list of strings from a comma-separated string or an array (as expressions often give). */
	list(name: string, label: string): string[] {
		const value = this.ctx.getNodeParameter(name, this.itemIndex, '') as unknown;
		const list = (Array.isArray(value) ? value : String(value ?? '').split(','))
			.map((v) => String(v).trim())
			.filter(Boolean);
		if (!list.length) this.fail(label, 'needs at least one value');
		return list;
	}

	/** An email address. */
	email(name: string, label: string): string {
		return this.emailValue(this.string(name, label), label);
	}

	/** Checks a value already read (e.g. from a collection) is an email address. */
	emailValue(value: unknown, label: string): string {
		const text = String(value ?? '').trim();
		if (!EMAIL.test(text)) this.fail(label, `must be an email address, got "${text}"`);
		return text;
	}

	/** A number within bounds. */
	number(
		name: string,
		label: string,
		{ min, max, integer }: { min?: number; max?: number; integer?: boolean } = {},
	): number {
		const value = this.ctx.getNodeParameter(name, this.itemIndex, undefined) as unknown;
		const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
		if (typeof n !== 'number' || !Number.isFinite(n))
			this.fail(label, `must be a number, got "${String(value)}"`);
		if (integer && !Number.isInteger(n)) this.fail(label, `must be a whole number, got ${n}`);
		if (min !== undefined && n < min) this.fail(label, `must be at least ${min}, got ${n}`);
		if (max !== undefined && n > max) this.fail(label, `must be at most ${max}, got ${n}`);
		return n;
	}

	/** A JSON object given as a JSON string or an object. */
	json(name: string, label: string): Record<string, unknown> | undefined {
		const value = this.ctx.getNodeParameter(name, this.itemIndex, '') as unknown;
		if (value === undefined || value === null || value === '') return undefined;
		if (typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
		try {
			const parsed = JSON.parse(String(value));
			if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed;
		} catch {
			// fall through to the message below: the user needs to know what to fix, not the parser's words
		}
		return this.fail(label, 'must be a JSON object, e.g. {"key": "value"}');
	}

	/** The fields of an update: at least one, or nothing is sent (an empty update changes nothing but still costs a request). */
	changes<T extends object>(fields: T, label = 'Update Fields'): T {
		if (!Object.keys(fields).length) this.fail(label, 'need at least one field to change');
		return fields;
	}

	/** A URL (http or https). */
	url(name: string, label: string): string {
		return this.pattern(name, label, /^https?:\/\/\S+$/, 'an http(s) URL');
	}
}

/**
 * A collection parameter's filled-in fields (empty ones left out), each handed with the item's Validator to
 * `each`, which checks it and writes what the request sends into `out`. Answers `out`.
 */
export function readCollection(
	ctx: IExecuteFunctions,
	i: number,
	name: string,
	each: (
		key: string,
		value: NonNullable<IDataObject[string]>,
		v: Validator,
		out: IDataObject,
	) => void,
): IDataObject {
	const raw = ctx.getNodeParameter(name, i, {}) as IDataObject;
	const v = new Validator(ctx, i);
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(raw)) {
		if (value === '' || value === undefined || value === null) continue;
		each(key, value, v, out);
	}
	return out;
}
