import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { frederickRequest, PATHS } from '../../transport';
import { contactIdField } from '../fields';

export default defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a contact',
	description: 'Delete a contact',
	kind: 'write',
	records: ['contactId'],
	fields: [contactIdField],
	async execute(i) {
		const id = new Validator(this, i).id('contactId', 'Contact ID');
		await frederickRequest(this, i, 'DELETE', PATHS.contact(id));
		return { id, deleted: true };
	},
});
