import { limitOf, returnAllFields } from '../../../shared/descriptions/list';
import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { loyalifeSummary } from '../../transport';

export default defineOperation({
	value: 'getSummary',
	name: 'Get Summary',
	action: 'Get a transaction summary',
	description: 'List transactions in a date range, page by page',
	kind: 'read',
	fields: [
		{
			displayName: 'From Date',
			name: 'fromDate',
			type: 'dateTime',
			required: true,
			default: '',
			description: 'First day (inclusive)',
		},
		{
			displayName: 'To Date',
			name: 'toDate',
			type: 'dateTime',
			required: true,
			default: '',
			description: 'Last day (inclusive)',
		},
		{
			displayName: 'Member Relation Reference',
			name: 'memberRelationReference',
			type: 'string',
			placeholder: 'e.g. MEM0001',
			default: '',
			description: "Only this member's transactions (leave empty for the whole program)",
		},
		...returnAllFields(),
	],
	async execute(i) {
		const v = new Validator(this, i);
		const from_date = v.date('fromDate', 'From Date');
		const to_date = v.date('toDate', 'To Date');
		if (from_date > to_date)
			v.fail('To Date', `must be on or after From Date (${from_date}), got ${to_date}`);
		const member = v.optionalString('memberRelationReference', 'Member Relation Reference');
		return await loyalifeSummary(this, i, { from_date, to_date, member }, limitOf(this, i));
	},
});
