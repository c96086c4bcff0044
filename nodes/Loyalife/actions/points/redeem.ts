import type { JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { loyalifeRequest, memberScope, PATHS } from '../../transport';
import { memberLocator, REDEMPTION_TYPES, relationReferenceOf } from '../fields';
import { balanceOf } from './getBalance';

// payment-gateway/redeem-points: {RelationReference, Amount (the cart value), Points (to deduct), MerchantName
// (repeated unchanged on reversal), LoyaltyTxnType (a redemption category code), TransactionCurrency,
// RelationType, ProgramId}; ReturnObject is a bare string, the ExternalReference a reversal needs. The page
// advises Check Availability before every redemption; partial redemption is not supported.
export default defineOperation({
	value: 'redeem',
	name: 'Redeem',
	action: 'Redeem points',
	description:
		"Spend a member's points on a purchase; checks the balance first and outputs the reference a reversal needs",
	kind: 'write',
	records: ['relationReference'],
	fields: [
		memberLocator(),
		{
			displayName: 'Points',
			name: 'points',
			type: 'number',
			required: true,
			default: 1,
			typeOptions: { minValue: 1, numberPrecision: 0 },
			description:
				"Points to deduct, worked out from the amount with your program's points-to-currency rate. A whole number (assumed: the page types it only as a number).",
		},
		{
			displayName: 'Amount',
			name: 'amount',
			type: 'number',
			required: true,
			default: 1,
			typeOptions: { minValue: 0.01, numberPrecision: 2 },
			description: 'The cart or transaction value the points pay for; more than 0',
		},
		{
			displayName: 'Merchant Name',
			name: 'merchantName',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. Amazon',
			description: 'Where the points are spent; a reversal must give the same name',
		},
		{
			displayName: 'Redemption Type',
			name: 'loyaltyTxnType',
			type: 'options',
			options: REDEMPTION_TYPES,
			default: 30,
			description: 'The redemption category (LoyaltyTxnType); programs may configure more codes',
		},
		{
			displayName: 'Redemption Type Code',
			name: 'loyaltyTxnTypeCode',
			type: 'number',
			required: true,
			default: 1,
			displayOptions: { show: { loyaltyTxnType: [0] } },
			description: 'A LoyaltyTxnType code your program configures',
		},
		{
			displayName: 'Check Balance First',
			name: 'checkBalance',
			type: 'boolean',
			default: true,
			description:
				"Whether to read the member's redeemable points first (Check Availability, as Loyalife advises) and fail the item, spending nothing, when they are short",
		},
	],
	async execute(i) {
		const v = new Validator(this, i);
		const relationReference = relationReferenceOf(this, i);
		// Whole points: assumed (payment-gateway/redeem-points types Points only as a number).
		const points = v.number('points', 'Points', { min: 1, integer: true });
		const chosen = v.number('loyaltyTxnType', 'Redemption Type', { integer: true });
		const body = {
			...(await memberScope(this, relationReference)),
			// More than 0: the smallest amount at two decimals.
			Amount: v.number('amount', 'Amount', { min: 0.01 }),
			Points: points,
			MerchantName: v.string('merchantName', 'Merchant Name'),
			LoyaltyTxnType:
				chosen === 0
					? v.number('loyaltyTxnTypeCode', 'Redemption Type Code', { min: 1, integer: true })
					: chosen,
		};
		let balance: number | undefined;
		if (this.getNodeParameter('checkBalance', i, true)) {
			balance = await balanceOf(this, i, relationReference);
			if (balance < points) {
				throw new NodeOperationError(
					this.getNode(),
					`Member ${relationReference} has ${balance} redeemable points, fewer than the ${points} to redeem (item ${i})`,
					{
						itemIndex: i,
						description:
							'Nothing was redeemed: Loyalife does not support partial redemption. Redeem fewer points, or let the member earn more first.',
					},
				);
			}
		}
		// Not retried after a lost answer: a second redemption would take the points twice.
		const { data } = await loyalifeRequest<string>(this, i, 'POST', PATHS.redeemPoints, { body });
		if (typeof data !== 'string' || !data.trim()) {
			// The points are spent, but without the reference no reversal is possible: say so loudly.
			throw new NodeApiError(this.getNode(), {} as JsonObject, {
				message: `Loyalife redeemed ${points} points of ${relationReference} but answered no External Reference (item ${i})`,
				description:
					'The redemption went through; a reversal needs its reference, which Loyalife did not give. Do not redeem again: find its ExternalReference with Transaction → Get Many for this member (transactions/get-transaction-summary lists it "for reversals"), or ask Xoxoday.',
				itemIndex: i,
			});
		}
		return {
			relationReference,
			externalReference: data,
			points,
			amount: body.Amount,
			merchantName: body.MerchantName,
			loyaltyTxnType: body.LoyaltyTxnType,
			...(balance !== undefined ? { balanceBefore: balance } : {}),
		};
	},
});
