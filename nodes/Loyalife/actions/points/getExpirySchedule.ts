import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { loyalifeRequest, memberScope, PATHS } from '../../transport';
import { memberLocator, relationReferenceOf } from '../fields';

// transactions/get-expiry-schedule: a POST with a JSON body {RelationReference, RelationType, ProgramId,
// TransactionCurrency, Year}; ReturnObject Period and ExpiryPeriod[] {ScheduleDate, AccrualPoints,
// RedeemPoints, BlockedPoints, TotalExpiredPoints, TotalAvailablePoints}.
export default defineOperation({
	value: 'getExpirySchedule',
	name: 'Get Expiry Schedule',
	action: "Get a member's points expiry schedule",
	description: "When a member's points expire in a year, period by period",
	kind: 'read',
	fields: [
		memberLocator(),
		{
			displayName: 'Year',
			name: 'year',
			type: 'number',
			// The current year (when n8n loaded the node), unless the user sets one.
			default: new Date().getFullYear(),
			typeOptions: { minValue: 2000, maxValue: 2100 },
			description:
				'The year to show (default: the current year); future years are allowed, for planning. 2000 to 2100 (assumed: the page gives only the example 2026).',
		},
	],
	async execute(i) {
		const relationReference = relationReferenceOf(this, i);
		const Year = new Validator(this, i).number('year', 'Year', {
			min: 2000,
			max: 2100,
			integer: true,
		});
		const { data } = await loyalifeRequest(this, i, 'POST', PATHS.expirySchedule, {
			body: { ...(await memberScope(this, relationReference)), Year },
			idempotent: true,
		});
		return { relationReference, Year, ...(data ?? {}) };
	},
});
