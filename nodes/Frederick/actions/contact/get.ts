import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { frederickRequest, PATHS, shape, simplifyField, v2 } from '../../transport';
import { contactIdField, locationIdField } from '../fields';

export default defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a contact',
	description: v2('Get a contact by ID'),
	kind: 'read',
	fields: [locationIdField, simplifyField, contactIdField],
	async execute(i) {
		const v = new Validator(this, i);
		const locationId = v.id('locationId', 'Location ID');
		const id = v.id('contactId', 'Contact ID');
		return shape(
			this,
			i,
			(await frederickRequest(this, i, 'GET', PATHS.contact(locationId, id))).body.data,
		);
	},
});
