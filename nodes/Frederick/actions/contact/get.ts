import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { frederickRequest, PATHS, shape, simplifyField } from '../../transport';
import { contactIdField } from '../fields';

export default defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a contact',
	description: 'Get a contact by ID',
	kind: 'read',
	fields: [simplifyField, contactIdField],
	async execute(i) {
		const id = new Validator(this, i).id('contactId', 'Contact ID');
		return shape(this, i, (await frederickRequest(this, i, 'GET', PATHS.contact(id))).body.data);
	},
});
