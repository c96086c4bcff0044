import { defineOperation } from '../../../shared/execution/operation';
import { CALLS, PATHS, assumed, loyalisticRequest } from '../../transport';
import { contactIdField, idOf, listIdField } from '../fields';

export default defineOperation({
	value: 'removeContact',
	name: 'Remove Contact',
	action: 'Remove a contact from a list',
	description: assumed('Remove a contact from a static list'),
	kind: 'write',
	records: ['listId', 'contactId'],
	fields: [listIdField, contactIdField],
	async execute(i) {
		const listId = idOf(this, i, 'listId', 'List ID');
		const contactId = idOf(this, i, 'contactId', 'Contact ID');
		await loyalisticRequest(
			this,
			i,
			CALLS.listRemoveContact.method,
			PATHS.listContact(listId, contactId),
		);
		return { listId, contactId, removed: true };
	},
});
