// Lists and segments.
import { z } from 'zod';
import type { Loyalistic } from './helpers.cjs';
import type { List } from './state.cjs';

export const SOURCES: Record<string, string> = {
	'GET /v1/lists': 'assumed: resource API not in stored material',
	'POST /v1/lists/:id/contacts': 'assumed: resource API not in stored material',
	'DELETE /v1/lists/:id/contacts/:contactId': 'assumed: resource API not in stored material',
};

export function register(p: Loyalistic) {
	const { route } = p.api;
	const { state, authorize, validate, paged, idParam, notFound, modelError } = p;
	const listView = (l: List) => ({
		id: l.id,
		name: l.name,
		type: l.type,
		contactCount: l.contactIds.size,
	});
	route('GET', '/v1/lists', (ctx) => {
		authorize(ctx);
		return paged(ctx, [...state.lists.values()].map(listView));
	});
	route('POST', '/v1/lists/:id/contacts', (ctx) => {
		authorize(ctx);
		const list = state.lists.get(idParam(ctx, 'list'));
		if (!list) throw notFound('List', ctx.params.id);
		if (list.type === 'segment')
			throw modelError('The request is invalid.', {
				list: ['Contacts of a segment are computed; they cannot be added.'],
			});
		const { contactIds } = validate(
			z.object({ contactIds: z.array(z.number().int()).min(1).max(1000) }),
			ctx.body,
			'request',
		);
		const missing = contactIds.filter((id) => !state.contacts.has(id));
		if (missing.length)
			throw modelError('The request is invalid.', {
				'request.contactIds': [`Unknown contact ids: ${missing.join(', ')}`],
			});
		let added = 0;
		for (const id of contactIds) if (!list.contactIds.has(id)) (list.contactIds.add(id), added++);
		return { status: 200, body: { ...listView(list), added } };
	});
	route('DELETE', '/v1/lists/:id/contacts/:contactId', (ctx) => {
		authorize(ctx);
		const list = state.lists.get(idParam(ctx, 'list'));
		if (!list) throw notFound('List', ctx.params.id);
		if (!list.contactIds.delete(Number(ctx.params.contactId)))
			throw notFound('List member', ctx.params.contactId);
		return { status: 204 };
	});
}
