// Validation of bodies and queries, with the error texts.
import { z } from 'zod';
import { MONEY } from './amounts.cjs';
import type { Auth } from './auth.cjs';
import type { RouteContext } from '../../types.cjs';

export type QSpec = Record<
	string,
	| { kind: 'int'; min?: number; max?: number }
	| { kind: 'enum'; values: readonly string[] }
	| { kind: 'string'; pattern?: RegExp; hint?: string }
	| { kind: 'datetime' }
>;

/** A query as readQuery reads it: ints and date-times (in ms) are numbers, the rest strings. */
export type QueryOf<S extends QSpec> = {
	[K in keyof S]?: S[K] extends { kind: 'int' | 'datetime' } ? number : string;
};

export function makeValidation(ll: Auth) {
	const { apiError } = ll;
	const article = (t: string) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`);
	/** zod issues -> {field: text}, one entry per field, each saying what is wrong. */
	const describe = (issues: z.ZodIssue[]) => {
		const details: Record<string, string> = {};
		for (const issue of issues) {
			if (issue.code === 'unrecognized_keys') {
				for (const k of issue.keys)
					details[[...issue.path, k].join('.')] = 'is not a field of this request';
				continue;
			}
			const field = issue.path.join('.') || 'body';
			let text = issue.message;
			if (issue.code === 'invalid_type' && (text === 'Required' || text.startsWith('Expected ')))
				text =
					issue.received === 'undefined'
						? 'is required'
						: `must be ${article(issue.expected)}, not ${issue.received}`;
			else if (issue.code === 'invalid_enum_value')
				text = `must be one of ${issue.options.join(', ')}; got ${JSON.stringify(issue.received)}`;
			else if (issue.code === 'invalid_literal') text = `must be ${JSON.stringify(issue.expected)}`;
			else if (issue.code === 'invalid_union') {
				const firsts = issue.unionErrors
					.map((e) => e.issues[0])
					.filter(
						(i): i is Extract<z.ZodIssue, { code: 'invalid_type' }> => i?.code === 'invalid_type',
					);
				text = firsts.some((i) => i.received === 'undefined')
					? 'is required'
					: `must be ${firsts.map((i) => article(i.expected)).join(' or ')}, not ${firsts[0]?.received ?? 'this'}`;
			}
			details[field] ??= text;
		}
		return details;
	};
	const fail400 = (details: Record<string, string>) => {
		const message = Object.entries(details)
			.map(([k, v]) => `${k} ${v}`)
			.join('; ');
		return apiError(400, message, details);
	};
	const validate = <T extends z.ZodTypeAny>(schema: T, body: unknown): z.infer<T> => {
		if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body)))
			throw fail400({ body: 'must be a JSON object' });
		const parsed = schema.safeParse(body ?? {});
		if (!parsed.success) throw fail400(describe(parsed.error.issues));
		return parsed.data;
	};
	const noBody = (ctx: RouteContext) => {
		const b = ctx.body;
		if (
			b === undefined ||
			b === '' ||
			(typeof b === 'object' && b && !Array.isArray(b) && !Object.keys(b).length)
		)
			return;
		if (typeof b === 'object' && b && !Array.isArray(b))
			throw fail400(
				Object.fromEntries(
					Object.keys(b).map((k) => [k, 'is not a field of this request (it takes no body)']),
				),
			);
		throw fail400({ body: 'must be empty: this request takes no body' });
	};
	const money = (what = 'a decimal string such as "99.99"') =>
		z
			.string({
				invalid_type_error: `must be ${what}, not a number or other type`,
				required_error: 'is required',
			})
			.regex(MONEY, `must be ${what}, without currency symbols or separators`);
	const isoDateTime = z
		.string()
		.refine(
			(s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s) && !Number.isNaN(Date.parse(s)),
			'must be an ISO 8601 date-time such as "2024-05-01T12:00:00Z"',
		);

	/** Reads the query: unknown parameters refused by name, each known one checked; dates become ms. */
	const readQuery = <S extends QSpec>(ctx: RouteContext, spec: S): QueryOf<S> => {
		const given = [...new Set(ctx.query.keys())] as string[];
		const unknown = given.filter((k) => !(k in spec));
		if (unknown.length) {
			const accepted = Object.keys(spec);
			throw apiError(
				400,
				`Unknown query parameter${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}: ${ctx.url.pathname.replace(/^\/loyaltylion/, '')} accepts ${accepted.length ? accepted.join(', ') : 'no query parameters'}`,
				Object.fromEntries(unknown.map((k) => [k, 'is not a parameter of this endpoint'])),
			);
		}
		const out: Record<string, string | number> = {};
		const details: Record<string, string> = {};
		for (const [name, s] of Object.entries(spec)) {
			const raw = ctx.query.get(name);
			if (raw === null) continue;
			if (s.kind === 'int') {
				const ok = /^-?\d+$/.test(raw);
				const n = Number(raw);
				if (!ok) details[name] = `must be a whole number, got ${JSON.stringify(raw)}`;
				else if (s.min !== undefined && n < s.min)
					details[name] =
						s.max !== undefined
							? `must be between ${s.min} and ${s.max}, got ${raw}`
							: `must be at least ${s.min}, got ${raw}`;
				else if (s.max !== undefined && n > s.max)
					details[name] = `must be between ${s.min ?? 0} and ${s.max}, got ${raw}`;
				else out[name] = n;
			} else if (s.kind === 'enum') {
				if (!s.values.includes(raw))
					details[name] = `must be one of ${s.values.join(', ')}; got ${JSON.stringify(raw)}`;
				else out[name] = raw;
			} else if (s.kind === 'datetime') {
				const ms = Date.parse(raw);
				if (!/^\d{4}-\d{2}-\d{2}/.test(raw) || Number.isNaN(ms))
					details[name] =
						`must be an ISO 8601 date-time such as "2024-05-01T12:00:00Z", got ${JSON.stringify(raw)}`;
				else out[name] = ms;
			} else {
				if (s.pattern && !s.pattern.test(raw))
					details[name] = `${s.hint ?? 'is not valid'}, got ${JSON.stringify(raw)}`;
				else out[name] = raw;
			}
		}
		if (Object.keys(details).length) throw fail400(details);
		return out as QueryOf<S>;
	};
	const LIMIT = { kind: 'int', min: 1, max: 500 } as const;
	/** What every cursor-paged list takes besides its filters: limit (1..500), page (deprecated), cursor. */
	const PAGING = {
		limit: LIMIT,
		page: { kind: 'int', min: 1 },
		cursor: { kind: 'string' },
	} as const;
	/** created_at_min and created_at_max, as the lists that filter by creation take them */
	const CREATED = {
		created_at_min: { kind: 'datetime' },
		created_at_max: { kind: 'datetime' },
	} as const;
	/** updated_at_min and updated_at_max, likewise */
	const UPDATED = {
		updated_at_min: { kind: 'datetime' },
		updated_at_max: { kind: 'datetime' },
	} as const;

	return {
		article,
		describe,
		fail400,
		validate,
		noBody,
		money,
		isoDateTime,
		readQuery,
		LIMIT,
		PAGING,
		CREATED,
		UPDATED,
	};
}

export type Validation = ReturnType<typeof makeValidation>;
