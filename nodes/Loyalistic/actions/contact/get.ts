import { simplified, simplifyField } from '../../../shared/descriptions/simplify';
import { defineOperation } from '../../../shared/execution/operation';
import { CALLS, PATHS, assumed, loyalisticRequest } from '../../transport';
import { CONTACT_SIMPLE, contactIdField, idOf } from '../fields';

export default defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a contact',
	description: assumed('Get a contact by ID'),
	kind: 'read',
	fields: [contactIdField, simplifyField],
	async execute(i) {
		const contact = (
			await loyalisticRequest(
				this,
				i,
				CALLS.contactGet.method,
				PATHS.contact(idOf(this, i, 'contactId', 'Contact ID')),
			)
		).body;
		return simplified(this, i, [contact], CONTACT_SIMPLE)[0];
	},
});
