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

// Any number of decimals: orders/create-order and update-order give decimal strings without naming a precision.
const MONEY = /^\d+(\.\d+)?$/;

export const orderIdField: INodeProperties = {
	displayName: 'Order ID in Your Store',
	name: 'orderId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 1001',
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
	placeholder: 'e.g. 49.90',
	description: 'The total paid for the order so far, as a decimal',
};

const totalRefundedField: INodeProperties = {
	displayName: 'Total Refunded',
	name: 'totalRefunded',
	type: 'string',
	required: true,
	default: '0',
	placeholder: 'e.g. 0',
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
const V1_1 = { show: { '@version': [1.1, 1.2] } };

/** A status field from version 1.1: "Keep Current" by default (the order's status as read first). */
function keepable(field: INodeProperties): INodeProperties {
	return {
		...field,
		required: false,
		default: '',
		options: [{ name: 'Keep Current', value: '' }, ...(field.options as INodePropertyOptions[])],
		description: `${String(field.description)}. Keep Current leaves it as the order has it.`,
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

const STATE_FIELDS = [
	paymentStatusField,
	refundStatusField,
	cancellationStatusField,
	totalPaidField,
	totalRefundedField,
];

/** Which state fields the user gives, per node version; the rest is the order's as read first. */
export interface Editable {
	v1: string[];
	latest: string[];
}

/**
 * The fields of a full order update an operation lets the user give. Version 1 asks for each such value;
 * from version 1.1 each may be left as the order has it.
 */
export function fullUpdateFields(editable: Editable): INodeProperties[] {
	const v1 = STATE_FIELDS.filter((f) => editable.v1.includes(f.name)).map((f) => ({
		...f,
		displayOptions: V1,
	}));
	const v11 = STATE_FIELDS.filter((f) => editable.latest.includes(f.name)).map((f) =>
		f.type === 'options' ? keepable(f) : keepableAmount(f),
	);
	return [existingOrderField, ...v1, ...v11];
}

/** A decimal amount field: any number of decimals (three for KWD, none for JPY). */
export function money(v: Validator, name: string, label: string): string {
	return v.pattern(name, label, MONEY, 'an amount such as 49.90');
}

/** Whether a text is a decimal amount as LoyaltyLion takes it ("99.99", "10.500", "5"). */
export const isAmount = (value: string) => MONEY.test(value);

/** What a full update must carry (orders/update-order: all five required). */
export interface OrderState {
	payment_status: string;
	refund_status: string;
	cancellation_status: string;
	total_paid: string;
	total_refunded: string;
}

const decimalsOf = (amount: string) => (amount.split('.')[1] ?? '').length;

/** The scale amounts are compared at: the most decimals any of them has. */
export const scaleOf = (...amounts: string[]) => Math.max(0, ...amounts.map(decimalsOf));

/** A decimal amount in minor units at `scale` decimals, exactly (no floating point). */
export function toMinor(amount: string, scale: number): bigint {
	const [whole, fraction = ''] = amount.split('.');
	const padded = (fraction + '0'.repeat(scale)).slice(0, scale);
	return BigInt(whole || '0') * BigInt(10) ** BigInt(scale) + BigInt(padded || '0');
}

/** Minor units back to a decimal amount with `scale` decimals. */
export function fromMinor(minor: bigint, scale: number): string {
	const sign = minor < BigInt(0) ? '-' : '';
	const digits = (minor < BigInt(0) ? -minor : minor).toString().padStart(scale + 1, '0');
	return sign + (scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits);
}

/**
 * The order's current state (orders/get-order: a bare object with no total_refunded, which is the sum of
 * its refunds, kept at the decimals the order's amounts have).
 */
async function currentState(ctx: IExecuteFunctions, i: number, id: string): Promise<OrderState> {
	const { body } = await loyaltyLionRequest<IDataObject>(ctx, i, 'GET', PATHS.order(id));
	const amount = (value: unknown, what: string) => {
		const text = String(value ?? '').trim();
		if (!isAmount(text))
			new Validator(ctx, i).fail(
				'Order',
				`"${id}" has ${what} ${JSON.stringify(value ?? null)} in LoyaltyLion, not an amount; the update was not sent`,
			);
		return text;
	};
	const paid = amount(body.total_paid, 'total_paid');
	const refunds = ((body.refunds as Array<{ amount?: unknown }> | undefined) ?? []).map((r, n) =>
		amount(r.amount, `refunds[${n}].amount`),
	);
	const scale = scaleOf(paid, ...refunds);
	const refunded = refunds.reduce((sum, r) => sum + toMinor(r, scale), BigInt(0));
	// A status missing from the answer stays empty, so fullUpdate can refuse it unless the user gives one.
	const status = (key: string) => (typeof body[key] === 'string' ? (body[key] as string) : '');
	return {
		payment_status: status('payment_status'),
		refund_status: status('refund_status'),
		cancellation_status: status('cancellation_status'),
		total_paid: paid,
		total_refunded: fromMinor(refunded, scale),
	};
}

const optionValues = (field: INodeProperties) =>
	(field.options as INodePropertyOptions[]).map((o) => String(o.value));
const STATUS_VALUES = {
	payment_status: optionValues(paymentStatusField),
	refund_status: optionValues(refundStatusField),
	cancellation_status: optionValues(cancellationStatusField),
};

const FIELD_OF: Record<keyof OrderState, { name: string; label: string; amount?: boolean }> = {
	payment_status: { name: 'paymentStatus', label: 'Payment Status' },
	refund_status: { name: 'refundStatus', label: 'Refund Status' },
	cancellation_status: { name: 'cancellationStatus', label: 'Cancellation Status' },
	total_paid: { name: 'totalPaid', label: 'Total Paid', amount: true },
	total_refunded: { name: 'totalRefunded', label: 'Total Refunded', amount: true },
};

/**
 * The full update (PUT /v2/orders/{merchant_id}): orders/update-order says it must always carry the payment,
 * refund and cancellation statuses and the totals paid and refunded, and that the current ones come from
 * Get Order. So the order is always read first, in every node version; what the user gives (the
 * operation's editable fields; from 1.1 only those not left empty) replaces the state read, and `decide`
 * sets what the operation changes itself (Cancel, Refund) from the state read and the state given.
 * Idempotent per orders/update-order, so it is retried like any PUT.
 */
export async function fullUpdate(
	ctx: IExecuteFunctions,
	i: number,
	editable: Editable,
	decide: (state: OrderState, read: OrderState, v: Validator) => Partial<OrderState> = () => ({}),
): Promise<IDataObject> {
	const v = new Validator(ctx, i);
	const id = v.id('orderId', 'Order ID in Your Store');
	const latest = ctx.getNode().typeVersion >= 1.1;
	const names = latest ? editable.latest : editable.v1;
	// Every input is checked before the read, so a wrong value costs no request.
	const given: Partial<OrderState> = {};
	for (const [key, field] of Object.entries(FIELD_OF) as Array<
		[keyof OrderState, (typeof FIELD_OF)[keyof OrderState]]
	>) {
		if (!names.includes(field.name)) continue;
		const raw = String(ctx.getNodeParameter(field.name, i, '') ?? '').trim();
		if (latest && raw === '') continue;
		given[key] = field.amount
			? money(v, field.name, field.label)
			: v.string(field.name, field.label);
	}
	const read = await currentState(ctx, i, id);
	const state = { ...read, ...given };
	const body = { ...state, ...decide(state, read, v) } as unknown as IDataObject;
	// orders/get-order marks every status required; an answer without one is not sent on as "undefined".
	for (const key of ['payment_status', 'refund_status', 'cancellation_status'] as const) {
		const allowed = STATUS_VALUES[key];
		if (!allowed.includes(String(body[key])))
			v.fail(
				FIELD_OF[key].label,
				`LoyaltyLion's order "${id}" has ${key} ${JSON.stringify(read[key] || null)}, not one of ${allowed.join(', ')}; give ${FIELD_OF[key].label}. The update was not sent`,
			);
	}
	const { statusCode } = await loyaltyLionRequest(ctx, i, 'PUT', PATHS.order(id), { body });
	return { merchant_id: id, ...body, status: statusCode };
}
