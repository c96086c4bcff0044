import type { INodeProperties } from 'n8n-workflow';
import { locatorValue, recordLocator } from '../../shared/descriptions/locator';
import type { FieldPick, OutputVersions } from '../../shared/descriptions/simplify';
import type { Validator } from '../../shared/execution/validate';

export const customerIdField: INodeProperties = recordLocator({
	displayName: 'Customer',
	name: 'merchantId',
	description:
		"The customer: pick them from the list (search by email), or give their ID in your store (LoyaltyLion's merchant_id)",
	searchMethod: 'searchCustomers',
	searchPlaceholder: 'Search by email...',
	idPlaceholder: 'e.g. cust-123 (the customer ID in your store)',
});

/** Add points: 1 to 1,000,000 (customers/add-points); Remove: at least 1, no maximum (remove-points). */
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
		description: "Shown to the customer, and on the customer's page in the LoyaltyLion admin",
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

/** Customer outputs: Simplify up to 1.1, the Output option from 1.2. */
export const CUSTOMER_OUTPUT: OutputVersions = { legacy: [1, 1.1], output: [1.2] };
/** Customer → Update returned the customer whole up to 1.1; the Output option from 1.2. */
export const CUSTOMER_UPDATE_OUTPUT: OutputVersions = { legacy: [], output: [1.2] };

const SITE_ID_WHERE =
	'The site ID is listed by Site → Get Many, and is the number after /sites/ in the LoyaltyLion admin URL.';

/**
 * An optional site (query site_id) for multi-site programs, picked from the program's sites (sites/list-sites,
 * API key or OAuth) or given by ID; `description` says what it does.
 */
export function siteIdOption(description: string): INodeProperties {
	return recordLocator({
		displayName: 'Site',
		name: 'site_id',
		description: [description, SITE_ID_WHERE].join(' '),
		required: false,
		searchMethod: 'searchSites',
		searchPlaceholder: 'Search by name or URL...',
		idPlaceholder: 'e.g. 1001',
		idPattern: { regex: '^\\s*[1-9]\\d*\\s*$', message: 'A site ID is a whole number' },
	});
}

/** A Site ID as LoyaltyLion takes it (a whole number), or undefined when left empty. */
export function siteIdOf(v: Validator, value: unknown, label: string): string | undefined {
	value = locatorValue(value);
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'object')
		v.fail(
			label,
			`must be a site ID (a whole number), got ${Array.isArray(value) ? 'a list' : 'an object'}`,
		);
	const text = String(value).trim();
	if (text === '') return undefined;
	if (!/^[1-9]\d*$/.test(text)) v.fail(label, `must be a site ID (a whole number), got "${text}"`);
	return text;
}

/** The customer of a create (activity, order): picked from the list, or their ID in your store. */
export const createCustomerField: INodeProperties = recordLocator({
	displayName: 'Customer',
	name: 'customerId',
	description:
		"The customer: pick them from the list (search by email), or give their ID in your store (LoyaltyLion's customer_id here, the customer's merchant_id elsewhere)",
	searchMethod: 'searchCustomers',
	searchPlaceholder: 'Search by email...',
	idPlaceholder: 'e.g. cust-123 (the customer ID in your store)',
});

/** A boolean from a collection (an expression may give "true" or "false" as text). */
export function booleanOf(v: Validator, value: unknown, label: string): boolean {
	if (typeof value === 'boolean') return value;
	const text = String(value).trim().toLowerCase();
	if (text === 'true') return true;
	if (text === 'false') return false;
	return v.fail(label, `must be true or false, got "${String(value)}"`);
}

export const removePointsFields: INodeProperties[] = pointsFields.map((field) =>
	field.name === 'points'
		? { ...field, typeOptions: { minValue: 1 }, description: 'Whole number, at least 1' }
		: field,
);
