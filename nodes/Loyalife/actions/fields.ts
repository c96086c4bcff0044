import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { recordLocator } from '../../shared/descriptions/locator';
import { readCollection, Validator } from '../../shared/execution/validate';
import { ASSUMED } from '../transport';

const REF = 'https://help-loyalife.xoxoday.com/api-reference';

/** An existing member, picked by a lookup or given by relation reference (Loyalife's RelationReference). */
export const memberLocator = (name = 'relationReference'): INodeProperties =>
	recordLocator({
		displayName: 'Member',
		name,
		description:
			"The member: look them up by email, mobile number or relation reference, or give their relation reference (Loyalife's RelationReference, the member's permanent ID)",
		searchMethod: 'searchMembers',
		searchPlaceholder: 'Type an email, mobile number or relation reference...',
		idPlaceholder: 'e.g. MEM0001 (the relation reference)',
	});

/** The member's relation reference from the Member field. */
export function relationReferenceOf(ctx: IExecuteFunctions, i: number, name = 'relationReference') {
	return new Validator(ctx, i).string(name, 'Member');
}

/**
 * Member status codes, sent as strings (members/create-profile): a new enrolment is Inactive (5) until it is
 * activated, which is what the page advises sending.
 */
export const STATUS_OPTIONS = [
	{ name: 'Active (1): Can Earn, Redeem and Log In', value: '1' },
	{ name: 'Suspended (2)', value: '2' },
	{ name: 'Login Blocked (3): No Login, Other Operations May Work', value: '3' },
	{ name: 'Canceled (4)', value: '4' },
	{ name: 'Inactive (5): The Default for New Enrolments', value: '5' },
	{ name: 'Membership Blocked (6)', value: '6' },
];

/** The profile attributes of create and update, as members/create-profile names them. */
export const profileFields: INodeProperties[] = [
	{
		displayName: 'Address',
		name: 'address',
		type: 'string',
		default: '',
		placeholder: 'e.g. 123 Main Street, Mumbai',
		description:
			'Postal address (sent as "address", an assumed field name: the page does not show it)',
	},
	{
		displayName: 'Date of Birth',
		name: 'dob',
		type: 'dateTime',
		default: '',
		description: 'Birth date, sent as YYYY-MM-DD',
	},
	{
		displayName: 'Email',
		name: 'email_id',
		type: 'string',
		placeholder: 'e.g. name@email.com',
		default: '',
		description: 'Email address of the member',
	},
	{
		displayName: 'Full Name',
		name: 'full_name',
		type: 'string',
		placeholder: 'e.g. Jane Doe',
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
		description: 'M, F or O, as the profile answers it',
	},
	{
		displayName: 'Mobile Number',
		name: 'mobile_number',
		type: 'string',
		default: '',
		placeholder: 'e.g. +919876543210',
		description: 'In international format',
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: STATUS_OPTIONS,
		default: '5',
		description: 'Membership status, sent as its code',
	},
];

/** Custom attributes of the program's member schema (CPD attributes): any key the program defines. */
export const customAttributesField: INodeProperties = {
	displayName: 'Custom Attributes',
	name: 'customAttributes',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Attribute',
	default: {},
	description:
		"Attributes your program's member schema defines (mandatory ones must be sent on create), by their keys",
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
					placeholder: 'e.g. city',
					description: "The attribute's key in your program's schema (not its display name)",
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
					placeholder: 'e.g. Mumbai',
				},
			],
		},
	],
};

/**
 * The profile attributes given in a collection, as Loyalife takes them: dates as YYYY-MM-DD, blanks left out.
 * `fieldOf` names the field that sets each checked body key (relation_reference, status, ...): a custom
 * attribute with such a key is refused, as it would replace the checked value on the wire.
 */
export function profileData(
	ctx: IExecuteFunctions,
	i: number,
	collection: string,
	label: string,
	fieldOf: Record<string, string> = {},
): IDataObject {
	const v = new Validator(ctx, i);
	const data = readCollection(ctx, i, collection, (key, value, _v, out) => {
		if (typeof value === 'object') v.fail(`${label} → ${key}`, 'must be text');
		if (key === 'dob') {
			const day = /^\d{4}-\d{2}-\d{2}/.exec(String(value))?.[0];
			if (!day) v.fail(`${label} → Date of Birth`, `must be a date, got "${String(value)}"`);
			out.dob = day;
		} else if (key === 'email_id') out.email_id = v.emailValue(value, `${label} → Email`);
		// The address field's name is not public (ASSUMED.addressField); the parameter keeps its own name.
		else if (key === 'address') out[ASSUMED.addressField] = String(value).trim();
		else out[key] = String(value).trim();
	});
	const custom = (ctx.getNodeParameter('customAttributes', i, {}) as IDataObject).attribute as
		| IDataObject[]
		| undefined;
	for (const [k, entry] of (custom ?? []).entries()) {
		const key = String(entry.key ?? '').trim();
		if (!key) v.fail(`Custom Attributes (${k + 1}) → Key`, 'is required but empty');
		const field = reservedField(key, label, fieldOf);
		if (field)
			v.fail(
				`Custom Attributes (${k + 1}) → Key`,
				`"${key}" is not a custom attribute: it is sent by the ${field} field, set it there instead`,
			);
		if (key in data)
			v.fail(`Custom Attributes (${k + 1}) → Key`, `"${key}" is already set by a field above`);
		data[key] = String(entry.value ?? '');
	}
	return data;
}

/**
 * The field that sends body key `key` (compared without case): the keys the caller names, and the profile
 * attributes of the collection (the address under its assumed name, ASSUMED.addressField).
 */
function reservedField(
	key: string,
	label: string,
	fieldOf: Record<string, string>,
): string | undefined {
	const all: Record<string, string> = { ...fieldOf };
	for (const f of profileFields) {
		const wire = f.name === 'address' ? ASSUMED.addressField : f.name;
		all[wire] ??= `${label} → ${f.displayName}`;
	}
	return Object.entries(all).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
}

/** OtpType: the 24 values both generate and verify pages list (TwoFA in mixed case). */
const OTP_TYPES = [
	['ACTIVATION', 'Account Activation'],
	['LOGIN', 'Login'],
	['FORGOTPWD', 'Forgot Password'],
	['CHANGEPASSWORD', 'Change Password (Logged In)'],
	['RESETPASSWORD', 'Reset Password (by an Admin)'],
	['FORGOTUSERNAME', 'Forgot Username'],
	['TwoFA', 'Two-Factor Authentication'],
	['UNBLOCKMEMBER', 'Unblock Member'],
	['NONE', 'None'],
	['CASHBACKCONFIRM', 'Cashback Confirmation'],
	['POINTTRANSFERCONFIRM', 'Point Transfer Confirmation'],
	['FAMILYPOOLINGMERGE', 'Family Pooling Merge'],
	['FAMILYPOOLINGUNMERGE', 'Family Pooling Unmerge'],
	['AIRREVIEWNCONFIRM', 'Air Review and Confirm'],
	['DOMESTICFLIGHTREVIEWNCONFIRM', 'Domestic Flight Review and Confirm'],
	['HOTELREVIEWNCONFIRM', 'Hotel Review and Confirm'],
	['CARREVIEWNCONFIRM', 'Car Review and Confirm'],
	['GIFTCARDREVIEWNCONFIRM', 'Gift Card Review and Confirm'],
	['PACKAGEREVIEWNCONFIRM', 'Package Review and Confirm'],
	['SHOPREVIEWNCONFIRM', 'Shop Review and Confirm'],
	['SHOPDIGITALREVIEWNCONFIRM', 'Shop Digital Review and Confirm'],
	['MERCHANTREVIEWNCONFIRM', 'Merchant Review and Confirm'],
	['ISPREVIEWNCONFIRM', 'ISP Review and Confirm'],
	['INSURANCEREVIEWNCONFIRM', 'Insurance Review and Confirm'],
];

export const otpTypeField: INodeProperties = {
	displayName: 'OTP Type',
	name: 'otpType',
	type: 'options',
	options: OTP_TYPES.map(([value, name]) => ({ name: `${name} (${value})`, value })).sort((a, b) =>
		a.name.localeCompare(b.name),
	),
	default: 'LOGIN',
	description: `What the code is for. Verify must use the type the code was generated with (${REF}/otp/generate-otp).`,
};

/** How an OTP call identifies the member: e-mail (documented) or relation reference. */
export const otpMemberFields = (verify: boolean): INodeProperties[] => [
	{
		displayName: 'Identify Member By',
		name: 'by',
		type: 'options',
		options: [
			{
				name: 'Email',
				value: 'email',
				description: verify
					? 'Verify OTP: the member by e-mail'
					: 'Generate OTP: the member by e-mail',
			},
			{
				name: 'Relation Reference',
				value: 'relationReference',
				description: verify
					? 'Verify OTP by Relation Reference'
					: 'Generate OTP by Relation Reference (its path is not public: assumed)',
			},
		],
		default: 'email',
		description: 'Whether the member is given by e-mail address or by relation reference',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. name@email.com',
		displayOptions: { show: { by: ['email'] } },
		description: "The member's e-mail address",
	},
	{ ...memberLocator(), displayOptions: { show: { by: ['relationReference'] } } },
];

/** LoyaltyTxnType of a redemption (payment-gateway/redeem-points): a category code. */
export const REDEMPTION_TYPES = [
	{ name: 'Air / Flight (6)', value: 6 },
	{ name: 'Charity (19)', value: 19 },
	{ name: 'Gift Card (30)', value: 30 },
	{ name: 'Hotel (5)', value: 5 },
	{ name: 'Miles / Points Transfer (4)', value: 4 },
	{ name: 'Other Code (Set Below)', value: 0 },
];
