import type { IDataObject } from 'n8n-workflow';
import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { cardlyticsRequest, PATHS } from '../../transport';
import { merchantIdField } from '../common';

export default defineOperation({
	value: 'upsert',
	name: 'Create or Update',
	action: 'Create or update a merchant',
	description: 'Create a new record, or update the current one if it already exists (upsert)',
	kind: 'write',
	records: ['merchantId'],
	fields: [
		merchantIdField,
		{
			displayName: 'Merchant Name',
			name: 'merchantName',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'Blue Bottle Coffee',
			description: 'Name shown to cardholders (up to 100 characters)',
		},
		{
			displayName: 'Merchant Category Code',
			name: 'merchantCategoryCode',
			type: 'string',
			required: true,
			default: '',
			placeholder: '5814',
			description: 'The 4-digit card network MCC of the merchant, e.g. 5814 for fast food',
		},
		{
			displayName: 'Payment Channels',
			name: 'paymentChannels',
			type: 'multiOptions',
			required: true,
			options: [
				{ name: 'In Store', value: 'instore' },
				{ name: 'Online', value: 'online' },
			],
			default: ['online'],
			description: 'Where cardholders pay this merchant; offers are matched on these channels',
		},
		{
			displayName: 'Stores',
			name: 'stores',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Store',
			default: {},
			description: 'Physical locations, needed for in-store offers',
			options: [
				{
					displayName: 'Store',
					name: 'store',
					values: [
						{
							displayName: 'Address',
							name: 'address',
							type: 'string',
							placeholder: 'e.g. 12 Main Street',
							default: '',
							description: 'Street address',
						},
						{
							displayName: 'City',
							name: 'city',
							type: 'string',
							placeholder: 'e.g. Atlanta',
							default: '',
						},
						{
							displayName: 'Country Code',
							name: 'countryCode',
							type: 'string',
							placeholder: 'e.g. US',
							default: 'US',
							description: 'Two-letter ISO 3166-1 code',
						},
						{
							displayName: 'Name',
							name: 'name',
							type: 'string',
							placeholder: 'e.g. Main Street store',
							default: '',
							description: 'Store name, if it differs from the merchant name',
						},
						{
							displayName: 'Postal Code',
							name: 'postalCode',
							type: 'string',
							placeholder: 'e.g. 30301',
							default: '',
						},
						{
							displayName: 'State',
							name: 'state',
							type: 'string',
							placeholder: 'e.g. GA',
							default: '',
							description: 'State or region code, e.g. GA',
						},
						{
							displayName: 'Store ID',
							name: 'storeId',
							type: 'string',
							placeholder: 'e.g. store-001',
							default: '',
							required: true,
							description: 'Your own ID for this store',
						},
					],
				},
			],
		},
		{
			displayName: 'Additional Body Fields (JSON)',
			name: 'additionalFields',
			type: 'json',
			default: '{}',
			description:
				'Other merchant fields your Cardlytics contract defines, merged into the request body as they are',
		},
	],
	async execute(i) {
		const v = new Validator(this, i);
		const merchantId = v.id('merchantId', 'External Merchant ID');
		const merchantName = v.string('merchantName', 'Merchant Name');
		const merchantCategoryCode = v.pattern(
			'merchantCategoryCode',
			'Merchant Category Code',
			/^\d{4}$/,
			'a 4-digit MCC such as 5814',
		);
		const paymentChannels = this.getNodeParameter('paymentChannels', i, []) as string[];
		if (!paymentChannels.length) v.list('paymentChannels', 'Payment Channels');
		const storeEntries = (this.getNodeParameter('stores.store', i, []) as IDataObject[]).map(
			(store) => {
				const clean: IDataObject = {};
				for (const [key, value] of Object.entries(store))
					if (value !== '' && value !== undefined) clean[key] = value;
				return clean;
			},
		);
		const extra = v.json('additionalFields', 'Additional Body Fields (JSON)') ?? {};
		const body: IDataObject = {
			...(extra as IDataObject),
			merchantId,
			merchantName,
			merchantCategoryCode,
			paymentChannels,
			...(storeEntries.length ? { stores: storeEntries } : {}),
		};
		const response = await cardlyticsRequest(this, i, 'PUT', PATHS.merchant(merchantId), { body });
		return {
			merchantId,
			status: response.statusCode,
			message: response.body.message,
			traceId: response.body.trace_id,
			requestId: response.requestId,
		};
	},
});
