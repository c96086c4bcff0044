import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { limitOf, pageRecords, paginate, returnAllFields } from '../../../shared/pagination';
import { fieldsFor } from '../../../shared/router';
import { Validator } from '../../../shared/validate';
import { loyalifeRequest, PATHS } from '../../transport';

/** Largest record count per page (assumed). */
export const MAX_RECORDS = 100;

export const description: INodeProperties[] = [
	...fieldsFor('transaction', 'getSummary', [
		{ displayName: 'From Date', name: 'fromDate', type: 'dateTime', required: true, default: '', description: 'First day (inclusive)' },
		{ displayName: 'To Date', name: 'toDate', type: 'dateTime', required: true, default: '', description: 'Last day (inclusive)' },
		{
			displayName: 'Member Relation Reference',
			name: 'memberRelationReference',
			type: 'string',
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
	const limit = limitOf(this, i);
	const recordCount = limit === undefined ? MAX_RECORDS : Math.min(MAX_RECORDS, limit);
	let total: number | undefined;
	const records = await paginate<number>(
		async (start = 0) => {
			const body: IDataObject = { from_date, to_date, start_index: start, record_count: recordCount };
			if (member) body.member_relation_reference = member;
			// A read sent as POST: safe to retry.
			const { data, count } = await loyalifeRequest<IDataObject[]>(this, i, 'POST', PATHS.transactionSummary, { body, program: true, idempotent: true });
			const page = pageRecords(this, i, 'Loyalife', data);
			total = count ?? total;
			const next = start + page.length;
			return { records: page, next: total !== undefined && next < total && page.length > 0 ? next : undefined };
		},
		{ limit },
	);
	// Count is the total: if fewer records came back than it promised, something was lost on the way.
	const expected = limit === undefined ? total : Math.min(limit, total ?? limit);
	if (expected !== undefined && records.length < expected) {
		throw new NodeApiError(this.getNode(), { message: 'Incomplete transaction summary' }, {
			message: `Loyalife returned ${records.length} of ${expected} transactions (item ${i})`,
			description: 'The pages ended before the total the API reported (Count). Run the node again; if it repeats, the program data changed during the listing.',
			itemIndex: i,
		});
	}
	return records;
}
