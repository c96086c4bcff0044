import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { fieldsFor } from '../../../shared/router';
import { Validator } from '../../../shared/validate';
import { loyaltyLionRequest, PATHS } from '../../transport';
import { orderBody, orderIdField, orderOptionalFields } from './fields';

export const description: INodeProperties[] = fieldsFor('order', 'update', [
	orderIdField,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [...orderOptionalFields, { displayName: 'Total', name: 'total', type: 'string', default: '', placeholder: '49.90', description: 'Order total as a decimal' }],
	},
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const v = new Validator(this, i);
	const id = v.id('orderId', 'Order Merchant ID');
	const body = orderBody(this, i, 'updateFields', 'Update Fields');
	if (!Object.keys(body).length) v.fail('Update Fields', 'need at least one field to change');
	const { statusCode } = await loyaltyLionRequest(this, i, 'PUT', PATHS.order(id), { body });
	return { merchant_id: id, ...body, status: statusCode };
}
