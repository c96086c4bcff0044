import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { fieldsFor } from '../../../shared/router';
import { simplified, simplifyProperty } from '../../../shared/simplify';
import { Validator } from '../../../shared/validate';
import { loyaltyLionRequest, PATHS } from '../../transport';
import { CUSTOMER_SIMPLE, customerIdField } from '../fields';

export const description: INodeProperties[] = [...fieldsFor('customer', 'get', [customerIdField]), simplifyProperty('customer', ['get'])];

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = new Validator(this, i).id('merchantId', 'Customer ID in Your Store');
	const customer = (await loyaltyLionRequest(this, i, 'GET', PATHS.customer(id))).body.customer as IDataObject;
	return simplified(this, i, [customer], CUSTOMER_SIMPLE)[0];
}
