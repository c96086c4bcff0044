import { defineOperation } from '../../../shared/execution/operation';
import { loyalifeRequest, memberScope, PATHS } from '../../transport';
import { memberLocator, relationReferenceOf } from '../fields';

// transactions/get-statement-summary: {RelationReference, TransactionCurrency, RelationType, ProgramId};
// ReturnObject PointBalance (redeemable), Bonus, Spend, Redeem, Partner, Purchased, OtherAccrued, ExpiredPoints.
export default defineOperation({
	value: 'getStatement',
	name: 'Get Statement',
	action: "Get a member's points statement",
	description:
		"A member's points by kind: balance, bonus, spend, redeemed, partner, purchased, expired",
	kind: 'read',
	fields: [memberLocator()],
	async execute(i) {
		const relationReference = relationReferenceOf(this, i);
		const { data } = await loyalifeRequest(this, i, 'POST', PATHS.statementSummary, {
			body: await memberScope(this, relationReference),
			idempotent: true,
		});
		return { relationReference, ...(data ?? {}) };
	},
});
