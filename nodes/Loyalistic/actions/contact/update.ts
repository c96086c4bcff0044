import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { CALLS, PATHS, assumed, loyalisticRequest } from '../../transport';
import { outputFields, outputShaper } from '../../../shared/descriptions/simplify';
import {
	CONTACT_SIMPLE,
	CONTACT_UPDATE_OUTPUT,
	collectionBody,
	contactIdField,
	contactOptionalFields,
	idOf,
} from '../fields';

export default defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a contact',
	description: assumed('Change fields of a contact'),
	kind: 'write',
	records: ['contactId'],
	fields: [
		contactIdField,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: contactOptionalFields,
		},
		...outputFields(CONTACT_UPDATE_OUTPUT),
	],
	async execute(i) {
		const shape = outputShaper(this, i, CONTACT_UPDATE_OUTPUT);
		const id = idOf(this, i, 'contactId', 'Contact ID');
		const body = new Validator(this, i).changes(
			collectionBody(this, i, 'updateFields', 'Update Fields'),
		);
		const contact = (
			await loyalisticRequest(this, i, CALLS.contactUpdate.method, PATHS.contact(id), { body })
		).body;
		return shape([contact], CONTACT_SIMPLE)[0];
	},
});
