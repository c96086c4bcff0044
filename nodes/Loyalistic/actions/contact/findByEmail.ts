import { outputFields, outputShaper } from '../../../shared/descriptions/simplify';
import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { CALLS, PATHS, QUERY, assumed, loyalisticList } from '../../transport';
import { CONTACT_OUTPUT, CONTACT_SIMPLE } from '../fields';

export default defineOperation({
	value: 'findByEmail',
	name: 'Get by Email',
	action: 'Get a contact by email',
	description: assumed('Find the contact with an email address'),
	kind: 'read',
	fields: [
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'e.g. name@email.com',
			required: true,
			default: '',
			description:
				'Email address to look up. When no contact has it, the node outputs nothing for this item (turn on Always Output Data in the node settings to go on anyway).',
		},
		...outputFields(CONTACT_OUTPUT),
	],
	async execute(i) {
		const shape = outputShaper(this, i, CONTACT_OUTPUT);
		const email = new Validator(this, i).email('email', 'Email');
		return shape(
			await loyalisticList(
				this,
				i,
				CALLS.contactFindByEmail,
				PATHS.contacts,
				{ [QUERY.email]: email },
				1,
			),
			CONTACT_SIMPLE,
		);
	},
});
