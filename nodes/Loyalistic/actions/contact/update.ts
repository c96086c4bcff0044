import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { loyalisticRequest, PATHS } from '../../transport';
import { collectionBody, contactIdField, contactOptionalFields, idOf } from '../fields';

export default defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a contact',
	description: 'Change fields of a contact',
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
	],
	async execute(i) {
		const id = idOf(this, i, 'contactId', 'Contact ID');
		const body = new Validator(this, i).changes(
			collectionBody(this, i, 'updateFields', 'Update Fields'),
		);
		return (await loyalisticRequest(this, i, 'PUT', PATHS.contact(id), { body })).body;
	},
});
