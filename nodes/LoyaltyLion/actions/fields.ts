import type { INodeProperties } from 'n8n-workflow';

export const customerIdField: INodeProperties = {
	displayName: 'Customer Merchant ID',
	name: 'merchantId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'cust-123',
	description: "The customer's ID in your store (LoyaltyLion's merchant_id)",
};

export const pointsFields: INodeProperties[] = [
	customerIdField,
	{ displayName: 'Points', name: 'points', type: 'number', required: true, default: 1, typeOptions: { minValue: 1, maxValue: 1000000 }, description: 'Whole number from 1 to 1,000,000' },
	{ displayName: 'Reason', name: 'reason', type: 'string', default: '', description: 'Shown to the customer in their points history' },
];
