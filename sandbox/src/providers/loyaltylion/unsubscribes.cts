// LoyaltyLion simulator: loyalty e-mail unsubscribes.
import { z } from 'zod';
import { R } from './program.cjs';
import type { Lion } from './context.cjs';

export const SOURCES: Record<string, string> = {
	'GET /v2/loyalty_emails/unsubscribes': `${R}emails/list-unsubscribes`,
	'POST /v2/loyalty_emails/unsubscribes': `${R}emails/create-unsubscribe.md`,
};

export function register(ll: Lion) {
	const { route, state, nowIso, deliverTopic, apiError, need, validate, readQuery, LIMIT } = ll;
	// emails/list-unsubscribes: limit (1..500, default 100), page (>= 1); a bare array of {email, id} where id
	// is the store customer id or null. Oldest first (the order is not public).
	route('GET', '/v2/loyalty_emails/unsubscribes', (ctx) => {
		need(ctx, 'read', 'unsubscribes');
		const q = readQuery(ctx, { limit: LIMIT, page: { kind: 'int', min: 1 } });
		const limit = q.limit ?? 100;
		const start = ((q.page ?? 1) - 1) * limit;
		return {
			status: 200,
			body: state.unsubscribes
				.slice(start, start + limit)
				.map((u) => ({ email: u.email, id: u.id })),
		};
	});
	// emails/create-unsubscribe.md: {email}; 201 added, 200 already on the list (no bodies); 422 for an invalid
	// address (old loyalty-emails page).
	route('POST', '/v2/loyalty_emails/unsubscribes', (ctx) => {
		need(ctx, 'write', 'unsubscribes');
		readQuery(ctx, {});
		const body = validate(
			z.object({ email: z.string().min(1, 'must not be empty') }).strict(),
			ctx.body,
		);
		// Assumed (not public): the address is trimmed and matched without regard to case.
		const email = body.email.trim();
		if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
			throw apiError(422, `${JSON.stringify(body.email)} is not a valid e-mail address`, {
				email: 'is not a valid e-mail address',
			});
		if (state.unsubscribes.some((u) => u.email.toLowerCase() === email.toLowerCase()))
			return { status: 200 };
		const customer = state.customers.find((c) => c.email.toLowerCase() === email.toLowerCase());
		state.unsubscribes.push({ email, id: customer?.merchant_id ?? null, created_at: nowIso() });
		// The topic's page types customer.id as a number; for an address that is no customer the simulator
		// sends null (assumed: what LoyaltyLion sends then is not public).
		deliverTopic('loyalty_emails/unsubscribe', { customer: { id: customer?.id ?? null, email } });
		return { status: 201 };
	});
}
