import type { IDataObject } from 'n8n-workflow';
import { simplified, simplifyField } from '../../../shared/descriptions/simplify';
import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { loyaltyLionRequest, PATHS } from '../../transport';
import { CUSTOMER_SIMPLE, customerIdField } from '../fields';

export default defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a customer',
	description:
		'Get a customer by their ID in your store (assumed endpoint: the Admin API documents none; Get Many with Email Contains is the documented way)',
	kind: 'read',
	fields: [customerIdField, simplifyField],
	async execute(i) {
		const id = new Validator(this, i).id('merchantId', 'Customer ID in Your Store');
		const customer = (await loyaltyLionRequest(this, i, 'GET', PATHS.customer(id))).body
			.customer as IDataObject;
		return simplified(this, i, [customer], CUSTOMER_SIMPLE)[0];
	},
});
