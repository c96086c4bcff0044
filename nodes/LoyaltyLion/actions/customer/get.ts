import type { IDataObject } from 'n8n-workflow';
import { outputFields, outputShaper } from '../../../shared/descriptions/simplify';
import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { loyaltyLionRequest, PATHS } from '../../transport';
import { CUSTOMER_OUTPUT, CUSTOMER_SIMPLE, customerIdField } from '../fields';

export default defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a customer',
	description:
		'Get a customer by their ID in your store (assumed endpoint: the Admin API documents none; Get Many with Email Contains is the documented way)',
	kind: 'read',
	fields: [customerIdField, ...outputFields(CUSTOMER_OUTPUT)],
	async execute(i) {
		const shape = outputShaper(this, i, CUSTOMER_OUTPUT);
		const id = new Validator(this, i).id('merchantId', 'Customer ID in Your Store');
		const customer = (await loyaltyLionRequest(this, i, 'GET', PATHS.customer(id))).body
			.customer as IDataObject;
		return shape([customer], CUSTOMER_SIMPLE)[0];
	},
});
