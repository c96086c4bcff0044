import type { INodeProperties } from 'n8n-workflow';

export const merchantIdField: INodeProperties = {
	displayName: 'External Merchant ID',
	name: 'merchantId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. merchant-123',
	description:
		'Your own ID for the merchant (sent in the path and as merchantId); Cardlytics keys the merchant by it',
};

export const offerIdField: INodeProperties = {
	displayName: 'External Offer ID',
	name: 'offerId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. offer-2026-spring',
	description:
		'Your own ID for the offer (sent in the path and as offerId). Without a separate offer ID, use the merchant ID.',
};

export const redemptionDateField: INodeProperties = {
	displayName: 'Date',
	name: 'date',
	type: 'dateTime',
	required: true,
	default: '',
	description: 'The day whose redemption file to fetch (YYYY-MM-DD); it must be in the past',
};
