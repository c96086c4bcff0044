import { defineOperation } from '../../../shared/execution/operation';
import type { IDataObject } from 'n8n-workflow';
import { recordLocator } from '../../../shared/descriptions/locator';
import { Validator } from '../../../shared/execution/validate';
import { loyaltyLionRequest, PATHS } from '../../transport';
import { customerIdField } from '../fields';

// developers.loyaltylion.com/api-reference/v2/resources/customers/rewards/redeem-reward: reward_id
// (integer), multiplier (integer, bounded by the reward's own min/max_redemption_amount: no other cap is
// documented, so none is added here), variant_id (string, required for Shopify seamless product rewards).
// 201 {claimed_reward}; 422 when the customer has too few points.
export default defineOperation({
	value: 'claim',
	name: 'Claim',
	action: 'Claim a reward',
	description: "Spend a customer's points on a reward",
	kind: 'write',
	records: ['merchantId'],
	fields: [
		customerIdField,
		recordLocator({
			displayName: 'Reward',
			name: 'rewardId',
			description:
				'The reward: pick it from the rewards available to the customer, or give its LoyaltyLion ID (Reward → Get Available lists them)',
			searchMethod: 'searchAvailableRewards',
			searchPlaceholder: 'Search by title...',
			idPlaceholder: 'e.g. 101',
			idPattern: {
				regex: '^\\s*[1-9]\\d*\\s*$',
				message: 'A reward ID is a whole number of at least 1',
			},
		}),
		{
			displayName: 'Multiplier',
			name: 'multiplier',
			type: 'number',
			default: 1,
			typeOptions: { minValue: 1 },
			description:
				"How many times to claim the reward at once (custom rewards). Sent only when more than 1. The reward's own minimum and maximum (min_redemption_amount, max_redemption_amount) bound it.",
		},
		{
			displayName: 'Variant ID',
			name: 'variantId',
			type: 'string',
			placeholder: 'e.g. 40123456789012',
			default: '',
			description:
				'The Shopify product variant the customer gets: required for Shopify seamless product rewards, not sent when empty',
		},
	],
	async execute(i) {
		const v = new Validator(this, i);
		const id = v.id('merchantId', 'Customer ID in Your Store');
		const reward = v.id('rewardId', 'Reward ID');
		if (!/^[1-9]\d*$/.test(reward))
			v.fail('Reward ID', `must be a whole number of at least 1, got "${reward}"`);
		const multiplier = v.number('multiplier', 'Multiplier', { min: 1, integer: true });
		const variantId = v.optionalString('variantId', 'Variant ID');
		const body: IDataObject = {
			reward_id: Number(reward),
			...(multiplier > 1 ? { multiplier } : {}),
			...(variantId !== undefined ? { variant_id: variantId } : {}),
		};
		const { body: answer } = await loyaltyLionRequest(this, i, 'POST', PATHS.claimedRewards(id), {
			body,
		});
		return { merchantId: id, ...(answer.claimed_reward as IDataObject) };
	},
});
