import type { IDataObject } from 'n8n-workflow';
import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { loyalifeRequest, REF, PATHS } from '../../transport';
import { customAttributesField, profileData, profileFields } from '../fields';

// members/create-profile: query pintProgramId; body relation_reference (the primary key), full_name,
// email_id, mobile_number, status (a code as a string), gender, dob and the program's custom attributes.
// Which fields are required is not public: the node requires those the quickstart's minimal body sends.
// Answers ReturnObject true (no member Id); 409 E201 when the relation reference exists.
export default defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a member',
	description: 'Enrol a member (their relation reference is their permanent ID in every call)',
	kind: 'write',
	records: ['relationReference'],
	fields: [
		{
			displayName: 'Relation Reference',
			name: 'relationReference',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. MEM0001',
			description:
				"The member's permanent unique ID across all calls (for example your customer ID). It cannot be changed later.",
		},
		{
			displayName: 'Full Name',
			name: 'fullName',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. Jane Doe',
			description:
				"The member's full name (full_name). Required here as the quickstart sends it: which fields Loyalife requires is not public.",
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. name@email.com',
			description:
				"The member's e-mail address (email_id). Required here as the quickstart sends it: which fields Loyalife requires is not public.",
		},
		{
			displayName: 'Mobile Number',
			name: 'mobileNumber',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. +919876543210',
			description:
				'In international format (mobile_number). Required here as the quickstart sends it: which fields Loyalife requires is not public.',
		},
		{
			...profileFields.find((f) => f.name === 'status')!,
			name: 'status',
			description:
				'Membership status. Loyalife advises Inactive (5) for new enrolments, activated later by its own workflow.',
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: profileFields.filter((f) => ['address', 'dob', 'gender'].includes(f.name)),
		},
		customAttributesField,
	],
	async execute(i) {
		const v = new Validator(this, i);
		const body: IDataObject = {
			relation_reference: v.string('relationReference', 'Relation Reference'),
			full_name: v.string('fullName', 'Full Name'),
			email_id: v.email('email', 'Email'),
			mobile_number: v.string('mobileNumber', 'Mobile Number'),
			status: v.string('status', 'Status'),
			...profileData(this, i, 'additionalFields', 'Additional Fields', {
				relation_reference: 'Relation Reference',
				full_name: 'Full Name',
				email_id: 'Email',
				mobile_number: 'Mobile Number',
				status: 'Status',
			}),
		};
		// Not retried after a lost answer: a second create is refused (409), which would hide the first's success.
		await loyalifeRequest(this, i, 'POST', PATHS.createMember, {
			body,
			program: true,
			returnsTrue: `${REF}/members/create-profile`,
		});
		return { relationReference: body.relation_reference, created: true, ...body };
	},
});
