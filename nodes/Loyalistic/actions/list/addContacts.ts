import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { CALLS, PATHS, assumed, loyalisticRequest } from '../../transport';
import { idOf, listIdField } from '../fields';

export default defineOperation({
	value: 'addContacts',
	name: 'Add Contacts',
	action: 'Add contacts to a list',
	description: assumed('Add contacts to a static list'),
	kind: 'write',
	records: ['listId'],
	fields: [
		listIdField,
		{
			displayName: 'Contact IDs',
			name: 'contactIds',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 12, 345',
			description:
				'IDs of the contacts to add, separated by commas. Digits are sent as numbers, other IDs as text (the ID type, the body and any limit are assumed).',
		},
	],
	async execute(i) {
		const listId = idOf(this, i, 'listId', 'List ID');
		const v = new Validator(this, i);
		const contactIds = v
			.list('contactIds', 'Contact IDs')
			.map((id) => (/^\d+$/.test(id) ? Number(id) : id));
		// Whether adding a member twice is harmless is not public, so the request is not treated as idempotent:
		// a 5xx is not retried and the item fails, rather than risk applying it twice.
		return (
			await loyalisticRequest(this, i, CALLS.listAddContacts.method, PATHS.listContacts(listId), {
				body: { contactIds },
			})
		).body;
	},
});
