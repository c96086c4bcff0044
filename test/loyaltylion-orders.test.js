'use strict';
// Order Update, Cancel and Refund from node version 1.1: the node reads the order first (orders/get-order)
// and sends the full update (orders/update-order) with what the user changed and the rest as it is.
const { Engine, useSandbox } = require('./harness');
const { demoCredentials } = require('../sandbox/demo-credentials');

const box = useSandbox();

function node() {
	const engine = new Engine();
	const store = demoCredentials(box.sim.baseUrl).find((c) => c.type === 'loyaltyLionApi');
	const credentials = engine.addCredential('ll-store', 'loyaltyLionApi', store.data);
	return (parameters) =>
		engine.runNode({
			type: 'loyaltyLion',
			credentials,
			typeVersion: 1.1,
			parameters: { authentication: 'apiToken', resource: 'order', ...parameters },
		});
}

const order = (id) => ({ mode: 'id', value: id });
const wire = (method) =>
	box.sim.stats.log
		.filter((r) => r.route === '/v2/orders/:merchantId' && r.method === method)
		.map((r) => r.body ?? null);

async function created(run, id) {
	const { error } = await run({
		operation: 'create',
		orderId: id,
		customerId: 'cust-3',
		customerEmail: 'shopper3@example.com',
		total: '50.00',
		totalShipping: '5.00',
		paymentStatus: 'paid',
		additionalFields: { total_paid: '50.00' },
	});
	expect(error).toBeUndefined();
	box.sim.stats.reset();
}

describe('LoyaltyLion orders, version 1.1', () => {
	test('Update with only a new payment status reads the order and keeps the rest', async () => {
		const run = node();
		await created(run, 'v11-upd');
		const { items, error } = await run({
			operation: 'update',
			orderId: order('v11-upd'),
			paymentStatus: 'partially_paid',
		});
		expect(error).toBeUndefined();
		expect(box.sim.stats.log.map((r) => r.method)).toEqual(['GET', 'PUT']);
		expect(wire('PUT')).toEqual([
			{
				payment_status: 'partially_paid',
				refund_status: 'not_refunded',
				cancellation_status: 'not_cancelled',
				total_paid: '50.00',
				total_refunded: '0.00',
			},
		]);
		expect(items[0].json).toMatchObject({ merchant_id: 'v11-upd', status: 204 });
	});

	test('Refund of part, then of the rest: totals add up and the status follows', async () => {
		const run = node();
		await created(run, 'v11-ref');
		expect(
			(await run({ operation: 'refund', orderId: order('v11-ref'), refundAmount: '20.00' })).error,
		).toBeUndefined();
		expect((await run({ operation: 'refund', orderId: order('v11-ref') })).error).toBeUndefined();
		expect(wire('PUT').map((b) => [b.total_refunded, b.refund_status])).toEqual([
			['20.00', 'partially_refunded'],
			['50.00', 'refunded'],
		]);
		const again = await run({ operation: 'refund', orderId: order('v11-ref') });
		expect(again.error.message).toMatch(/Refund Amount nothing is left to refund on this order/);
		const over = await run({
			operation: 'refund',
			orderId: order('v11-ref'),
			refundAmount: '1.00',
		});
		expect(over.error.message).toMatch(/cannot be more than what is left to refund \(0\.00\)/);
	});

	test('Refund with every other field given still reads what was refunded before', async () => {
		const run = node();
		await created(run, 'v11-full');
		await run({ operation: 'refund', orderId: order('v11-full'), refundAmount: '5.00' });
		box.sim.stats.reset();
		const { error } = await run({
			operation: 'refund',
			orderId: order('v11-full'),
			paymentStatus: 'paid',
			cancellationStatus: 'not_cancelled',
			totalPaid: '50.00',
			refundAmount: '10.00',
		});
		expect(error).toBeUndefined();
		expect(box.sim.stats.log.map((r) => r.method)).toEqual(['GET', 'PUT']);
		expect(wire('PUT')[0]).toMatchObject({
			total_refunded: '15.00',
			refund_status: 'partially_refunded',
		});
	});

	test('Cancel keeps payment and refunds as they are', async () => {
		const run = node();
		await created(run, 'v11-can');
		await run({ operation: 'refund', orderId: order('v11-can'), refundAmount: '5.00' });
		box.sim.stats.reset();
		expect((await run({ operation: 'cancel', orderId: order('v11-can') })).error).toBeUndefined();
		expect(wire('PUT')).toEqual([
			{
				payment_status: 'paid',
				refund_status: 'partially_refunded',
				cancellation_status: 'cancelled',
				total_paid: '50.00',
				total_refunded: '5.00',
			},
		]);
	});
});
