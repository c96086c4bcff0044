// What every Loyalistic route shares: the state, token checks, validation into {Message, ModelState}
// bodies, paging and id parameters.
import type { z } from 'zod';
import { bearerOf, type TokenStore } from '../../tokens.cjs';
import type { ProviderApi, RouteContext } from '../../types.cjs';
import type { Options, State } from './state.cjs';
import { QUERY_OF } from './swagger.cjs';

export interface Loyalistic {
	api: ProviderApi;
	state: State;
	options: Options;
	tokens: TokenStore;
	now(): string;
	modelError(message: string, modelState: Record<string, string[]>): Error;
	notFound(what: string, id: string): Error;
	authorize(ctx: RouteContext): void;
	validate<S extends z.ZodTypeAny>(schema: S, body: unknown, prefix: string): z.infer<S>;
	paged(ctx: RouteContext, records: unknown[]): { status: number; body: unknown };
	idParam(ctx: RouteContext, what: string): number;
}

export function helpers(api: ProviderApi, state: State): Loyalistic {
	const { HttpError } = api;
	const { options, tokens } = state;
	const now = () => new Date().toISOString();

	const modelError = (message: string, modelState: Record<string, string[]>) =>
		new HttpError(400, { Message: message, ModelState: modelState });
	const notFound = (what: string, id: string) =>
		new HttpError(404, { Message: `${what} ${id} was not found.` });

	const authorize = (ctx: RouteContext) => {
		const check = tokens.check(bearerOf(ctx.headers));
		if (!check.ok) {
			throw new HttpError(
				401,
				{ Message: 'Authorization has been denied for this request.' },
				{
					'WWW-Authenticate': `Bearer error="invalid_token", error_description="The token is ${check.reason}"`,
				},
			);
		}
	};
	const validate = <S extends z.ZodTypeAny>(
		schema: S,
		body: unknown,
		prefix: string,
	): z.infer<S> => {
		const parsed = schema.safeParse(body ?? {});
		if (parsed.success) return parsed.data;
		const modelState: Record<string, string[]> = {};
		for (const issue of parsed.error.issues) {
			const key = `${prefix}.${issue.path.join('.') || 'body'}`;
			(modelState[key] = modelState[key] ?? []).push(issue.message);
		}
		throw modelError('The request is invalid.', modelState);
	};
	const paged = (ctx: RouteContext, records: unknown[]) => {
		const allowed = QUERY_OF[`GET ${String(ctx.url.pathname).replace(/^\/loyalistic/, '')}`];
		for (const key of ctx.query.keys())
			if (allowed && !allowed.includes(key))
				throw modelError('The request is invalid.', {
					[key]: [`The query parameter '${key}' is not known here.`],
				});
		const page = Number(ctx.query.get('page') ?? 1);
		const pageSize = Number(ctx.query.get('pageSize') ?? 25);
		if (!Number.isInteger(page) || page < 1)
			throw modelError('The request is invalid.', { page: ['page must be 1 or more.'] });
		if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > options.maxPageSize) {
			throw modelError('The request is invalid.', {
				pageSize: [`pageSize must be between 1 and ${options.maxPageSize}.`],
			});
		}
		const start = (page - 1) * pageSize;
		return {
			status: 200,
			body: {
				items: records.slice(start, start + pageSize),
				page,
				pageSize,
				totalCount: records.length,
			},
		};
	};
	const idParam = (ctx: RouteContext, what: string) => {
		const id = Number(ctx.params.id);
		if (!Number.isInteger(id))
			throw modelError('The request is invalid.', {
				id: [`The value '${ctx.params.id}' is not valid for ${what} id.`],
			});
		return id;
	};

	return {
		api,
		state,
		options,
		tokens,
		now,
		modelError,
		notFound,
		authorize,
		validate,
		paged,
		idParam,
	};
}
