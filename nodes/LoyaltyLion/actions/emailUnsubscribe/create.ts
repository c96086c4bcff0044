import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { loyaltyLionRequest, PATHS } from '../../transport';

// developers.loyaltylion.com/api-reference/v2/resources/emails/create-unsubscribe.md: {email}; 201 when the
// address was added, 200 when it was already on the list (no body either way); 422 for an invalid address
// (older loyalty-emails page).
export default defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Add an email to the unsubscribe list',
	description:
		'Add an email address to the unsubscribe list, so it receives no more LoyaltyLion emails (added: false when it was already there)',
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
			description: 'The email address to unsubscribe from every LoyaltyLion email',
		},
	],
	async execute(i) {
		const email = new Validator(this, i).email('email', 'Email');
		// Adding an address twice changes nothing (the second answer is 200), so a 5xx is retried.
		const { statusCode } = await loyaltyLionRequest(this, i, 'POST', PATHS.unsubscribes, {
			body: { email },
			idempotent: true,
		});
		return { email, added: statusCode === 201 };
	},
});
