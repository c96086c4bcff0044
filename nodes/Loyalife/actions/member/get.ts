import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { ASSUMED, loyalifeRequest, MEMBER_ATTRIBUTES, PATHS } from '../../transport';

// members/get-member-by-attribute: query pintProgramId and a unique attribute of the program's member
// schema by its key (email_id, mobile_number); answers Id, FullName, Email, RelationReference, TierName,
// TotalPoints; 404 when no member has it. The two query parameter names are not public (ASSUMED.memberLookup).
export default defineOperation({
	value: 'get',
	name: 'Get by Attribute',
	action: 'Get a member by a unique attribute',
	description:
		'Find a member by email, mobile number or another attribute your program marks unique',
	kind: 'read',
	fields: [
		{
			displayName: 'Attribute',
			name: 'attributeName',
			type: 'options',
			options: [
				{ name: 'Email', value: MEMBER_ATTRIBUTES.email },
				{ name: 'Mobile Number', value: MEMBER_ATTRIBUTES.mobile },
				{ name: 'Other Unique Attribute', value: 'custom' },
			],
			default: 'email_id', // MEMBER_ATTRIBUTES.email (lint needs a literal)
			description:
				"Which attribute identifies the member: it must be marked unique in your program's member schema",
		},
		{
			displayName: 'Attribute Key',
			name: 'attributeKey',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. card_number',
			displayOptions: { show: { attributeName: ['custom'] } },
			description: "The attribute's key in your program's schema (not its display name)",
		},
		{
			displayName: 'Value',
			name: 'attributeValue',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. jane.doe@example.com',
			description: 'Value of that attribute',
		},
	],
	async execute(i) {
		const v = new Validator(this, i);
		const name = v.string('attributeName', 'Attribute');
		const qs = {
			[ASSUMED.memberLookup.nameParameter]:
				name === 'custom' ? v.string('attributeKey', 'Attribute Key') : name,
			[ASSUMED.memberLookup.valueParameter]: v.string('attributeValue', 'Value'),
		};
		return (
			await loyalifeRequest(this, i, 'GET', PATHS.getMemberByAttribute, { qs, program: true })
		).data;
	},
});
