import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
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
	description: "The order's payment status now",
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
	description: "The order's cancellation status now",
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

const V1 = { show: { '@version': [1] } };
const V1_1 = { show: { '@version': [1.1] } };

/** A status field from version 1.1: "Keep Current" by default (read from the order before the update). */
function keepable(field: INodeProperties): INodeProperties {
	return {
		...field,
		required: false,
		default: '',
		options: [{ name: 'Keep Current', value: '' }, ...(field.options as INodePropertyOptions[])],
		description: `${String(field.description)} Keep Current reads it from the order first.`,
		displayOptions: V1_1,
	};
}

/** An amount field from version 1.1: empty keeps the order's current amount. */
function keepableAmount(field: INodeProperties): INodeProperties {
	return {
		...field,
		required: false,
		default: '',
		description: `${String(field.description)}. Leave empty to keep the order's current amount.`,
		displayOptions: V1_1,
	};
}

/**
 * The fields of a full order update, less the ones an operation decides itself (Cancel, Refund). Version 1
 * asks for every value; from version 1.1 each may be left as it is, and the node reads the order first.
 */
export function fullUpdateFields(fixed: string[]): INodeProperties[] {
	const v1 = [
		paymentStatusField,
		refundStatusField,
		cancellationStatusField,
		totalPaidField,
		totalRefundedField,
	].map((f) => ({ ...f, displayOptions: V1 }));
	const v11 = [
		keepable(paymentStatusField),
		keepable(refundStatusField),
		keepable(cancellationStatusField),
		keepableAmount(totalPaidField),
		keepableAmount(totalRefundedField),
	];
	return [existingOrderField, ...v1, ...v11].filter((f) => !fixed.includes(f.name));
}

/** A decimal amount field. */
export function money(v: Validator, name: string, label: string): string {
	return v.pattern(name, label, MONEY, 'an amount such as 49.90');
}

/** What a full update must carry (orders/update-order: all five required). */
export interface OrderState {
	payment_status: string;
	refund_status: string;
	cancellation_status: string;
	total_paid: string;
	total_refunded: string;
}

const cents = (amount: string) => Math.round(Number(amount) * 100);
export const amountOf = (value: number) => (value / 100).toFixed(2);

/**
 * The order's current state (orders/get-order: a bare object with no total_refunded, which is the sum of
 * its refunds).
 */
async function currentState(ctx: IExecuteFunctions, i: number, id: string): Promise<OrderState> {
	const { body } = await loyaltyLionRequest<IDataObject>(ctx, i, 'GET', PATHS.order(id));
	const refunds = (body.refunds as Array<{ amount?: string }> | undefined) ?? [];
	const refunded = refunds.reduce((sum, r) => sum + cents(String(r.amount ?? '0')), 0);
	return {
		payment_status: String(body.payment_status),
		refund_status: String(body.refund_status),
		cancellation_status: String(body.cancellation_status),
		total_paid: String(body.total_paid),
		total_refunded: amountOf(refunded),
	};
}

/**
 * The full update (PUT /v2/orders/{merchant_id}): the reference says it must always carry the payment,
 * refund and cancellation statuses and the totals paid and refunded. Version 1 reads them all from the
 * item; from 1.1 what the item leaves empty is read from the order first (Get Order). `decide` gives what
 * the operation sets itself (Cancel, Refund), from the state it starts from. Idempotent per the reference,
 * so it is retried like any PUT.
 */
export async function fullUpdate(
	ctx: IExecuteFunctions,
	i: number,
	decide: (state: OrderState, v: Validator) => Partial<OrderState> = () => ({}),
	fixed: string[] = [],
	{ readFirst = false }: { readFirst?: boolean } = {},
): Promise<IDataObject> {
	const v = new Validator(ctx, i);
	const id = v.id('orderId', 'Order ID in Your Store');
	const latest = ctx.getNode().typeVersion >= 1.1;
	const given: Partial<OrderState> = {};
	const read = (key: keyof OrderState, name: string, label: string, amount = false) => {
		if (fixed.includes(name)) return;
		const raw = String(ctx.getNodeParameter(name, i, '') ?? '').trim();
		if (latest && raw === '') return;
		given[key] = amount ? money(v, name, label) : v.string(name, label);
	};
	read('payment_status', 'paymentStatus', 'Payment Status');
	read('refund_status', 'refundStatus', 'Refund Status');
	read('cancellation_status', 'cancellationStatus', 'Cancellation Status');
	read('total_paid', 'totalPaid', 'Total Paid', true);
	read('total_refunded', 'totalRefunded', 'Total Refunded', true);
	const complete = !readFirst && Object.keys(given).length === 5 - fixed.length;
	const state = complete
		? (given as OrderState)
		: { ...(await currentState(ctx, i, id)), ...given };
	const body = { ...state, ...decide(state, v) } as unknown as IDataObject;
	const { statusCode } = await loyaltyLionRequest(ctx, i, 'PUT', PATHS.order(id), { body });
	return { merchant_id: id, ...body, status: statusCode };
}

/** Refund arithmetic in cents: the new total refunded and the status it gives. */
export function refunded(state: OrderState, amountCents: number): Partial<OrderState> {
	const total = cents(state.total_refunded) + amountCents;
	return {
		total_refunded: amountOf(total),
		refund_status: total >= cents(state.total_paid) ? 'refunded' : 'partially_refunded',
	};
}

export { cents };
