import type { INodeProperties } from 'n8n-workflow';
import { operationProperty, type ResourceMap } from '../../shared/router';
import * as merchantDelete from './merchant/delete';
import * as merchantUpsert from './merchant/upsert';
import * as offerDelete from './offer/delete';
import * as offerUpsert from './offer/upsert';
import * as reportGetMerchantPerformance from './report/getMerchantPerformance';
import * as redemptionDownload from './redemption/download';
import * as redemptionGetLink from './redemption/getLink';

export const resources: ResourceMap = {
	merchant: { upsert: merchantUpsert, delete: merchantDelete },
	offer: { upsert: offerUpsert, delete: offerDelete },
	report: { getMerchantPerformance: reportGetMerchantPerformance },
	redemption: { getLink: redemptionGetLink, download: redemptionDownload },
};

export const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Merchant', value: 'merchant', description: 'Merchants (advertisers) and their stores' },
		{ name: 'Offer', value: 'offer', description: 'Card-linked offers of a merchant' },
		{ name: 'Redemption', value: 'redemption', description: 'Daily redemption files' },
		{ name: 'Report', value: 'report', description: 'Merchant performance reports' },
	],
	default: 'merchant',
};

export const operationProperties: INodeProperties[] = [
	operationProperty(
		'merchant',
		[
			{ name: 'Create or Update', value: 'upsert', action: 'Create or update a merchant', description: 'Create a new record, or update the current one if it already exists (upsert)' },
			{ name: 'Delete', value: 'delete', action: 'Delete a merchant', description: 'Delete a merchant and its offers' },
		],
		'upsert',
	),
	operationProperty(
		'offer',
		[
			{ name: 'Create or Update', value: 'upsert', action: 'Create or update an offer', description: 'Create a new record, or update the current one if it already exists (upsert)' },
			{ name: 'Delete', value: 'delete', action: 'Delete an offer', description: 'Delete an offer of a merchant' },
		],
		'upsert',
	),
	operationProperty(
		'report',
		[
			{
				name: 'Get Merchant Performance',
				value: 'getMerchantPerformance',
				action: 'Get a merchant performance report',
				description: 'Impressions, activations, redemptions and spend per day and offer, one item per row',
			},
		],
		'getMerchantPerformance',
	),
	operationProperty(
		'redemption',
		[
			{ name: 'Download File', value: 'download', action: 'Download a redemption file', description: "Download one day's redemption file as binary data" },
			{ name: 'Get File Link', value: 'getLink', action: 'Get a redemption file link', description: "Get the pre-signed link (valid 60 minutes) to one day's redemption file" },
		],
		'getLink',
	),
];
