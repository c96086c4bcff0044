// What every Cardlytics route shares: the state, the assumed {status, message} error body, token checks,
// validation and the 202 answer.
import * as crypto from 'node:crypto';
import type { z } from 'zod';
import { bearerOf, type TokenStore } from '../../tokens.cjs';
import type { ProviderApi, RouteContext } from '../../types.cjs';
import type { Options, State } from './state.cjs';

export function zodMessage(error: z.ZodError): string {
	return error.issues
		.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
		.join('; ');
}

/** A stable pseudo-random number from a string, for seeded report figures. */
export function seeded(text: string, max: number): number {
	return crypto.createHash('sha256').update(text).digest().readUInt32BE(0) % max;
}

export interface Cardlytics {
	api: ProviderApi;
	state: State;
	options: Options;
	tokens: TokenStore;
	fail(ctx: RouteContext, status: number, message: string): Error;
	authorize(ctx: RouteContext): unknown;
	validate<S extends z.ZodTypeAny>(ctx: RouteContext, schema: S, body: unknown): z.infer<S>;
	accepted(message: string): { status: number; body: { message: string; trace_id: string } };
}

export function helpers(api: ProviderApi, state: State): Cardlytics {
	const { HttpError, randomId } = api;
	const { options, tokens } = state;

	// Assumed error body: the Partner API documents none.
	const fail = (_ctx: RouteContext, status: number, message: string) =>
		new HttpError(status, { status, message });

	// The OpenAPI lists 401 for the report only; answering it on the other partner endpoints is assumed.
	const authorize = (ctx: RouteContext) => {
		const token = bearerOf(ctx.headers);
		const check = tokens.check(token);
		if (!check.ok) {
			throw fail(
				ctx,
				401,
				check.reason === 'expired' ? 'Access token expired' : 'Invalid access token',
			);
		}
		return check.subject;
	};

	const validate = <S extends z.ZodTypeAny>(
		ctx: RouteContext,
		schema: S,
		body: unknown,
	): z.infer<S> => {
		const parsed = schema.safeParse(body ?? {});
		if (!parsed.success) throw fail(ctx, 400, zodMessage(parsed.error));
		return parsed.data;
	};

	const accepted = (message: string) => ({
		status: 202,
		body: { message, trace_id: randomId('trace-', 8) },
	});

	return { api, state, options, tokens, fail, authorize, validate, accepted };
}
