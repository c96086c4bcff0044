import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { loyalifeRequest, PATHS } from '../../transport';
import { memberLocator, memberOptionalFields } from '../fields';
import { memberBody } from './body';

export default defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a member',
	description: 'Change profile fields of a member',
	kind: 'write',
	records: ['relationReference'],
	fields: [
		memberLocator(),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: memberOptionalFields,
		},
	],
	async execute(i) {
		const v = new Validator(this, i);
		const relation_reference = v.string('relationReference', 'Member Relation Reference');
		const changes = v.changes(memberBody(this, i, 'updateFields', 'Update Fields'));
		// Setting fields to given values: repeating it has the same effect, so it is safe to retry.
		return (
			await loyalifeRequest(this, i, 'POST', PATHS.updateMember, {
				body: { relation_reference, ...changes },
				program: true,
				idempotent: true,
			})
		).data;
	},
});
