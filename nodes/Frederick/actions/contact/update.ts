import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { frederickRequest, PATHS, shape, simplifyField, v2 } from '../../transport';
import {
	contactAttributeFields,
	contactAttributes,
	contactIdField,
	locationIdField,
} from '../fields';

export default defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a contact',
	description: v2(
		"Change fields of a contact: only the fields you set are sent; an External ID is sent as properties: {external_id} alone; whether Frederick merges that into the contact's other properties or replaces them is not public (assumed: merged), and a server that replaces them would drop the others",
	),
	kind: 'write',
	records: ['contactId'],
	fields: [
		locationIdField,
		simplifyField,
		contactIdField,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description:
				"The fields to change; External ID is sent as properties: {external_id} alone: if Frederick replaces properties rather than merging them (not public), the contact's other properties are lost",
			options: contactAttributeFields,
		},
	],
	async execute(i) {
		const v = new Validator(this, i);
		const locationId = v.id('locationId', 'Location ID');
		const id = v.id('contactId', 'Contact ID');
		const attributes = contactAttributes(this, i, 'updateFields', 'Update Fields');
		v.changes(attributes);
		const body = { data: { type: 'contacts', id, attributes } };
		// PATCH sets the given fields: repeating it changes nothing more, so it is retried after a 5xx.
		return shape(
			this,
			i,
			(
				await frederickRequest(this, i, 'PATCH', PATHS.contact(locationId, id), {
					body,
					idempotent: true,
				})
			).body.data,
		);
	},
});
