import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { frederickRequest, PATHS, shape, simplifyField, v2 } from '../../transport';
import { contactAttributeFields, contactAttributes, locationIdField } from '../fields';

export default defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a contact',
	description: v2('Create a contact in a location'),
	kind: 'write',
	fields: [
		locationIdField,
		simplifyField,
		{
			displayName: 'Contact Fields',
			name: 'contactFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description:
				'A contact needs at least an email or a phone (an assumed rule, as are the attribute names)',
			options: contactAttributeFields,
		},
	],
	async execute(i) {
		const locationId = new Validator(this, i).id('locationId', 'Location ID');
		const attributes = contactAttributes(this, i, 'contactFields', 'Contact Fields');
		if (!attributes.email && !attributes.phone)
			new Validator(this, i).fail('Contact Fields', 'need an Email or a Phone');
		const body = { data: { type: 'contacts', attributes } };
		return shape(
			this,
			i,
			(await frederickRequest(this, i, 'POST', PATHS.contacts(locationId), { body })).body.data,
		);
	},
});
