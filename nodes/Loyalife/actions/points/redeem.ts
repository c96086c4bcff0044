import type { IDataObject } from 'n8n-workflow';
import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { loyalifeRequest, PATHS } from '../../transport';
import { memberLocator } from '../fields';

export default defineOperation({
	value: 'redeem',
	name: 'Redeem',
	action: 'Redeem points',
	description: 'Take points from a member; returns the reference a reversal needs',
	kind: 'write',
	records: ['relationReference'],
	fields: [
		memberLocator(),
		{
			displayName: 'Points',
			name: 'points',
			type: 'number',
			required: true,
			default: 0,
			typeOptions: { minValue: 1 },
			description: 'Whole number of points to redeem',
		},
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			placeholder: 'e.g. Coffee at the airport lounge',
			default: '',
			description: 'Why the points are redeemed (shown in the statement)',
		},
	],
	async execute(i) {
		const v = new Validator(this, i);
		const body: IDataObject = {
			member_relation_reference: v.string('relationReference', 'Member Relation Reference'),
			points: v.number('points', 'Points', { min: 1, integer: true }),
		};
		const text = v.optionalString('description', 'Description');
		if (text) body.description = text;
		// Not retried after a 5xx: a repeated redemption would take the points twice. The answer's
		// ExternalReference is what Reverse needs.
		return (await loyalifeRequest(this, i, 'POST', PATHS.redeemPoints, { body })).data;
	},
});
