import { defineOperation } from '../../../shared/execution/operation';
import type { IDataObject } from 'n8n-workflow';
import { recordLocator } from '../../../shared/descriptions/locator';
import { Validator } from '../../../shared/execution/validate';
import { loyaltyLionRequest, PATHS } from '../../transport';
import { customerIdField } from '../fields';

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
				'The reward: pick it from those the customer can claim now, or give its LoyaltyLion ID (Reward → Get Available lists them)',
			searchMethod: 'searchAvailableRewards',
			searchPlaceholder: 'Search by title...',
			idPlaceholder: 'e.g. 101',
			idPattern: { regex: '^\\s*[0-9]+\\s*$', message: 'A reward ID is a number' },
		}),
		{
			displayName: 'Multiplier',
			name: 'multiplier',
			type: 'number',
			default: 1,
			typeOptions: { minValue: 1, maxValue: 10 },
			description: 'How many times to claim it at once',
		},
	],
	async execute(i) {
		const v = new Validator(this, i);
		const id = v.id('merchantId', 'Customer ID in Your Store');
		const reward = v.id('rewardId', 'Reward ID');
		if (!/^[1-9]\d*$/.test(reward))
			v.fail('Reward ID', `must be a whole number of at least 1, got "${reward}"`);
		const reward_id = Number(reward);
		const multiplier = v.number('multiplier', 'Multiplier', { min: 1, max: 10, integer: true });
		const { body } = await loyaltyLionRequest(this, i, 'POST', PATHS.claimedRewards(id), {
			body: { reward_id, ...(multiplier > 1 ? { multiplier } : {}) },
		});
		return { merchantId: id, ...(body.claimed_reward as IDataObject) };
	},
});
