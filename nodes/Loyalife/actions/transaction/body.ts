import { createHash } from 'crypto';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { Validator } from '../../../shared/execution/validate';
import { IDEMPOTENCY_FIELD, summaryTime } from '../../transport';
import { memberLocator } from '../fields';

/** The fields of one transaction (transactions/insert-transaction), shared by Create and Create Batch. */
export function transactionFields({ batch }: { batch: boolean }): INodeProperties[] {
	return [
		{
			displayName: 'Transaction ID',
			name: 'transactionId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. TXN-2026-001',
			description: batch
				? 'Your reference for the transaction. Loyalife does not refuse a repeated ID: the idempotency key (below) keeps a resend from counting twice, where your program enforces it.'
				: 'Your reference for the transaction. Loyalife does not refuse a repeated ID, so the same transaction sent twice counts twice.',
		},
		memberLocator('memberRelationReference'),
		{
			displayName: 'Amount',
			name: 'amount',
			type: 'number',
			required: true,
			default: 1,
			typeOptions: { minValue: 0.01, numberPrecision: 2 },
			description: 'Transaction amount, more than 0; the points follow from your program rules',
		},
		{
			displayName: 'Transaction Date',
			name: 'transactionDate',
			type: 'dateTime',
			required: true,
			default: '',
			description:
				"When the transaction happened, sent as YYYY-MM-DD. A time with a zone (e.g. from $now) is converted to its day in the credential's Time Zone (the deployment's); one without a zone is that day as written.",
		},
		{
			displayName: 'Product Code',
			name: 'productCode',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. CARD',
			description: 'Product or merchant code configured in your program',
		},
		{
			displayName: 'Sub Product Code',
			name: 'subProductCode',
			type: 'string',
			placeholder: 'e.g. GOLD',
			default: '',
			description: 'Optional sub product code',
		},
		{
			// transactions/insert-transaction: DR = debit = a purchase that EARNS points, CR = credit = a reversal.
			displayName: 'Transaction Type',
			name: 'transactionType',
			type: 'options',
			options: [
				{
					name: 'Purchase (Earns Points)',
					value: 'DR',
					description: 'A purchase: the member earns points by your program rules (type DR, debit)',
				},
				{
					name: 'Reversal (Takes Points Back)',
					value: 'CR',
					description: 'A refund or reversal: points are taken back (type CR, credit)',
				},
			],
			default: 'DR',
		},
		{
			displayName: 'Local Attributes',
			name: 'localAttributes',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Attribute',
			default: {},
			description:
				"Program-specific transaction attributes your program's configuration defines, sent as extra fields of the transaction. Whether a program without them refuses them is not public (assumed: the simulator's demo program refuses them).",
			options: [
				{
					displayName: 'Attribute',
					name: 'attribute',
					values: [
						{
							displayName: 'Key',
							name: 'key',
							type: 'string',
							default: '',
							placeholder: 'e.g. store_id',
							description: "The attribute's key in your program's configuration",
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							placeholder: 'e.g. STORE-42',
						},
					],
				},
			],
		},
		...(batch
			? [
					{
						displayName: 'Idempotency Key',
						name: 'idempotencyKey',
						type: 'string',
						default: '',
						placeholder: 'e.g. order-inv-2026-001',
						description:
							"Loyalife's retry key (_xoxo_api_client_idempotency): the same key is not processed twice where your program enforces it. Use an ID of the business event, such as the invoice number. Empty: derived from the transaction's fields, so the same transaction sent again gets the same key.",
					} as INodeProperties,
				]
			: []),
	];
}

/**
 * The day of a transaction date in the deployment's zone (transactions/insert-transaction: "timestamps are
 * interpreted in the deployment's timezone"). A value with a zone is an instant: its day there; without a
 * zone it is already the deployment's wall clock.
 */
function dayIn(day: string, ctx: IExecuteFunctions, i: number, timeZone: string): string {
	const raw = String(ctx.getNodeParameter('transactionDate', i, '') ?? '').trim();
	if (!/T.*([zZ]|[+-]\d\d:?\d\d)$/.test(raw)) return day;
	const instant = new Date(raw);
	return Number.isNaN(instant.getTime()) ? day : summaryTime(instant, timeZone).slice(0, 10);
}

/**
 * One transaction's body from an item's fields, checked before sending (transactions/insert-transaction;
 * insert-transaction-v2 writes the type in lower case and carries the idempotency key inside each object).
 */
export function transactionBody(
	ctx: IExecuteFunctions,
	i: number,
	programId: string,
	{ batch = false, timeZone }: { batch?: boolean; timeZone: string },
): IDataObject {
	const v = new Validator(ctx, i);
	const type = v.string('transactionType', 'Transaction Type').toUpperCase();
	if (type !== 'DR' && type !== 'CR')
		v.fail('Transaction Type', `must be DR (purchase) or CR (reversal), got "${type}"`);
	const body: IDataObject = {
		transaction_id: v.string('transactionId', 'Transaction ID'),
		amount: v.number('amount', 'Amount', { min: 0.01 }),
		transaction_date: dayIn(v.date('transactionDate', 'Transaction Date'), ctx, i, timeZone),
		product_code: v.string('productCode', 'Product Code'),
		member_relation_reference: v.string('memberRelationReference', 'Member'),
		transaction_type: batch ? type.toLowerCase() : type,
	};
	const sub = v.optionalString('subProductCode', 'Sub Product Code');
	if (sub) body.sub_product_code = sub;
	// transactions/insert-transaction: program-specific "local" attributes are extra fields of the transaction.
	const local = (ctx.getNodeParameter('localAttributes', i, {}) as IDataObject).attribute as
		| IDataObject[]
		| undefined;
	for (const [k, entry] of (local ?? []).entries()) {
		const key = String(entry.key ?? '').trim();
		const label = `Local Attributes (${k + 1}) → Key`;
		if (!key) v.fail(label, 'is required but empty');
		if (key in body || key === 'sub_product_code' || key === IDEMPOTENCY_FIELD)
			v.fail(label, `"${key}" is a field of the transaction itself: set it above`);
		body[key] = String(entry.value ?? '');
	}
	if (!batch) return body;
	const key =
		v.optionalString('idempotencyKey', 'Idempotency Key') ??
		derivedKey(programId, { ...body, transaction_type: type });
	return { [IDEMPOTENCY_FIELD]: key, ...body };
}

/** The same transaction of the same program always gets the same key. */
function derivedKey(programId: string, transaction: IDataObject): string {
	return (
		'n8n-' +
		createHash('sha256')
			.update(programId)
			.update(JSON.stringify(transaction))
			.digest('hex')
			.slice(0, 40)
	);
}
