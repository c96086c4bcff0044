import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { CALLS, PATHS, assumed, loyalisticRequest } from '../../transport';
import { collectionBody, contactOptionalFields } from '../fields';

export default defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a contact',
	description: assumed('Create a contact'),
	kind: 'write',
	records: ['email'],
	fields: [
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'e.g. name@email.com',
			required: true,
			default: '',
			description: 'Email address of the new contact',
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: contactOptionalFields.filter((f) => f.name !== 'email'),
		},
	],
	async execute(i) {
		const email = new Validator(this, i).email('email', 'Email');
		const body = { ...collectionBody(this, i, 'additionalFields', 'Additional Fields'), email };
		return (await loyalisticRequest(this, i, CALLS.contactCreate.method, PATHS.contacts, { body }))
			.body;
	},
});
