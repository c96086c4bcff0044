import { defineOperation } from '../../../shared/execution/operation';
import type { IDataObject } from 'n8n-workflow';
import { Validator } from '../../../shared/execution/validate';
import { loyaltyLionRequest, PATHS } from '../../transport';
import { customerIdField } from '../fields';

export default defineOperation({
	value: 'refund',
	name: 'Refund Claimed',
	action: 'Refund a claimed reward',
	description:
		'Refund a claimed reward: LoyaltyLion voids it (and deletes its voucher where it manages one)',
	kind: 'write',
	records: ['merchantId'],
	fields: [
		customerIdField,
		{
			displayName: 'Claimed Reward ID',
			name: 'claimedRewardId',
			type: 'string',
			placeholder: 'e.g. 5012',
			required: true,
			default: '',
			description:
				"The claimed reward's LoyaltyLion ID, as in Claim's output (its ID field), not the reward's ID",
		},
	],
	async execute(i) {
		const v = new Validator(this, i);
		const id = v.id('merchantId', 'Customer ID in Your Store');
		const claimed = v.id('claimedRewardId', 'Claimed Reward ID');
		// A refund can happen only once (a second is refused), so it is safe to retry.
		const { body } = await loyaltyLionRequest(
			this,
			i,
			'POST',
			PATHS.refundClaimedReward(id, claimed),
			{ idempotent: true },
		);
		// developers.loyaltylion.com/api-reference/v2/resources/customers/rewards/refund-reward
		return {
			merchantId: id,
			...(body.claimed_reward as IDataObject),
			remoteResourceDeleted: body.remote_resource_deleted ?? null,
		};
	},
});
