import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { frederickRequest, PATHS, v2 } from '../../transport';
import { contactIdField, locationIdField } from '../fields';

export default defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a contact',
	description: v2('Delete a contact'),
	kind: 'write',
	records: ['contactId'],
	fields: [locationIdField, contactIdField],
	async execute(i) {
		const v = new Validator(this, i);
		const locationId = v.id('locationId', 'Location ID');
		const id = v.id('contactId', 'Contact ID');
		await frederickRequest(this, i, 'DELETE', PATHS.contact(locationId, id));
		return { id, deleted: true };
	},
});
