import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { fieldsFor } from '../../../shared/router';
import { Validator } from '../../../shared/validate';
import { loyaltyLionRequest, PATHS } from '../../transport';
import { customerIdField } from '../fields';

export const description: INodeProperties[] = fieldsFor('reward', 'refund', [
	customerIdField,
	{ displayName: 'Claimed Reward ID', name: 'claimedRewardId', type: 'string', placeholder: 'e.g. 5012', required: true, default: '', description: 'ID returned by Claim' },
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const v = new Validator(this, i);
	const id = v.id('merchantId', 'Customer ID in Your Store');
	const claimed = v.id('claimedRewardId', 'Claimed Reward ID');
	// A refund can happen only once (a second is refused), so it is safe to retry.
	const { body } = await loyaltyLionRequest(this, i, 'POST', PATHS.refundClaimedReward(id, claimed), { idempotent: true });
	// developers.loyaltylion.com/api-reference/v2/resources/customers/rewards/refund-reward
	return { merchantId: id, ...(body.claimed_reward as IDataObject), remoteResourceDeleted: body.remote_resource_deleted ?? null };
}

/** Items naming the same record run one after the other, in input order (shared/router.ts). */
export const orderedBy = ['merchantId'];
