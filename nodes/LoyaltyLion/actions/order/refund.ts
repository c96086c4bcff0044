import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { fieldsFor } from '../../../shared/router';
import { Validator } from '../../../shared/validate';
import { loyaltyLionRequest, PATHS } from '../../transport';
import { orderIdField } from './fields';

export const description: INodeProperties[] = fieldsFor('order', 'refund', [
	orderIdField,
	{ displayName: 'Total Refunded', name: 'totalRefunded', type: 'string', required: true, default: '', placeholder: '49.90', description: 'The total refunded so far (not this refund alone); equal to the order total for a full refund' },
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const v = new Validator(this, i);
	const id = v.id('orderId', 'Order Merchant ID');
	const total_refunded = v.pattern('totalRefunded', 'Total Refunded', /^\d+(\.\d{1,2})?$/, 'an amount such as 49.90');
	// The field is the running total, so sending it twice has the same effect: safe to retry.
	const { statusCode } = await loyaltyLionRequest(this, i, 'POST', PATHS.refundOrder(id), { body: { total_refunded }, idempotent: true });
	return { merchant_id: id, total_refunded, status: statusCode };
}
