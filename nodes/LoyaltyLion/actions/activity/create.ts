import { defineOperation } from '../../../shared/execution/operation';
import type { IDataObject } from 'n8n-workflow';
import { Validator } from '../../../shared/execution/validate';
import { loyaltyLionRequest, PATHS } from '../../transport';
import { booleanOf, createCustomerField, siteIdOf, siteIdOption } from '../fields';

// developers.loyaltylion.com/api-reference/v2/resources/activities/create-activity: query site_id (programs
// with several sites); body name, customer_id (the store's customer ID), customer_email required; merchant_id,
// properties, ip_address, user_agent, date, referral_id, tracking_id, guest (LoyaltyLion's default: true)
// optional. 201 with no body, so the output is what was sent.

/** The optional text fields of the body, with their labels. */
const TEXT_FIELDS: Record<string, string> = {
	merchant_id: 'Activity Merchant ID',
	ip_address: 'IP Address',
	user_agent: 'User Agent',
	referral_id: 'Referral ID',
	tracking_id: 'Tracking ID',
};

export default defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create an activity',
	description: 'Track an activity of a customer, so the program rule it names can award points',
	kind: 'write',
	records: ['customerId'],
	fields: [
		{
			displayName: 'Activity Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. clickthrough',
			description:
				'The rule it triggers: your custom rule identifier such as clickthrough, or a built-in rule name with $ in front such as $signup',
		},
		createCustomerField,
		{
			displayName: 'Customer Email',
			name: 'customerEmail',
			type: 'string',
			placeholder: 'e.g. name@email.com',
			required: true,
			default: '',
			description: "The customer's email address",
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Activity Merchant ID',
					name: 'merchant_id',
					type: 'string',
					placeholder: 'e.g. review-981',
					default: '',
					description:
						'Your own ID for this activity (e.g. the review it is for). Needed to approve, decline or void it later with Activity → Update; an activity tracked without one cannot be updated.',
				},
				{
					displayName: 'Date',
					name: 'date',
					type: 'dateTime',
					default: '',
					description: 'When it happened (LoyaltyLion uses now when not sent)',
				},
				{
					displayName: 'Guest',
					name: 'guest',
					type: 'boolean',
					default: false,
					description:
						'Whether the customer is a guest (not registered in your store). LoyaltyLion assumes true when it is not sent, and custom activities give points only to enrolled customers who are not guests (not even later, once a guest joins): set it off for registered customers.',
				},
				{
					displayName: 'IP Address',
					name: 'ip_address',
					type: 'string',
					placeholder: 'e.g. 203.0.113.7',
					default: '',
					description: "The customer's IP address; with the user agent, used for referral tracking",
				},
				{
					displayName: 'Properties (JSON)',
					name: 'properties',
					type: 'json',
					default: '{}',
					placeholder: 'e.g. {"url": "https://example.com/page"}',
					description:
						'Details some rules need, as a JSON object, e.g. the destination address a Clickthrough or Visit rule needs',
				},
				{
					displayName: 'Referral ID',
					name: 'referral_id',
					type: 'string',
					placeholder: 'e.g. ref-123',
					default: '',
					description: 'The LoyaltyLion referral ID, when the activity came from a referral',
				},
				siteIdOption(
					'For programs with several sites: the site the activity belongs to (sent as the site_id query parameter). Programs with one site leave it empty.',
				),
				{
					displayName: 'Tracking ID',
					name: 'tracking_id',
					type: 'string',
					placeholder: 'e.g. trk-abc',
					default: '',
					description:
						'The LoyaltyLion email tracking ID, when the activity came from a LoyaltyLion email',
				},
				{
					displayName: 'User Agent',
					name: 'user_agent',
					type: 'string',
					placeholder: 'e.g. Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0)',
					default: '',
					description: "The customer's full browser user agent string, used for referral tracking",
				},
			],
		},
	],
	async execute(i) {
		const v = new Validator(this, i);
		const body: IDataObject = {
			name: v.string('name', 'Activity Name'),
			customer_id: v.string('customerId', 'Customer ID in Your Store'),
			customer_email: v.email('customerEmail', 'Customer Email'),
		};
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		for (const [key, label] of Object.entries(TEXT_FIELDS)) {
			if (extra[key] === undefined) continue;
			const text = v.optionalString(`additionalFields.${key}`, `Additional Fields → ${label}`);
			if (text !== undefined) body[key] = text;
		}
		if (extra.properties !== undefined) {
			const properties = v.json('additionalFields.properties', 'Additional Fields → Properties');
			if (properties && Object.keys(properties).length) body.properties = properties as IDataObject;
		}
		if (extra.date) body.date = v.dateTimeValue(extra.date, 'Additional Fields → Date');
		if (extra.guest !== undefined)
			body.guest = booleanOf(v, extra.guest, 'Additional Fields → Guest');
		const siteId = siteIdOf(v, extra.site_id, 'Additional Fields → Site');
		// Not retried after a 5xx: an activity without a merchant_id would be tracked twice.
		await loyaltyLionRequest(this, i, 'POST', PATHS.activities, {
			body,
			qs: siteId ? { site_id: siteId } : {},
		});
		return { ...body, ...(siteId ? { site_id: Number(siteId) } : {}) };
	},
});
