import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { frederickRequest, PATHS, shape, simplifyField } from '../../transport';
import { contactAttributeFields, contactAttributes } from '../fields';

export default defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a contact',
	description: 'Create a contact',
	kind: 'write',
	fields: [
		simplifyField,
		{
			displayName: 'Contact Fields',
			name: 'contactFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: 'A contact needs at least an email or a phone',
			options: contactAttributeFields,
		},
	],
	async execute(i) {
		const attributes = contactAttributes(this, i, 'contactFields', 'Contact Fields');
		if (!attributes.email && !attributes.phone)
			new Validator(this, i).fail('Contact Fields', 'need an Email or a Phone');
		const body = { data: { type: 'contacts', attributes } };
		return shape(
			this,
			i,
			(await frederickRequest(this, i, 'POST', PATHS.contacts, { body })).body.data,
		);
	},
});
