import { defineOperation } from '../../../shared/execution/operation';
import type { IDataObject } from 'n8n-workflow';
import { Validator } from '../../../shared/execution/validate';
import { loyaltyLionRequest, PATHS } from '../../transport';
import { customerIdField } from '../fields';
import { recordLocator } from '../../../shared/descriptions/locator';

export default defineOperation({
	value: 'refund',
	name: 'Refund',
	action: 'Refund a claimed reward',
	description:
		'Refund a claimed reward; LoyaltyLion says whether it also deleted the redeemable it manages (e.g. a Shopify voucher)',
	kind: 'write',
	records: ['merchantId'],
	fields: [
		customerIdField,
		recordLocator({
			displayName: 'Claimed Reward',
			name: 'claimedRewardId',
			description:
				"The claimed reward to refund: pick it from the customer's claimed rewards, or give its LoyaltyLion ID (the ID in Claim's output), not the reward's ID",
			searchMethod: 'searchClaimedRewards',
			searchPlaceholder: 'Search by reward title...',
			idPlaceholder: 'e.g. 5012',
			idPattern: { regex: '^\\s*[1-9]\\d*\\s*$', message: 'A claimed reward ID is a whole number' },
		}),
	],
	async execute(i) {
		const v = new Validator(this, i);
		const id = v.id('merchantId', 'Customer ID in Your Store');
		const claimed = v.id('claimedRewardId', 'Claimed Reward');
		if (!/^[1-9]\d*$/.test(claimed))
			v.fail('Claimed Reward', `must be a claimed reward ID (a whole number), got "${claimed}"`);
		// Not retried after a lost answer: what a second refund of the same reward does is not public.
		const { body } = await loyaltyLionRequest(
			this,
			i,
			'POST',
			PATHS.refundClaimedReward(id, claimed),
		);
		// developers.loyaltylion.com/api-reference/v2/resources/customers/rewards/refund-reward
		return {
			merchantId: id,
			...(body.claimed_reward as IDataObject),
			remoteResourceDeleted: body.remote_resource_deleted ?? null,
		};
	},
});
