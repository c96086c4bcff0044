import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { Validator } from '../../../shared/execution/validate';
import { loyaltyLionRequest, PATHS } from '../../transport';

/** Adds or removes points. Not retried after a 5xx: LoyaltyLion has no idempotency key for points. */
export async function changePoints(
	ctx: IExecuteFunctions,
	i: number,
	direction: 'add' | 'remove',
): Promise<IDataObject> {
	const v = new Validator(ctx, i);
	const merchantId = v.id('merchantId', 'Customer ID in Your Store');
	// customers/add-points: 1 to 1,000,000; customers/remove-points: at least 1.
	const points = v.number('points', 'Points', {
		min: 1,
		max: direction === 'add' ? 1000000 : undefined,
		integer: true,
	});
	const reason = v.optionalString('reason', 'Reason');
	const body: IDataObject = { points, ...(reason ? { reason } : {}) };
	const path = direction === 'add' ? PATHS.addPoints(merchantId) : PATHS.removePoints(merchantId);
	const { statusCode } = await loyaltyLionRequest(ctx, i, 'POST', path, { body });
	return {
		merchantId,
		points: direction === 'add' ? points : -points,
		reason: reason ?? null,
		status: statusCode,
	};
}
