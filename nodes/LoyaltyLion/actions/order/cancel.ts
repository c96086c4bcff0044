import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { fieldsFor } from '../../../shared/router';
import { Validator } from '../../../shared/validate';
import { loyaltyLionRequest, PATHS } from '../../transport';
import { orderIdField } from './fields';

export const description: INodeProperties[] = fieldsFor('order', 'cancel', [orderIdField]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = new Validator(this, i).id('orderId', 'Order Merchant ID');
	// Cancelling a cancelled order changes nothing: safe to retry.
	const { statusCode } = await loyaltyLionRequest(this, i, 'POST', PATHS.cancelOrder(id), { idempotent: true });
	return { merchant_id: id, cancelled: true, status: statusCode };
}
