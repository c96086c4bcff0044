import type { IDataObject } from 'n8n-workflow';
import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { ASSUMED, loyalifeRequest, REF, MEMBER_ATTRIBUTES, PATHS } from '../../transport';
import { customAttributesField, memberLocator, profileData, profileFields } from '../fields';

// members/update-profile: query pintProgramId; body {id: the member's INTERNAL Id, data: {the attributes that
// change}}. The Id comes from Get Member Profile or Get Member by Attribute. Error codes E202 (no such Id),
// E204 (cancelled), E205 / E206 (e-mail / mobile of another member).
export default defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a member',
	description: "Change a member's profile attributes; only those given change",
	kind: 'write',
	records: ['relationReference', 'email', 'memberId'],
	fields: [
		{
			displayName: 'Find Member By',
			name: 'findBy',
			type: 'options',
			options: [
				{
					name: 'Relation Reference',
					value: 'relationReference',
					description: 'Looked up with Get Profile (its path is assumed: not public)',
				},
				{
					name: 'Email',
					value: 'email',
					description: 'Looked up with Get by Attribute (email_id)',
				},
				{
					name: 'Internal ID',
					value: 'id',
					description:
						"Loyalife's internal member ID, as output by Get Profile or Get by Attribute",
				},
			],
			default: 'relationReference',
			description: 'Update needs the internal member ID: how the node finds it',
		},
		{ ...memberLocator(), displayOptions: { show: { findBy: ['relationReference'] } } },
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. name@email.com',
			displayOptions: { show: { findBy: ['email'] } },
			description: "The member's current e-mail address",
		},
		{
			displayName: 'Internal Member ID',
			name: 'memberId',
			type: 'number',
			required: true,
			default: 0,
			displayOptions: { show: { findBy: ['id'] } },
		},
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: profileFields,
		},
		customAttributesField,
	],
	async execute(i) {
		const v = new Validator(this, i);
		const findBy = v.string('findBy', 'Find Member By');
		const given =
			findBy === 'id'
				? v.number('memberId', 'Internal Member ID', { min: 1, integer: true })
				: findBy === 'email'
					? v.email('email', 'Email')
					: v.string('relationReference', 'Member');
		const data = profileData(this, i, 'updateFields', 'Update Fields');
		if (!Object.keys(data).length)
			v.fail('Update Fields', 'needs at least one field to change (Loyalife requires one)');
		let id: number;
		if (typeof given === 'number') id = given;
		else {
			const found =
				findBy === 'email'
					? await loyalifeRequest<IDataObject>(this, i, 'GET', PATHS.getMemberByAttribute, {
							qs: {
								[ASSUMED.memberLookup.nameParameter]: MEMBER_ATTRIBUTES.email,
								[ASSUMED.memberLookup.valueParameter]: given,
							},
							program: true,
						})
					: await loyalifeRequest<IDataObject>(
							this,
							i,
							ASSUMED.profile.method,
							ASSUMED.profile.path,
							{
								qs: { [ASSUMED.profile.query]: given },
								program: ASSUMED.profile.sendsProgram,
							},
						);
			id = Number(found.data?.Id);
			if (!Number.isInteger(id) || id < 1)
				v.fail('Member', 'was found, but Loyalife gave no internal ID (Id) to update it with');
		}
		// A full set of the given attributes: sending it twice leaves the same profile, so it is retried.
		await loyalifeRequest(this, i, 'POST', PATHS.updateMember, {
			body: { id, data },
			program: true,
			idempotent: true,
			returnsTrue: `${REF}/members/update-profile`,
		});
		return { id, updated: true, data };
	},
});
