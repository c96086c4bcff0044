import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { recordLocator } from '../../../shared/locator';
import { fieldsFor } from '../../../shared/router';
import { Validator } from '../../../shared/validate';
import { loyaltyLionRequest, PATHS } from '../../transport';
import { customerIdField } from '../fields';

export const description: INodeProperties[] = fieldsFor('reward', 'claim', [
	customerIdField,
	recordLocator({
		displayName: 'Reward',
		name: 'rewardId',
		description: 'The reward: pick it from those the customer can claim now, or give its LoyaltyLion ID (Reward → Get Available lists them)',
		searchMethod: 'searchAvailableRewards',
		searchPlaceholder: 'Search by title...',
		idPlaceholder: 'e.g. 101',
		idPattern: { regex: '^\\s*[0-9]+\\s*$', message: 'A reward ID is a number' },
	}),
	{ displayName: 'Multiplier', name: 'multiplier', type: 'number', default: 1, typeOptions: { minValue: 1, maxValue: 10 }, description: 'How many times to claim it at once' },
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const v = new Validator(this, i);
	const id = v.id('merchantId', 'Customer ID in Your Store');
	const reward = v.id('rewardId', 'Reward ID');
	if (!/^[1-9]\d*$/.test(reward)) v.fail('Reward ID', `must be a whole number of at least 1, got "${reward}"`);
	const reward_id = Number(reward);
	const multiplier = v.number('multiplier', 'Multiplier', { min: 1, max: 10, integer: true });
	const { body } = await loyaltyLionRequest(this, i, 'POST', PATHS.claimedRewards(id), { body: { reward_id, ...(multiplier > 1 ? { multiplier } : {}) } });
	return { merchantId: id, ...(body.claimed_reward as IDataObject) };
}

/** Items naming the same record run one after the other, in input order (shared/router.ts). */
export const orderedBy = ['merchantId'];
