import type { INodeProperties } from 'n8n-workflow';
import { recordLocator } from '../../shared/descriptions/locator';
import type { FieldPick } from '../../shared/descriptions/simplify';

export const customerIdField: INodeProperties = recordLocator({
	displayName: 'Customer',
	name: 'merchantId',
	description:
		"The customer: pick them from the list (search by email), or give their ID in your store (LoyaltyLion's merchant_id)",
	searchMethod: 'searchCustomers',
	searchPlaceholder: 'Search by email...',
	idPlaceholder: 'e.g. cust-123 (the customer ID in your store)',
});

export const pointsFields: INodeProperties[] = [
	customerIdField,
	{
		displayName: 'Points',
		name: 'points',
		type: 'number',
		required: true,
		default: 1,
		typeOptions: { minValue: 1, maxValue: 1000000 },
		description: 'Whole number from 1 to 1,000,000',
	},
	{
		displayName: 'Reason',
		name: 'reason',
		type: 'string',
		placeholder: 'e.g. Thanks for your review',
		default: '',
		description: 'Shown to the customer in their points history',
	},
];

/** What Simplify keeps of a customer: the fields a workflow usually maps, the tier by name. */
export const CUSTOMER_SIMPLE: FieldPick[] = [
	'id',
	'merchant_id',
	'email',
	'points_approved',
	'points_pending',
	'points_spent',
	['tier', 'loyalty_tier_membership.loyalty_tier.name'],
	'blocked',
	'enrolled',
	'updated_at',
];
