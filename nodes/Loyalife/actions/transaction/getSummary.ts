import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { limitOf, returnAllFields } from '../../../shared/pagination';
import { fieldsFor } from '../../../shared/router';
import { Validator } from '../../../shared/validate';
import { loyalifeSummary, MAX_SUMMARY_RECORDS } from '../../transport';

/** Largest record count per page (assumed). */
export const MAX_RECORDS = MAX_SUMMARY_RECORDS;

export const description: INodeProperties[] = [
	...fieldsFor('transaction', 'getSummary', [
		{ displayName: 'From Date', name: 'fromDate', type: 'dateTime', required: true, default: '', description: 'First day (inclusive)' },
		{ displayName: 'To Date', name: 'toDate', type: 'dateTime', required: true, default: '', description: 'Last day (inclusive)' },
		{
			displayName: 'Member Relation Reference',
			name: 'memberRelationReference',
			type: 'string',
			placeholder: 'e.g. MEM0001',
			default: '',
			description: "Only this member's transactions (leave empty for the whole program)",
		},
	]),
	...returnAllFields('transaction', 'getSummary'),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const v = new Validator(this, i);
	const from_date = v.date('fromDate', 'From Date');
	const to_date = v.date('toDate', 'To Date');
	if (from_date > to_date) v.fail('To Date', `must be on or after From Date (${from_date}), got ${to_date}`);
	const member = v.optionalString('memberRelationReference', 'Member Relation Reference');
	return await loyalifeSummary(this, i, { from_date, to_date, member }, limitOf(this, i));
}
