import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { loyalisticRequest, PATHS } from '../../transport';
import { idOf, listIdField } from '../fields';

export default defineOperation({
	value: 'addContacts',
	name: 'Add Contacts',
	action: 'Add contacts to a list',
	description: 'Add contacts to a static list',
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
			placeholder: '12, 345',
			description:
				'IDs of the contacts to add, separated by commas (up to 1,000). Adding a contact already on the list changes nothing.',
		},
	],
	async execute(i) {
		const listId = idOf(this, i, 'listId', 'List ID');
		const v = new Validator(this, i);
		const contactIds = v.list('contactIds', 'Contact IDs').map((id) => {
			if (!/^\d+$/.test(id)) v.fail('Contact IDs', `must be numeric IDs, got "${id}"`);
			return Number(id);
		});
		if (contactIds.length > 1000)
			v.fail('Contact IDs', `may hold at most 1,000 IDs, got ${contactIds.length}`);
		// Adding is idempotent (a member is added once), so the request is safe to retry.
		return (
			await loyalisticRequest(this, i, 'POST', PATHS.listContacts(listId), {
				body: { contactIds },
				idempotent: true,
			})
		).body;
	},
});
