import type { INodeProperties } from 'n8n-workflow';
import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { fromMinor, fullUpdate, fullUpdateFields, money, scaleOf, toMinor } from './fields';

// Refunding is the full update (orders/update-order) with refund_status and total_refunded; LoyaltyLion
// documents no /refund path. What was paid and refunded before is the order's, read first (orders/get-order)
// in every node version. Full or partial follows from the totals: refunded when all that was paid is.
// Amounts are compared in minor units at the most decimals any of them has (three for KWD).

const refundAmountField: INodeProperties = {
	displayName: 'Refund Amount',
	name: 'refundAmount',
	type: 'string',
	default: '',
	placeholder: 'e.g. 10.00',
	description:
		'The amount refunded now, as a decimal. Leave empty to refund everything not refunded yet. It is added to what the order had refunded before.',
	displayOptions: { show: { '@version': [1.1, 1.2] } },
};

// Version 1 gives the new total refunded; from 1.1 the amount of this refund (and, if they change too, the
// payment and cancellation state or the total paid).
const EDITABLE = {
	v1: ['totalRefunded'],
	latest: ['paymentStatus', 'cancellationStatus', 'totalPaid'],
};

export default defineOperation({
	value: 'refund',
	name: 'Refund',
	action: 'Refund an order',
	description:
		'Record a full or partial refund; the payment and cancellation state stay as LoyaltyLion has them',
	kind: 'write',
	records: ['orderId'],
	fields: [...fullUpdateFields(EDITABLE), refundAmountField],
	async execute(i) {
		if (this.getNode().typeVersion < 1.1) {
			return await fullUpdate(this, i, EDITABLE, (state, read, v) => {
				const scale = scaleOf(state.total_paid, state.total_refunded, read.total_refunded);
				const paid = toMinor(state.total_paid, scale);
				const total = toMinor(state.total_refunded, scale);
				if (total <= BigInt(0)) v.fail('Total Refunded', 'must be more than 0 for a refund');
				if (total > paid)
					v.fail(
						'Total Refunded',
						`cannot be more than the Total Paid (${state.total_paid}), got ${state.total_refunded}`,
					);
				if (total < toMinor(read.total_refunded, scale))
					v.fail(
						'Total Refunded',
						`is the order's total refunded after this refund: it cannot be less than what the order has refunded already (${read.total_refunded}), got ${state.total_refunded}`,
					);
				return { refund_status: total === paid ? 'refunded' : 'partially_refunded' };
			});
		}
		const given = String(this.getNodeParameter('refundAmount', i, '') ?? '').trim();
		// Checked before the order is read: a wrong amount costs no request.
		const amountText = given ? money(new Validator(this, i), 'refundAmount', 'Refund Amount') : '0';
		return await fullUpdate(this, i, EDITABLE, (state, _read, v) => {
			const scale = scaleOf(state.total_paid, state.total_refunded, amountText);
			const before = toMinor(state.total_refunded, scale);
			const remaining = toMinor(state.total_paid, scale) - before;
			const amount = given ? toMinor(amountText, scale) : remaining;
			if (amount <= BigInt(0))
				v.fail(
					'Refund Amount',
					given ? 'must be more than 0' : 'nothing is left to refund on this order',
				);
			if (amount > remaining)
				v.fail(
					'Refund Amount',
					`cannot be more than what is left to refund (${fromMinor(remaining, scale)}), got ${given}`,
				);
			return {
				total_refunded: fromMinor(before + amount, scale),
				refund_status: amount === remaining ? 'refunded' : 'partially_refunded',
			};
		});
	},
});
