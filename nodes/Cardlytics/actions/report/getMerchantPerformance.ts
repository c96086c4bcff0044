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

/** The report accepts at most this many offer IDs (https://platform.cardlytics.com/ads-manager/docs/upcoming-features). */
export const MAX_OFFER_IDS = 1000;
/** How far back a report may reach (https://platform.cardlytics.com/advertisers/docs/api-performance-reporting). */
const MAX_LOOK_BACK_YEARS = 2;

/**
 * The first day (UTC, yyyy-mm-dd) a report may start on today: the same day two years back. On Feb 29 that is
 * Feb 28 (the month's last day), not Mar 1, which would refuse one day the two years allow.
 */
export function earliestReportDay(now: Date): string {
	const year = now.getUTCFullYear() - MAX_LOOK_BACK_YEARS;
	const month = now.getUTCMonth();
	const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
	return new Date(Date.UTC(year, month, Math.min(now.getUTCDate(), lastDay)))
		.toISOString()
		.slice(0, 10);
}

/**
 * POST /api/v1/partner/merchants/{external_merchant_id}/reports (ReportRequest of the OpenAPI "partner-api"
 * 2025-10-07; https://platform.cardlytics.com/advertisers/docs/api-performance-reporting). The body is
 * required but each field in it is optional: no offer IDs = every offer of the merchant, no time range = the
 * last two years; a time range that is sent needs both ends.
 */
export default defineOperation({
	value: 'getMerchantPerformance',
	name: 'Get Merchant Performance',
	action: 'Get a merchant performance report',
	description:
		"The merchant's performance (e.g. impressions, purchases, revenue, reach, activations), one item per report row",
	kind: 'read',
	fields: [
		merchantIdField,
		{
			displayName: 'Offer IDs',
			name: 'offerIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. offer-1, offer-2',
			description: `Your offer IDs to report on, separated by commas (at most ${MAX_OFFER_IDS}). Empty: every offer of the merchant.`,
		},
		{
			displayName: 'From',
			name: 'from',
			type: 'dateTime',
			default: '',
			description:
				'First day of the report (inclusive), at most two years back. Empty with To empty: the last two years.',
		},
		{
			displayName: 'To',
			name: 'to',
			type: 'dateTime',
			default: '',
			description:
				'Last day of the report (inclusive), on or after From (assumed: the docs only say an invalid date range answers 400). Give both From and To, or neither (the last two years).',
		},
	],
	async execute(i) {
		const v = new Validator(this, i);
		const merchantId = v.id('merchantId', 'External Merchant ID');
		const body: IDataObject = { cube: 'merchant_performance' };
		const offers = this.getNodeParameter('offerIds', i, '') as unknown;
		const offerIds = (Array.isArray(offers) ? offers : String(offers ?? '').split(','))
			.map((o) => String(o).trim())
			.filter(Boolean);
		if (offerIds.length > MAX_OFFER_IDS)
			v.fail('Offer IDs', `can hold at most ${MAX_OFFER_IDS} IDs, got ${offerIds.length}`);
		if (offerIds.length) body.offerIds = offerIds;
		const fromGiven = v.optionalString('from', 'From') !== undefined;
		const toGiven = v.optionalString('to', 'To') !== undefined;
		if (fromGiven !== toGiven)
			v.fail(
				fromGiven ? 'To' : 'From',
				'is required once the other end of the time range is given (or leave both empty for the last two years)',
			);
		if (fromGiven) {
			const from = v.date('from', 'From');
			const to = v.date('to', 'To');
			// Assumed reading of the page's "400 invalid parameters or date range": a range ending before it starts.
			if (from > to) v.fail('To', `must be on or after From (${from}), got ${to}`);
			const earliest = earliestReportDay(new Date());
			if (from < earliest)
				v.fail('From', `may reach at most two years back (${earliest}), got ${from}`);
			body.timeRange = { from, to };
		}
		const response = await cardlyticsRequest<TabularReport>(
			this,
			i,
			'POST',
			PATHS.reports(merchantId),
			{
				body,
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
					description: 'Expected {header:{fields}, rows}.',
					itemIndex: i,
				},
			);
		}
		return rowsToObjects(report);
	},
});
