import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { loyalifeRequest, MEMBER_LOOKUP, PATHS } from '../../transport';

export default defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a member',
	description: 'Get a member by relation reference, email or mobile number',
	kind: 'read',
	fields: [
		{
			displayName: 'Find By',
			name: 'attributeName',
			type: 'options',
			// The program's attribute keys, as the reference names them (never display names such as "Email").
			options: [
				{ name: 'Email', value: MEMBER_LOOKUP.attributes.email },
				{ name: 'Mobile Number', value: MEMBER_LOOKUP.attributes.mobile },
				{ name: 'Relation Reference', value: MEMBER_LOOKUP.attributes.relationReference },
			],
			default: 'relation_reference', // MEMBER_LOOKUP.attributes.relationReference (lint needs a literal)
			description: 'Which unique attribute identifies the member',
		},
		{
			displayName: 'Value',
			name: 'attributeValue',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'MEM0001',
			description: 'Value of that attribute',
		},
	],
	async execute(i) {
		const v = new Validator(this, i);
		const qs = {
			[MEMBER_LOOKUP.nameParameter]: v.string('attributeName', 'Find By'),
			[MEMBER_LOOKUP.valueParameter]: v.string('attributeValue', 'Value'),
		};
		return (await loyalifeRequest(this, i, 'GET', PATHS.getMember, { qs, program: true })).data;
	},
});
