// Activities.
import type { Loyalistic } from './helpers.cjs';
import { activitySchema } from './schemas.cjs';
import type { Activity } from './state.cjs';

export const SOURCES: Record<string, string> = {
	'POST /v1/contacts/:id/activities': 'assumed: resource API not in stored material',
	'GET /v1/activities': 'assumed: resource API not in stored material',
};

export function register(p: Loyalistic) {
	const { route } = p.api;
	const { state, authorize, validate, paged, idParam, notFound, now } = p;
	route('POST', '/v1/contacts/:id/activities', (ctx) => {
		authorize(ctx);
		const contactId = idParam(ctx, 'contact');
		if (!state.contacts.has(contactId)) throw notFound('Contact', ctx.params.id);
		const body = validate(activitySchema, ctx.body, 'activity');
		const activity: Activity = {
			id: state.nextId.activity++,
			contactId,
			occurredAt: now(),
			description: null,
			properties: {},
			...body,
			createdAt: now(),
		};
		state.activities.push(activity);
		return { status: 201, body: activity };
	});
	route('GET', '/v1/activities', (ctx) => {
		authorize(ctx);
		let records = state.activities;
		const contactId = ctx.query.get('contactId');
		if (contactId) records = records.filter((a) => a.contactId === Number(contactId));
		const type = ctx.query.get('type');
		if (type) records = records.filter((a) => a.type === type);
		return paged(ctx, records);
	});
}
