// The checks every request passes: the bearer, the query, the body, the program and the member.
import { z } from 'zod';
import { bearerOf } from '../../tokens.cjs';
import { str, num, describe } from './schemas.cjs';
import { failure } from './util.cjs';
import type { ProviderApi, RouteContext } from '../../types.cjs';
import type { Options } from './program.cjs';
import type { Ledger } from './ledger.cjs';
import type { Member, Subject } from './state.cjs';

/** A schema as the checks take it: whatever its output, parsing starts from unknown JSON. */
type Schema<T> = z.ZodType<T, z.ZodTypeDef, unknown>;

function createChecks(api: ProviderApi, options: Options, ledger: Ledger) {
	const { HttpError } = api;
	const { tokens, state } = ledger;
	// ---- request checks ------------------------------------------------------------------------------------
	const refuse = (message: string, status = 400) => new HttpError(status, failure('999', message));
	/** A body of the wrong JSON kind: 998, "invalid request (structurally invalid)" (concepts/response-format). */
	const malformed = (message: string) => new HttpError(400, failure('998', message));
	const authorize = (ctx: RouteContext): Subject => {
		const check = tokens.check(bearerOf(ctx.headers));
		if (!check.ok) {
			throw new HttpError(
				401,
				failure(
					'401',
					check.reason === 'expired'
						? 'Token has expired'
						: check.reason === 'revoked'
							? 'Token has been invalidated'
							: 'Invalid token',
				),
			);
		}
		return check.subject;
	};
	/** Query parameters: exactly the allowed names; pintProgramId an integer equal to the token's program. */
	const queryOf = (
		ctx: RouteContext,
		subject: Subject,
		allowed: string[],
		required: string[] = allowed,
	) => {
		const q: Record<string, string> = {};
		for (const [k, v] of ctx.query) {
			if (!allowed.includes(k))
				throw refuse(
					allowed.length
						? `${k} is not a query parameter of this request (allowed: ${allowed.join(', ')})`
						: `${k} is not a query parameter of this request (it takes none)`,
				);
			q[k] = v;
		}
		for (const k of required) if (!q[k]) throw refuse(`${k} is required`);
		if ('pintProgramId' in q) {
			if (!/^\d+$/.test(q.pintProgramId))
				throw refuse(`pintProgramId must be an integer, got ${JSON.stringify(q.pintProgramId)}`);
			checkProgram(subject, Number(q.pintProgramId));
		}
		return q;
	};
	// A program other than the token's: 997 with HTTP 200 (assumed: the reference has no program-mismatch code,
	// and 997 means only "exception occurred").
	const checkProgram = (subject: Subject, program: number) => {
		if (program !== Number(subject.programId))
			throw new HttpError(
				200,
				failure('997', `Program ${program} is not accessible with this token`),
			);
	};
	/** A transaction schema that also takes the program's local attributes (text or number, optional). */
	const withLocal = <S extends z.AnyZodObject>(schema: S): Schema<z.output<S>> =>
		options.localAttributes.length
			? schema.extend(
					Object.fromEntries(
						options.localAttributes.map((k) => [k, z.union([str(), num()]).optional()]),
					),
				)
			: schema;
	/** An unknown transaction field is, for a transaction, a local attribute the program does not configure. */
	const localNote = (text: string) =>
		text.replace(
			/is not a field of this request/g,
			`is not a field of this request (local attributes configured: ${options.localAttributes.join(', ') || 'none'})`,
		);
	const bodyOf = <T extends object>(
		ctx: RouteContext,
		schema: Schema<T>,
		subject: Subject,
		transaction = false,
	): T => {
		const body = ctx.body;
		if (body === undefined || typeof body !== 'object' || body === null || Array.isArray(body))
			throw malformed('body must be a JSON object');
		const parsed = schema.safeParse(body);
		if (!parsed.success)
			throw refuse(
				transaction ? localNote(describe(parsed.error.issues)) : describe(parsed.error.issues),
			);
		// every schema's ProgramId is an integer
		if ('ProgramId' in parsed.data) checkProgram(subject, parsed.data.ProgramId as number);
		return parsed.data;
	};
	/**
	 * A member-bound token may only act on its own member: assumed, as are HTTP 403 and ErrorCode "403" (what
	 * such a token may call is not public, and no page documents 403).
	 */
	const checkMember = (subject: Subject, ref: string) => {
		if (subject.member && subject.member !== ref)
			throw new HttpError(
				403,
				failure('403', `This token is bound to member ${subject.member} and cannot access ${ref}`),
			);
	};
	const memberOr103 = (ref: string, status = 200): Member => {
		const member = state.members.get(ref);
		if (!member) throw new HttpError(status, failure('103', `Member does not exist: ${ref}`));
		return member;
	};

	return {
		refuse,
		malformed,
		authorize,
		queryOf,
		checkProgram,
		withLocal,
		localNote,
		bodyOf,
		checkMember,
		memberOr103,
	};
}

type Checks = ReturnType<typeof createChecks>;

export { createChecks };
export type { Checks };
