import type { IDataObject } from 'n8n-workflow';
import { recordLocator } from '../../../shared/descriptions/locator';
import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { loyaltyLionRequest, PATHS, WEBVIEW_RATE } from '../../transport';

// developers.loyaltylion.com/api-reference/v2/resources/sites/create-webview-session: scope write_customers;
// body channel (letters, digits, dots, underscores; at least 2), language (ISO 639-1), currency (ISO 4217),
// customer {merchant_id, email} only for a shopper already authenticated; 201 {webview_session: {url,
// expires_at}}; 100 requests per second for this endpoint.

const CHANNEL = /^[A-Za-z0-9._]{2,}$/;

export default defineOperation({
	value: 'createWebviewSession',
	name: 'Create WebView Session',
	action: 'Create a WebView session',
	description:
		"Get a short-lived URL of the site's Loyalty Page to embed in an app (a WebView), optionally for a signed-in customer",
	kind: 'write',
	records: ['siteId'],
	fields: [
		recordLocator({
			displayName: 'Site',
			name: 'siteId',
			description:
				"The site whose Loyalty Page to show: pick it from the program's sites (needs an API key or OAuth2), or give its LoyaltyLion site ID (the number after /sites/ in the LoyaltyLion admin URL)",
			searchMethod: 'searchSites',
			searchPlaceholder: 'Search by name or URL...',
			idPlaceholder: 'e.g. 1001',
			idPattern: {
				regex: '^\\s*[1-9]\\d*\\s*$',
				message: 'A site ID is a whole number of at least 1',
			},
		}),
		{
			displayName: 'Channel',
			name: 'channel',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. my_app.ios',
			description:
				"Your app's name: at least 2 characters, only letters, digits, dots and underscores",
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description:
				"Options of the session; without them the site's defaults apply and no customer is signed in",
			options: [
				{
					displayName: 'Currency',
					name: 'currency',
					type: 'string',
					default: '',
					placeholder: 'e.g. usd',
					description:
						"ISO 4217 currency code to show amounts in; missing or not supported by the site: the site's default",
				},
				{
					displayName: 'Customer',
					name: 'customer',
					type: 'fixedCollection',
					default: {},
					placeholder: 'Add Customer',
					description:
						'Only for a shopper your app has already authenticated (e.g. Shopify login, Multipass): the WebView is then for that customer',
					options: [
						{
							displayName: 'Customer',
							name: 'details',
							values: [
								{
									displayName: 'Customer ID in Your Store',
									name: 'merchant_id',
									type: 'string',
									required: true,
									default: '',
									placeholder: 'e.g. cust-123',
									description: "The customer's ID in your store (LoyaltyLion's merchant_id)",
								},
								{
									displayName: 'Email',
									name: 'email',
									type: 'string',
									required: true,
									default: '',
									placeholder: 'e.g. name@email.com',
									description: "The customer's email address",
								},
							],
						},
					],
				},
				{
					displayName: 'Language',
					name: 'language',
					type: 'string',
					default: '',
					placeholder: 'e.g. en',
					description:
						"ISO 639-1 language code of the page; missing or not supported by the site: the site's default",
				},
			],
		},
	],
	async execute(i) {
		const v = new Validator(this, i);
		const siteId = v.id('siteId', 'Site ID');
		if (!/^[1-9]\d*$/.test(siteId))
			v.fail('Site ID', `must be a LoyaltyLion site ID (a whole number), got "${siteId}"`);
		const channel = v.pattern(
			'channel',
			'Channel',
			CHANNEL,
			'at least 2 letters, digits, dots or underscores',
		);
		const body: IDataObject = { channel };
		for (const [key, label] of [
			['language', 'Language'],
			['currency', 'Currency'],
		]) {
			const text = v.optionalString(`additionalFields.${key}`, `Additional Fields → ${label}`);
			if (text !== undefined) body[key] = text;
		}
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const customer = (extra.customer as IDataObject | undefined)?.details as
			| IDataObject
			| undefined;
		if (customer) {
			const label = 'Additional Fields → Customer';
			const merchantId = String(customer.merchant_id ?? '').trim();
			if (!merchantId) v.fail(`${label} → Customer ID in Your Store`, 'is required but empty');
			body.customer = {
				merchant_id: merchantId,
				email: v.emailValue(customer.email, `${label} → Email`),
			};
		}
		const { body: answer } = await loyaltyLionRequest<IDataObject>(
			this,
			i,
			'POST',
			PATHS.webviewSessions(siteId),
			{ body, rateLimit: WEBVIEW_RATE },
		);
		return (answer?.webview_session as IDataObject | undefined) ?? {};
	},
});
