// LoyaltyLion simulator: customers.
import { z } from 'zod';
import { R } from './program.cjs';
import type { Lion } from './context.cjs';

export const SOURCES: Record<string, string> = {
	'GET /v2/customers': `${R}customers/list-customers (date filters: https://developers.loyaltylion.com/api/resources/customers)`,
	'GET /v2/customers/:merchantId':
		'assumed: not public (the Admin API has no get-one-customer operation; only Headless has one)',
	'PATCH /v2/customers/:merchantId': `${R}customers/update-customer`,
};

export function register(ll: Lion) {
	const {
		route,
		state,
		touched,
		need,
		validate,
		readQuery,
		PAGING,
		CREATED,
		UPDATED,
		cursorList,
		inRange,
		customerOr404,
	} = ll;
	// customers/list-customers (date filters from the old customers page; at-or-after / at-or-before)
	route('GET', '/v2/customers', (ctx) => {
		need(ctx, 'read', 'customers');
		const filters = {
			since_id: { kind: 'int', min: 0 },
			sort_field: { kind: 'enum', values: ['id', 'updated_at'] },
			sort_direction: { kind: 'enum', values: ['asc', 'desc'] },
			email: { kind: 'string' },
			...CREATED,
			...UPDATED,
		} as const;
		const q = readQuery(ctx, { ...filters, ...PAGING });
		const { page, cursor, headers } = cursorList(
			ctx,
			'customers',
			q,
			state.customers,
			Object.keys(filters),
			(c, f) =>
				// email: the customers whose e-mail contains it (case-insensitive: assumed)
				(f.email === undefined || c.email.toLowerCase().includes(String(f.email).toLowerCase())) &&
				inRange(c.created_at, f.created_at_min, f.created_at_max, false) &&
				inRange(c.updated_at, f.updated_at_min, f.updated_at_max, false),
		);
		return { status: 200, body: { customers: page, cursor }, headers };
	});
	// assumed: not public. The Admin API has no get-one-customer operation (only Headless has one); kept for
	// existing callers: {customer}.
	route('GET', '/v2/customers/:merchantId', (ctx) => {
		need(ctx, 'read', 'customers');
		readQuery(ctx, {});
		return { status: 200, body: { customer: customerOr404(ctx.params.merchantId) } };
	});
	// customers/update-customer: PATCH, body {customer: {birthday, blocked}} and nothing else; 200 {customer}.
	route('PATCH', '/v2/customers/:merchantId', (ctx) => {
		need(ctx, 'write', 'customers');
		readQuery(ctx, {});
		const customer = customerOr404(ctx.params.merchantId);
		const body = validate(
			z
				.object({
					customer: z
						.object({
							// format not stated on the page; customer objects carry ISO 8601 dates (null clears: assumed)
							birthday: z
								.string()
								.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO 8601 date (YYYY-MM-DD)')
								.nullable()
								.optional(),
							blocked: z.boolean().optional(),
						})
						.strict(),
				})
				.strict(),
			ctx.body,
		);
		Object.assign(customer, body.customer);
		touched(customer);
		return { status: 200, body: { customer } };
	});
}
