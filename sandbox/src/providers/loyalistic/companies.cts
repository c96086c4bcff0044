// Companies.
import type { Loyalistic } from './helpers.cjs';
import { companySchema } from './schemas.cjs';
import type { Company } from './state.cjs';

export const SOURCES: Record<string, string> = {
	'GET /v1/companies': 'assumed: resource API not in stored material',
	'GET /v1/companies/:id': 'assumed: resource API not in stored material',
	'POST /v1/companies': 'assumed: resource API not in stored material',
	'PUT /v1/companies/:id': 'assumed: resource API not in stored material',
};

export function register(p: Loyalistic) {
	const { route } = p.api;
	const { state, authorize, validate, paged, idParam, notFound, now } = p;
	route('GET', '/v1/companies', (ctx) => {
		authorize(ctx);
		return paged(ctx, [...state.companies.values()]);
	});
	route('GET', '/v1/companies/:id', (ctx) => {
		authorize(ctx);
		const company = state.companies.get(idParam(ctx, 'company'));
		if (!company) throw notFound('Company', ctx.params.id);
		return { status: 200, body: company };
	});
	route('POST', '/v1/companies', (ctx) => {
		authorize(ctx);
		const body = validate(companySchema, ctx.body, 'company');
		const id = state.nextId.company++;
		const company: Company = { id, ...body, createdAt: now(), updatedAt: now() };
		state.companies.set(id, company);
		return { status: 201, body: company };
	});
	route('PUT', '/v1/companies/:id', (ctx) => {
		authorize(ctx);
		const company = state.companies.get(idParam(ctx, 'company'));
		if (!company) throw notFound('Company', ctx.params.id);
		Object.assign(company, validate(companySchema.partial(), ctx.body, 'company'), {
			updatedAt: now(),
		});
		return { status: 200, body: company };
	});
}
