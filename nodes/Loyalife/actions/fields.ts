import type { INodeProperties } from 'n8n-workflow';
import { recordLocator } from '../../shared/descriptions/locator';

export const relationReferenceField: INodeProperties = {
	displayName: 'Member Relation Reference',
	name: 'relationReference',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'MEM0001',
	description: "Your unique reference for the member (Loyalife's RelationReference)",
};

/** An existing member, for operations that act on one: picked by a lookup, or given by relation reference. */
export const memberLocator = (name = 'relationReference'): INodeProperties =>
	recordLocator({
		displayName: 'Member',
		name,
		description:
			"The member: look them up by email, mobile number or relation reference, or give their relation reference (Loyalife's RelationReference)",
		searchMethod: 'searchMembers',
		searchPlaceholder: 'Type an email, mobile number or relation reference...',
		idPlaceholder: 'e.g. MEM0001 (the relation reference)',
	});

export const memberOptionalFields: INodeProperties[] = [
	{
		displayName: 'Date of Birth',
		name: 'dob',
		type: 'dateTime',
		default: '',
		description: 'Birth date (sent as YYYY-MM-DD)',
	},
	{
		displayName: 'Email',
		name: 'email_id',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: 'Email address of the member',
	},
	{
		displayName: 'Full Name',
		name: 'full_name',
		type: 'string',
		placeholder: 'e.g. Ada Lovelace',
		default: '',
		description: 'Full name of the member',
	},
	{
		displayName: 'Gender',
		name: 'gender',
		type: 'options',
		options: [
			{ name: 'Female', value: 'F' },
			{ name: 'Male', value: 'M' },
			{ name: 'Other', value: 'O' },
		],
		default: 'F',
	},
	{
		displayName: 'Mobile Number',
		name: 'mobile_number',
		type: 'string',
		default: '',
		placeholder: '+919876543210',
		description: '7 to 15 digits, optionally with a leading +',
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Active', value: 'Active' },
			{ name: 'Inactive', value: 'Inactive' },
		],
		default: 'Active',
	},
];

/** The fields of one transaction, shared by Create and Create Batch. */
export function transactionFields(): INodeProperties[] {
	return [
		{
			displayName: 'Transaction ID',
			name: 'transactionId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'TXN-2026-001',
			description:
				'Your reference for the transaction. Loyalife does not refuse a repeated ID: the idempotency key (below) is what keeps a retry from counting twice.',
		},
		memberLocator('memberRelationReference'),
		{
			displayName: 'Amount',
			name: 'amount',
			type: 'number',
			required: true,
			default: 0,
			typeOptions: { minValue: 0, numberPrecision: 2 },
			description: 'Transaction amount, greater than 0',
		},
		{
			displayName: 'Transaction Date',
			name: 'transactionDate',
			type: 'dateTime',
			required: true,
			default: '',
			description: 'When the transaction happened',
		},
		{
			displayName: 'Product Code',
			name: 'productCode',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'CARD',
			description: 'Product code configured in your program',
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
			// transactions/insert-transaction: "DR for debit (purchase/earn), CR for credit (reversal)".
			displayName: 'Transaction Type',
			name: 'transactionType',
			type: 'options',
			options: [
				{
					name: 'Purchase (Earns Points)',
					value: 'DR',
					description:
						'A purchase: the member earns points by your program rules (Loyalife type DR, debit)',
				},
				{
					name: 'Reversal (Takes Points Back)',
					value: 'CR',
					description: 'A refund or reversal: points are taken back (Loyalife type CR, credit)',
				},
			],
			default: 'DR',
		},
		{
			displayName: 'Idempotency Key',
			name: 'idempotencyKey',
			type: 'string',
			default: '',
			placeholder: 'order-inv-2026-001',
			description:
				"Loyalife's retry key (_xoxo_api_client_idempotency): the same key is never processed twice, if your program enforces it. Use an ID of the business event, such as the invoice number. Empty: derived from the transaction's fields, so the same transaction sent again gets the same key.",
		},
	];
}
