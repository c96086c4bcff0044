import type { IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { defineOperation } from '../../../shared/execution/operation';
import { loyalifeRequest, memberScope, PATHS } from '../../transport';
import { memberLocator, relationReferenceOf } from '../fields';

// payment-gateway/check-availability: {RelationReference, TransactionCurrency, RelationType, ProgramId};
// ReturnObject is a bare integer, the redeemable points. 103 no such member, 107 member not active.
export default defineOperation({
	value: 'getBalance',
	name: 'Get Balance',
	action: "Get a member's redeemable points",
	description: 'The points a member can redeem now (Check Availability)',
	kind: 'read',
	fields: [memberLocator()],
	async execute(i) {
		const relationReference = relationReferenceOf(this, i);
		return { relationReference, points: await balanceOf(this, i, relationReference) };
	},
});

/** The member's redeemable points (payment-gateway/check-availability), read as POST: safe to retry. */
export async function balanceOf(
	ctx: IExecuteFunctions,
	i: number,
	relationReference: string,
): Promise<number> {
	const { data } = await loyalifeRequest<number>(ctx, i, 'POST', PATHS.checkAvailability, {
		body: await memberScope(ctx, relationReference),
		idempotent: true,
	});
	if (!Number.isInteger(data))
		throw new NodeApiError(ctx.getNode(), {} as JsonObject, {
			message: `Loyalife answered the balance of ${relationReference} without a number (item ${i})`,
			description: 'Check Availability answers a bare integer. Nothing was redeemed.',
			itemIndex: i,
		});
	return data;
}
