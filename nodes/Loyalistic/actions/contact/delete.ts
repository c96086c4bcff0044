import { defineOperation } from '../../../shared/execution/operation';
import { CALLS, PATHS, assumed, loyalisticRequest } from '../../transport';
import { contactIdField, idOf } from '../fields';

export default defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a contact',
	description: assumed('Delete a contact'),
	kind: 'write',
	records: ['contactId'],
	fields: [contactIdField],
	async execute(i) {
		const id = idOf(this, i, 'contactId', 'Contact ID');
		await loyalisticRequest(this, i, CALLS.contactDelete.method, PATHS.contact(id));
		return { id, deleted: true };
	},
});
