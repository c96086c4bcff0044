import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { cardlyticsRequest, PATHS } from '../../transport';
import { merchantIdField } from '../common';

interface TabularReport {
	header?: {
		cube?: string;
		fields?: Array<{ fieldName: string; fieldType?: string }>;
		maxRows?: number;
	};
	rows?: unknown[][];
}

/** Turns Cardlytics' tabular answer (a header of field names and rows of values) into one object per row. */
function rowsToObjects(report: TabularReport): IDataObject[] {
	const fields = (report.header?.fields ?? []).map((f) => f.fieldName);
	return (report.rows ?? []).map((row) => {
		const item: IDataObject = {};
		fields.forEach((field, index) => {
			item[field] = row[index] as IDataObject[string];
		});
		return item;
	});
}

export default defineOperation({
	value: 'getMerchantPerformance',
	name: 'Get Merchant Performance',
	action: 'Get a merchant performance report',
	description:
		'Impressions, activations, redemptions and spend per day and offer, one item per row',
	kind: 'read',
	fields: [
		merchantIdField,
		{
			displayName: 'Offer IDs',
			name: 'offerIds',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'offer-1, offer-2',
			description: 'External offer IDs to report on, separated by commas',
		},
		{
			displayName: 'From',
			name: 'from',
			type: 'dateTime',
			required: true,
			default: '',
			description: 'First day of the report (inclusive)',
		},
		{
			displayName: 'To',
			name: 'to',
			type: 'dateTime',
			required: true,
			default: '',
			description: 'Last day of the report (inclusive)',
		},
	],
	async execute(i) {
		const v = new Validator(this, i);
		const merchantId = v.id('merchantId', 'External Merchant ID');
		const offerIds = v.list('offerIds', 'Offer IDs');
		const from = v.date('from', 'From');
		const to = v.date('to', 'To');
		if (from > to) v.fail('To', `must be on or after From (${from}), got ${to}`);
		const response = await cardlyticsRequest<TabularReport>(
			this,
			i,
			'POST',
			PATHS.reports(merchantId),
			{
				body: { cube: 'merchant_performance', offerIds, timeRange: { from, to } },
				// A report is a read: asking twice changes nothing, so it is safe to retry after a 5xx.
				idempotent: true,
			},
		);
		const report = response.body;
		if (!report || !Array.isArray(report.rows) || !Array.isArray(report.header?.fields)) {
			throw new NodeApiError(
				this.getNode(),
				{ message: 'Unexpected report format' },
				{
					message: 'Cardlytics answered the report request without a header and rows',
					description: `Expected {header:{fields}, rows}. Request ID: ${response.requestId ?? 'none'}.`,
					itemIndex: i,
				},
			);
		}
		return rowsToObjects(report);
	},
});
