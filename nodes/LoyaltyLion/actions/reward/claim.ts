import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { fieldsFor } from '../../../shared/router';
import { Validator } from '../../../shared/validate';
import { loyaltyLionRequest, PATHS } from '../../transport';
import { customerIdField } from '../fields';

export const description: INodeProperties[] = fieldsFor('reward', 'claim', [
	customerIdField,
	{ displayName: 'Reward ID', name: 'rewardId', type: 'number', required: true, default: 0, description: 'ID of the reward (Reward → Get Available lists them)' },
	{ displayName: 'Multiplier', name: 'multiplier', type: 'number', default: 1, typeOptions: { minValue: 1, maxValue: 10 }, description: 'How many times to claim it at once' },
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const v = new Validator(this, i);
	const id = v.id('merchantId', 'Customer Merchant ID');
	const reward_id = v.number('rewardId', 'Reward ID', { min: 1, integer: true });
	const multiplier = v.number('multiplier', 'Multiplier', { min: 1, max: 10, integer: true });
	const { body } = await loyaltyLionRequest(this, i, 'POST', PATHS.claimedRewards(id), { body: { reward_id, ...(multiplier > 1 ? { multiplier } : {}) } });
	return { merchantId: id, ...(body.claimed_reward as IDataObject) };
}

/** Items naming the same record run one after the other, in input order (shared/router.ts). */
export const orderedBy = ['merchantId'];
