// Order Update, Cancel and Refund in every node version: the node reads the order first (orders/get-order)
// and sends the full update (orders/update-order) with what the user changed and the rest as it is.
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { Engine, useSandbox } from './harness';
import { demoCredentials } from './harness/sandbox';

/** The order fields the node sends in its full update (orders/update-order). */
interface OrderUpdate {
	payment_status: string;
	refund_status: string;
	cancellation_status: string;
	total_paid: string;
	total_refunded: string;
}

/** The part of the simulator's LoyaltyLion state read here: its orders by merchant ID. */
const box = useSandbox();

function node(typeVersion = 1.1) {
	const engine = new Engine();
	const store = demoCredentials(box.sim.baseUrl).find((c) => c.type === 'loyaltyLionApi');
	if (!store) throw new Error('No loyaltyLionApi demo credential');
	const credentials = engine.addCredential('ll-store', 'loyaltyLionApi', store.data as IDataObject);
	return (parameters: INodeParameters) =>
		engine.runNode({
			type: 'loyaltyLion',
			credentials,
			typeVersion,
			parameters: { authentication: 'apiToken', resource: 'order', ...parameters },
		});
}

type Run = ReturnType<typeof node>;

const order = (id: string) => ({ mode: 'id', value: id });
const wire = (method: string): Array<OrderUpdate | null> =>
	box.sim.stats.log
		.filter((r) => r.route === '/v2/orders/:merchantId' && r.method === method)
		.map((r) => (r.body as OrderUpdate | undefined) ?? null);

async function created(
	run: Run,
	id: string | { value: string },
	{
		total = '50.00',
		paymentStatus = 'paid',
		paid = total,
	}: { total?: string; paymentStatus?: string; paid?: string } = {},
) {
	const { error } = await run({
		operation: 'create',
		orderId: typeof id === 'string' ? id : id.value,
		customerId: 'cust-3',
		customerEmail: 'shopper3@example.com',
		total,
		totalShipping: '5.00',
		paymentStatus,
		additionalFields: { total_paid: paid },
	});
	expect(error).toBeUndefined();
	box.sim.stats.reset();
}

describe('LoyaltyLion orders, version 1.1', () => {
	test('an order read without a status is not sent on as "undefined": Cancel is refused naming the field; given, the update goes', async () => {
		const run = node();
		await created(run, 'v11-nostatus');
		const stored = box.sim.instances.loyaltylion.state.orders.get('v11-nostatus');
		if (!stored) throw new Error('The simulator has no order v11-nostatus');
		// An order stored without a status, as an older order can be.
		(stored as { refund_status?: string }).refund_status = undefined;
		const { error } = await run({ operation: 'cancel', orderId: order('v11-nostatus') });
		expect(error?.message).toBe(
			'Refund Status LoyaltyLion\'s order "v11-nostatus" has refund_status null, not one of not_refunded, partially_refunded, refunded; give Refund Status. The update was not sent (item 0)',
		);
		expect(wire('PUT')).toEqual([]);
		const given = await run({
			operation: 'update',
			orderId: order('v11-nostatus'),
			refundStatus: 'not_refunded',
		});
		expect(given.error).toBeUndefined();
		expect(wire('PUT')).toEqual([
			{
				payment_status: 'paid',
				refund_status: 'not_refunded',
				cancellation_status: 'not_cancelled',
				total_paid: '50.00',
				total_refunded: '0.00',
			},
		]);
	});

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
		expect(wire('PUT').map((b) => [b?.total_refunded, b?.refund_status])).toEqual([
			['20.00', 'partially_refunded'],
			['50.00', 'refunded'],
		]);
		const again = await run({ operation: 'refund', orderId: order('v11-ref') });
		expect(again.error?.message).toMatch(/Refund Amount nothing is left to refund on this order/);
		const over = await run({
			operation: 'refund',
			orderId: order('v11-ref'),
			refundAmount: '1.00',
		});
		expect(over.error?.message).toMatch(/cannot be more than what is left to refund \(0\.00\)/);
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
		expect(box.sim.stats.log.map((r) => [r.method, r.path])).toEqual([
			['GET', '/loyaltylion/v2/orders/v11-can'],
			['PUT', '/loyaltylion/v2/orders/v11-can'],
		]);
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

describe('LoyaltyLion orders: the order is read before every update', () => {
	const methods = () => box.sim.stats.log.map((r) => r.method);

	test('version 1.1 Update with every field given still reads the order first', async () => {
		const run = node();
		await created(run, 'v11-all');
		const { error } = await run({
			operation: 'update',
			orderId: order('v11-all'),
			paymentStatus: 'paid',
			refundStatus: 'not_refunded',
			cancellationStatus: 'not_cancelled',
			totalPaid: '50.00',
			totalRefunded: '0',
		});
		expect(error).toBeUndefined();
		expect(methods()).toEqual(['GET', 'PUT']);
	});

	test('version 1 Update reads the order, then sends the values given', async () => {
		const run = node(1);
		await created(run, 'v1-upd');
		const { error } = await run({
			operation: 'update',
			orderId: 'v1-upd',
			paymentStatus: 'paid',
			refundStatus: 'partially_refunded',
			cancellationStatus: 'not_cancelled',
			totalPaid: '50.00',
			totalRefunded: '5.00',
		});
		expect(error).toBeUndefined();
		expect(methods()).toEqual(['GET', 'PUT']);
		expect(wire('PUT')).toEqual([
			{
				payment_status: 'paid',
				refund_status: 'partially_refunded',
				cancellation_status: 'not_cancelled',
				total_paid: '50.00',
				total_refunded: '5.00',
			},
		]);
	});

	test('version 1 Cancel carries the payment and refunds it read, not defaults', async () => {
		const run = node(1);
		await created(run, 'v1-can', { paymentStatus: 'partially_paid', paid: '20.00' });
		await run({ operation: 'refund', orderId: 'v1-can', totalRefunded: '5.00' });
		box.sim.stats.reset();
		expect((await run({ operation: 'cancel', orderId: 'v1-can' })).error).toBeUndefined();
		expect(methods()).toEqual(['GET', 'PUT']);
		expect(wire('PUT')).toEqual([
			{
				payment_status: 'partially_paid',
				refund_status: 'partially_refunded',
				cancellation_status: 'cancelled',
				total_paid: '20.00',
				total_refunded: '5.00',
			},
		]);
	});

	test('version 1 Refund reads the order: the payment as read, a total below what was refunded refused', async () => {
		const run = node(1);
		await created(run, 'v1-ref', { paymentStatus: 'partially_paid', paid: '30.00' });
		const first = await run({ operation: 'refund', orderId: 'v1-ref', totalRefunded: '10.00' });
		expect(first.error).toBeUndefined();
		expect(methods()).toEqual(['GET', 'PUT']);
		expect(wire('PUT')).toEqual([
			{
				payment_status: 'partially_paid',
				refund_status: 'partially_refunded',
				cancellation_status: 'not_cancelled',
				total_paid: '30.00',
				total_refunded: '10.00',
			},
		]);
		box.sim.stats.reset();
		const lower = await run({ operation: 'refund', orderId: 'v1-ref', totalRefunded: '4.00' });
		expect(lower.error?.message).toBe(
			"Total Refunded is the order's total refunded after this refund: it cannot be less than what the order has refunded already (10.00), got 4.00 (item 0)",
		);
		expect(methods()).toEqual(['GET']);
		const all = await run({ operation: 'refund', orderId: 'v1-ref', totalRefunded: '30.00' });
		expect(all.items[0].json).toMatchObject({ refund_status: 'refunded', total_refunded: '30.00' });
	});

	test('a wrong amount is refused before any request', async () => {
		const run = node();
		await created(run, 'v11-bad');
		const { error } = await run({
			operation: 'refund',
			orderId: order('v11-bad'),
			refundAmount: '1,50',
		});
		expect(error?.message).toBe(
			'Refund Amount must be an amount such as 49.90, got "1,50" (item 0)',
		);
		expect(methods()).toEqual([]);
	});
});

describe('LoyaltyLion orders: amounts with three decimals (KWD)', () => {
	test('create, refund part and the rest, in minor units at the decimals given', async () => {
		const run = node();
		await created(run, 'kwd-1', { total: '12.345' });
		const part = await run({ operation: 'refund', orderId: order('kwd-1'), refundAmount: '1.005' });
		expect(part.error).toBeUndefined();
		const rest = await run({ operation: 'refund', orderId: order('kwd-1') });
		expect(rest.error).toBeUndefined();
		expect(wire('PUT').map((b) => [b?.total_paid, b?.total_refunded, b?.refund_status])).toEqual([
			['12.345', '1.005', 'partially_refunded'],
			['12.345', '12.345', 'refunded'],
		]);
		const over = await run({ operation: 'refund', orderId: order('kwd-1'), refundAmount: '0.001' });
		expect(over.error?.message).toMatch(
			/cannot be more than what is left to refund \(0\.000\), got 0\.001/,
		);
	});

	test('a refund with more decimals than the order still adds up exactly', async () => {
		const run = node();
		await created(run, 'kwd-2', { total: '0.30' });
		await run({ operation: 'refund', orderId: order('kwd-2'), refundAmount: '0.1' });
		await run({ operation: 'refund', orderId: order('kwd-2'), refundAmount: '0.105' });
		expect(wire('PUT').map((b) => [b?.total_refunded, b?.refund_status])).toEqual([
			['0.10', 'partially_refunded'],
			['0.205', 'partially_refunded'],
		]);
	});
});
