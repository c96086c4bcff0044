import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { recordLocator } from '../../../shared/descriptions/locator';
import { Validator } from '../../../shared/execution/validate';
import { loyaltyLionRequest, PATHS } from '../../transport';

// Orders, as developers.loyaltylion.com/api-reference/v2/resources/orders/create-order and update-order
// describe them. Money goes as decimal strings ("99.95").

const MONEY = /^\d+(\.\d{1,2})?$/;

export const orderIdField: INodeProperties = {
	displayName: 'Order ID in Your Store',
	name: 'orderId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '1001',
	description: "The order's ID in your store (LoyaltyLion calls it the order's merchant_id)",
};

const PAYMENT_STATUSES = [
	{ name: 'Not Paid', value: 'not_paid' },
	{ name: 'Paid', value: 'paid' },
	{ name: 'Partially Paid', value: 'partially_paid' },
];

export const paymentStatusField: INodeProperties = {
	displayName: 'Payment Status',
	name: 'paymentStatus',
	type: 'options',
	options: PAYMENT_STATUSES,
	default: 'paid',
	required: true,
	description: "The order's payment status now. Points are awarded when an order is paid.",
};

const refundStatusField: INodeProperties = {
	displayName: 'Refund Status',
	name: 'refundStatus',
	type: 'options',
	options: [
		{ name: 'Not Refunded', value: 'not_refunded' },
		{ name: 'Partially Refunded', value: 'partially_refunded' },
		{ name: 'Refunded', value: 'refunded' },
	],
	default: 'not_refunded',
	required: true,
	description: "The order's refund status now",
};

const cancellationStatusField: INodeProperties = {
	displayName: 'Cancellation Status',
	name: 'cancellationStatus',
	type: 'options',
	options: [
		{ name: 'Not Cancelled', value: 'not_cancelled' },
		{ name: 'Cancelled', value: 'cancelled' },
	],
	default: 'not_cancelled',
	required: true,
	description:
		"The order's cancellation status now. Cancelling takes back the points the order earned.",
};

const totalPaidField: INodeProperties = {
	displayName: 'Total Paid',
	name: 'totalPaid',
	type: 'string',
	required: true,
	default: '',
	placeholder: '49.90',
	description: 'The total paid for the order so far, as a decimal',
};

const totalRefundedField: INodeProperties = {
	displayName: 'Total Refunded',
	name: 'totalRefunded',
	type: 'string',
	required: true,
	default: '0',
	placeholder: '0',
	description:
		'The total refunded so far (all refunds together, not this one alone), as a decimal; 0 when nothing was refunded',
};

/** An order LoyaltyLion already holds (update, cancel, refund): picked from its orders, or by your ID. */
export const existingOrderField: INodeProperties = recordLocator({
	displayName: 'Order',
	name: 'orderId',
	description:
		"The order: pick it from LoyaltyLion's orders (search by order number, ID or customer email), or give its ID in your store (LoyaltyLion's merchant_id)",
	searchMethod: 'searchOrders',
	searchPlaceholder: 'Search by order number or email...',
	idPlaceholder: 'e.g. 1001 (the order ID in your store)',
});

/** The fields of a full order update, less the ones an operation fixes itself (Cancel, Refund). */
export function fullUpdateFields(fixed: string[]): INodeProperties[] {
	return [
		existingOrderField,
		paymentStatusField,
		refundStatusField,
		cancellationStatusField,
		totalPaidField,
		totalRefundedField,
	].filter((f) => !fixed.includes(f.name));
}

/** A decimal amount field. */
export function money(v: Validator, name: string, label: string): string {
	return v.pattern(name, label, MONEY, 'an amount such as 49.90');
}

/**
 * The full update (PUT /v2/orders/{merchant_id}): the reference says it must always carry the payment,
 * refund and cancellation statuses and the totals paid and refunded. `fixed` holds what the operation
 * decides (Cancel: cancellation_status). Idempotent per the reference, so it is retried like any PUT.
 */
export async function fullUpdate(
	ctx: IExecuteFunctions,
	i: number,
	fixed: IDataObject = {},
): Promise<IDataObject> {
	const v = new Validator(ctx, i);
	const id = v.id('orderId', 'Order ID in Your Store');
	const read = (name: string, field: string, label: string) =>
		fixed[field] !== undefined ? fixed[field] : v.string(name, label);
	const body: IDataObject = {
		payment_status: read('paymentStatus', 'payment_status', 'Payment Status'),
		refund_status: read('refundStatus', 'refund_status', 'Refund Status'),
		cancellation_status: read('cancellationStatus', 'cancellation_status', 'Cancellation Status'),
		total_paid: fixed.total_paid ?? money(v, 'totalPaid', 'Total Paid'),
		total_refunded: fixed.total_refunded ?? money(v, 'totalRefunded', 'Total Refunded'),
	};
	const { statusCode } = await loyaltyLionRequest(ctx, i, 'PUT', PATHS.order(id), { body });
	return { merchant_id: id, ...body, status: statusCode };
}
