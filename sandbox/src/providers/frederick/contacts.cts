// Contacts, under their location, and the location's contact lists.
import type { RouteContext } from '../../types.cjs';
import type { Frederick } from './helpers.cjs';
import { contactSchema } from './schemas.cjs';
import { V2 } from './sources.cjs';
import type { Contact, Location } from './state.cjs';

export const SOURCES: Record<string, string> = {
	'POST /v2/locations/:locationId/contacts': `${V2}; listing is POST with X-Request-Method: GET, as the client sends it`,
	'GET /v2/locations/:locationId/contacts/:id': V2,
	'PATCH /v2/locations/:locationId/contacts/:id': V2,
	'DELETE /v2/locations/:locationId/contacts/:id': V2,
	'GET /v2/locations/:locationId/contact_lists': V2,
};

export function register(p: Frederick) {
	const { route } = p.api;
	const { state, seq, flags, authorize, locationFor, validate, attributesOf, noLocationAttribute } =
		p;
	const { readParams, paged, queryParams, startJob, err, json, resource } = p;
	// Contacts, under their location. Frederick's client library shows only name and properties on a contact, the
	// external id inside properties, and an unknown property key refused at /data/attributes/properties; the
	// other attribute names are assumed.
	// Assumed as well: the 100-character name limit, the phone pattern, a unique email (422 "already taken") and
	// a 201 on create (the client asserts no status).
	const contactIn = (ctx: RouteContext, location: Location) => {
		const contact = state.contacts.get(ctx.params.id);
		if (!contact || contact.location_id !== location.id)
			throw err(404, 'Not Found', `Contact ${ctx.params.id} not found in location ${location.id}`);
		return contact;
	};
	route('POST', '/v2/locations/:locationId/contacts', (ctx) => {
		const subject = authorize(ctx);
		const location = locationFor(ctx, subject);
		const override = ctx.headers['x-request-method'];
		if (override !== undefined) {
			// A listing: POST with X-Request-Method: GET, the parameters as a flat JSON body, as Frederick's client library sends it.
			if (String(override).toUpperCase() !== 'GET')
				throw err(400, 'Bad Request', `X-Request-Method must be GET, got ${String(override)}`);
			const body = ctx.body ?? {};
			if (typeof body !== 'object' || Array.isArray(body) || body.data !== undefined)
				throw err(
					400,
					'Bad Request',
					'a listing body is a flat object of parameters, e.g. {"page.number":1}',
				);
			const params = readParams(Object.entries(body), ['filter.email']);
			const list = () => {
				let records = [...state.contacts.values()].filter((c) => c.location_id === location.id);
				if (params['filter.email'])
					records = records.filter((c) => c.email === params['filter.email']);
				return paged(ctx, 'contacts', records, `/v2/locations/${location.id}/contacts`, params);
			};
			if (flags.listingsAsJobs) return startJob(ctx, location.id, () => list().body);
			return list();
		}
		const attributes = validate(
			contactSchema.refine((a) => a.email || a.phone, 'a contact needs an email or a phone'),
			noLocationAttribute(attributesOf(ctx, 'contacts')),
		);
		if (
			attributes.email &&
			[...state.contacts.values()].some((c) => c.email === attributes.email)
		) {
			throw err(
				422,
				'Invalid Attribute',
				`email ${attributes.email} is already taken`,
				'/data/attributes/email',
			);
		}
		const id = `ct_${seq.contact++}`;
		const now = new Date().toISOString();
		const contact: Contact = {
			id,
			first_name: null,
			last_name: null,
			email: null,
			phone: null,
			...attributes,
			location_id: location.id,
			created_at: now,
			updated_at: now,
		};
		state.contacts.set(id, contact);
		return json(201, { data: resource('contacts', contact) });
	});
	route('GET', '/v2/locations/:locationId/contacts/:id', (ctx) => {
		const location = locationFor(ctx, authorize(ctx));
		return json(200, { data: resource('contacts', contactIn(ctx, location)) });
	});
	route('PATCH', '/v2/locations/:locationId/contacts/:id', (ctx) => {
		const location = locationFor(ctx, authorize(ctx));
		const contact = contactIn(ctx, location);
		const changes = validate(contactSchema, noLocationAttribute(attributesOf(ctx, 'contacts')));
		// Assumed: properties are merged key by key. Under JSON:API a server may replace the whole attribute, which
		// would drop the properties a PATCH does not send; the node's Update description warns of this.
		Object.assign(contact, changes, {
			...(changes.properties
				? { properties: { ...contact.properties, ...changes.properties } }
				: {}),
			updated_at: new Date().toISOString(),
		});
		return json(200, { data: resource('contacts', contact) });
	});
	route('DELETE', '/v2/locations/:locationId/contacts/:id', (ctx) => {
		const location = locationFor(ctx, authorize(ctx));
		state.contacts.delete(contactIn(ctx, location).id);
		return { status: 204 };
	});

	route('GET', '/v2/locations/:locationId/contact_lists', (ctx) => {
		const location = locationFor(ctx, authorize(ctx));
		return paged(
			ctx,
			'contact_lists',
			state.contactLists,
			`/v2/locations/${location.id}/contact_lists`,
			queryParams(ctx),
		);
	});
}
