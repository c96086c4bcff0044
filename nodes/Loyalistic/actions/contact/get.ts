import { outputFields, outputShaper } from '../../../shared/descriptions/simplify';
import { defineOperation } from '../../../shared/execution/operation';
import { CALLS, PATHS, assumed, loyalisticRequest } from '../../transport';
import { CONTACT_OUTPUT, CONTACT_SIMPLE, contactIdField, idOf } from '../fields';

export default defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a contact',
	description: assumed('Get a contact by ID'),
	kind: 'read',
	fields: [contactIdField, ...outputFields(CONTACT_OUTPUT)],
	async execute(i) {
		const shape = outputShaper(this, i, CONTACT_OUTPUT);
		const contact = (
			await loyalisticRequest(
				this,
				i,
				CALLS.contactGet.method,
				PATHS.contact(idOf(this, i, 'contactId', 'Contact ID')),
			)
		).body;
		return shape([contact], CONTACT_SIMPLE)[0];
	},
});
