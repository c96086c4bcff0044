// Contacts.
import type { Loyalistic } from './helpers.cjs';
import { contactSchema } from './schemas.cjs';
import type { Contact } from './state.cjs';

export const SOURCES: Record<string, string> = {
	'GET /v1/contacts': 'assumed: resource API not in stored material',
	'GET /v1/contacts/:id': 'assumed: resource API not in stored material',
	'POST /v1/contacts': 'assumed: resource API not in stored material',
	'PUT /v1/contacts/:id': 'assumed: resource API not in stored material',
	'DELETE /v1/contacts/:id': 'assumed: resource API not in stored material',
};

export function register(p: Loyalistic) {
	const { route, HttpError } = p.api;
	const { state, authorize, validate, paged, idParam, notFound, now } = p;
	route('GET', '/v1/contacts', (ctx) => {
		authorize(ctx);
		let records = [...state.contacts.values()];
		const email = ctx.query.get('email');
		if (email) records = records.filter((c) => c.email === email.toLowerCase());
		const updatedSince = ctx.query.get('updatedSince');
		if (updatedSince) records = records.filter((c) => c.updatedAt >= updatedSince);
		return paged(ctx, records);
	});
	route('GET', '/v1/contacts/:id', (ctx) => {
		authorize(ctx);
		const contact = state.contacts.get(idParam(ctx, 'contact'));
		if (!contact) throw notFound('Contact', ctx.params.id);
		return { status: 200, body: contact };
	});
	route('POST', '/v1/contacts', (ctx) => {
		authorize(ctx);
		const body = validate(contactSchema, ctx.body, 'contact');
		if ([...state.contacts.values()].some((c) => c.email === body.email.toLowerCase())) {
			throw new HttpError(409, {
				Message: `A contact with the email ${body.email} already exists.`,
			});
		}
		const id = state.nextId.contact++;
		const contact: Contact = {
			id,
			phone: null,
			title: null,
			companyId: null,
			customFields: {},
			score: 0,
			...body,
			email: body.email.toLowerCase(),
			createdAt: now(),
			updatedAt: now(),
		};
		state.contacts.set(id, contact);
		return { status: 201, body: contact, headers: { Location: `/v1/contacts/${id}` } };
	});
	route('PUT', '/v1/contacts/:id', (ctx) => {
		authorize(ctx);
		const id = idParam(ctx, 'contact');
		const contact = state.contacts.get(id);
		if (!contact) throw notFound('Contact', ctx.params.id);
		const body = validate(contactSchema.partial(), ctx.body, 'contact');
		Object.assign(contact, body, { updatedAt: now() });
		return { status: 200, body: contact };
	});
	route('DELETE', '/v1/contacts/:id', (ctx) => {
		authorize(ctx);
		const id = idParam(ctx, 'contact');
		if (!state.contacts.delete(id)) throw notFound('Contact', ctx.params.id);
		for (const list of state.lists.values()) list.contactIds.delete(id);
		return { status: 204 };
	});
}
