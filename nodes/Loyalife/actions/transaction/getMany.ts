import { defineOperation } from '../../../shared/execution/operation';
import { limitOf, returnAllFields } from '../../../shared/descriptions/list';
import { Validator } from '../../../shared/execution/validate';
import { instantOf, loyalifeSummary, settingsOf, summaryTime } from '../../transport';
import { memberLocator, relationReferenceOf } from '../fields';

// transactions/get-transaction-summary: one member's transactions between DateFrom and DateTo, paged by
// MinimumRange (0-based start) and MaximumRange, results.Count the total. Records: Id, Points, Narration,
// TransactionDate, ProcessingDate, ExpiryDate, ExternalReference (what a reversal needs), AdditionalDetail,
// LoyaltyTxnType (1 spend, 2 earn or bonus), MerchantName.
export default defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: "Get a member's transactions",
	description:
		"A member's points transactions (earned, spent, bonuses) between two dates, every page",
	kind: 'read',
	fields: [
		memberLocator(),
		{
			displayName: 'From',
			name: 'dateFrom',
			type: 'dateTime',
			required: true,
			default: '',
			description:
				"Transactions on or after this time. A time without a zone is read in the credential's Time Zone (the deployment's).",
		},
		{
			displayName: 'To',
			name: 'dateTo',
			type: 'dateTime',
			default: '',
			description:
				"Transactions up to this time. Empty: now. A time without a zone is read in the credential's Time Zone (the deployment's).",
		},
		...returnAllFields(),
	],
	async execute(i) {
		const v = new Validator(this, i);
		const { timeZone } = await settingsOf(this);
		// A time without a zone is the deployment's wall clock, not the n8n server's.
		const at = (name: string, label: string, fallback?: Date) => {
			const raw = String(this.getNodeParameter(name, i, '') ?? '').trim();
			if (!raw && fallback) return fallback;
			const time = new Date(instantOf(raw, timeZone));
			if (!raw || Number.isNaN(time.getTime()))
				v.fail(label, raw ? `must be a date-time, got "${raw}"` : 'is required but empty');
			return time;
		};
		const from = at('dateFrom', 'From');
		const to = at('dateTo', 'To', new Date());
		if (from > to) v.fail('From', 'must be before To');
		return await loyalifeSummary(
			this,
			i,
			{
				relationReference: relationReferenceOf(this, i),
				from: summaryTime(from, timeZone),
				to: summaryTime(to, timeZone),
			},
			limitOf(this, i),
		);
	},
});
