import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { loyalifeRequest, PATHS } from '../../transport';
import { memberOptionalFields, relationReferenceField } from '../fields';
import { memberBody } from './body';

export default defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a member',
	description: 'Enrol a member (fails if the relation reference exists)',
	kind: 'write',
	records: ['relationReference'],
	fields: [
		relationReferenceField,
		{
			displayName: 'Full Name',
			name: 'fullName',
			type: 'string',
			placeholder: 'e.g. Ada Lovelace',
			required: true,
			default: '',
			description: 'Full name of the member',
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: memberOptionalFields.filter((f) => f.name !== 'full_name'),
		},
	],
	async execute(i) {
		const v = new Validator(this, i);
		const body = {
			relation_reference: v.string('relationReference', 'Member Relation Reference'),
			full_name: v.string('fullName', 'Full Name'),
			...memberBody(this, i, 'additionalFields', 'Additional Fields'),
		};
		return (await loyalifeRequest(this, i, 'POST', PATHS.createMember, { body, program: true }))
			.data;
	},
});
