import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { Validator } from '../../../shared/validate';

export const orderIdField: INodeProperties = {
	displayName: 'Order Merchant ID',
	name: 'orderId',
	type: 'string',
	required: true,
	default: '',
	description: "The order's ID in your store (LoyaltyLion's merchant_id for orders)",
};

export const orderOptionalFields: INodeProperties[] = [
	{ displayName: 'Date', name: 'date', type: 'dateTime', default: '', description: 'When the order was placed' },
	{ displayName: 'Number', name: 'number', type: 'string', default: '', description: 'Order number shown to the customer' },
	{
		displayName: 'Payment Status',
		name: 'payment_status',
		type: 'options',
		options: [
			{ name: 'Not Paid', value: 'not_paid' },
			{ name: 'Paid', value: 'paid' },
			{ name: 'Partially Paid', value: 'partially_paid' },
		],
		default: 'paid',
		description: 'Points are awarded for paid orders',
	},
	{ displayName: 'Total Shipping', name: 'total_shipping', type: 'string', default: '', placeholder: '4.90', description: 'Shipping part of the total, as a decimal' },
];

/** Order fields of a collection, as LoyaltyLion wants them (decimals as strings). */
export function orderBody(ctx: IExecuteFunctions, i: number, name: string, label: string): IDataObject {
	const raw = ctx.getNodeParameter(name, i, {}) as IDataObject;
	const v = new Validator(ctx, i);
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(raw)) {
		if (value === '' || value === undefined || value === null) continue;
		if (key === 'total_shipping' || key === 'total') {
			const text = String(value).trim();
			if (!/^\d+(\.\d{1,2})?$/.test(text)) v.fail(`${label} → ${key}`, `must be an amount such as 49.90, got "${text}"`);
			out[key] = text;
		} else if (key === 'date') {
			const date = new Date(String(value));
			if (Number.isNaN(date.getTime())) v.fail(`${label} → Date`, `must be a date-time, got "${String(value)}"`);
			out.date = date.toISOString();
		} else out[key] = value;
	}
	return out;
}
