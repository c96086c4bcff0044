import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { fieldsFor } from '../../../shared/router';
import { Validator } from '../../../shared/validate';
import { loyaltyLionRequest, PATHS } from '../../transport';
import { orderBody, orderIdField, orderOptionalFields } from './fields';

export const description: INodeProperties[] = fieldsFor('order', 'create', [
	orderIdField,
	{ displayName: 'Customer Merchant ID', name: 'customerId', type: 'string', default: '', description: "The customer's ID in your store (optional when the email identifies them)" },
	{ displayName: 'Customer Email', name: 'customerEmail', type: 'string', placeholder: 'name@email.com', required: true, default: '' },
	{ displayName: 'Total', name: 'total', type: 'string', required: true, default: '', placeholder: '49.90', description: 'Order total as a decimal; points are earned on it' },
	{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: orderOptionalFields },
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const v = new Validator(this, i);
	const body: IDataObject = {
		merchant_id: v.id('orderId', 'Order Merchant ID'),
		customer_email: v.email('customerEmail', 'Customer Email'),
		total: v.pattern('total', 'Total', /^\d+(\.\d{1,2})?$/, 'an amount such as 49.90'),
		...orderBody(this, i, 'additionalFields', 'Additional Fields'),
	};
	const customerId = v.optionalString('customerId');
	if (customerId) body.customer_id = customerId;
	// Not retried after a 5xx: LoyaltyLion rejects a repeated order ID, so a retry could report a false failure.
	const { statusCode } = await loyaltyLionRequest(this, i, 'POST', PATHS.orders, { body });
	return { ...body, status: statusCode };
}
