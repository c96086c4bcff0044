import { simplified, simplifyField } from '../../../shared/descriptions/simplify';
import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { CALLS, PATHS, QUERY, assumed, loyalisticList } from '../../transport';
import { CONTACT_SIMPLE } from '../fields';

export default defineOperation({
	value: 'findByEmail',
	name: 'Find by Email',
	action: 'Find a contact by email',
	description: assumed('Find the contact with an email address'),
	kind: 'read',
	fields: [
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			required: true,
			default: '',
			description:
				'Email address to look up. When no contact has it, the node outputs nothing for this item (turn on Always Output Data in the node settings to go on anyway).',
		},
		simplifyField,
	],
	async execute(i) {
		const email = new Validator(this, i).email('email', 'Email');
		return simplified(
			this,
			i,
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
