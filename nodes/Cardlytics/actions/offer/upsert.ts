import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { fieldsFor } from '../../../shared/router';
import { Validator } from '../../../shared/validate';
import { cardlyticsRequest, PATHS } from '../../transport';
import { merchantIdField, offerIdField } from '../common';

export const description: INodeProperties[] = fieldsFor('offer', 'upsert', [
	merchantIdField,
	offerIdField,
	{
		displayName: 'Offer Name',
		name: 'offerName',
		type: 'string',
		required: true,
		default: '',
		placeholder: '10% back on coffee',
		description: 'Name of the offer shown to cardholders (up to 120 characters)',
	},
	{
		displayName: 'Logo Image URL',
		name: 'logoUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com/logo.png',
		description: 'Public URL of the merchant logo, sent as an IMAGE asset',
	},
	{
		displayName: 'Large Rectangle Image URL',
		name: 'largeRectangleUrl',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/banner.png',
		description: 'Public URL of the large rectangle banner image (optional)',
	},
	{
		displayName: 'Additional Body Fields (JSON)',
		name: 'additionalFields',
		type: 'json',
		default: '{}',
		description: 'Other offer fields your Cardlytics contract defines (reward, dates, terms), merged into the body as they are',
	},
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const v = new Validator(this, i);
	const merchantId = v.id('merchantId', 'External Merchant ID');
	const offerId = v.id('offerId', 'External Offer ID');
	const offerName = v.string('offerName', 'Offer Name');
	const logo = v.url('logoUrl', 'Logo Image URL');
	const largeRectangle = v.optionalString('largeRectangleUrl') ? v.url('largeRectangleUrl', 'Large Rectangle Image URL') : undefined;
	const extra = v.json('additionalFields', 'Additional Body Fields (JSON)') ?? {};
	const assets: IDataObject = { logo: { type: 'IMAGE', url: logo } };
	if (largeRectangle) assets.largeRectangle = { type: 'IMAGE', url: largeRectangle };
	const body: IDataObject = { ...(extra as IDataObject), offerId, merchantId, offerName, assets };
	const response = await cardlyticsRequest(this, i, 'PUT', PATHS.offer(merchantId, offerId), { body });
	return {
		merchantId,
		offerId,
		status: response.statusCode,
		message: response.body.message,
		traceId: response.body.trace_id,
		requestId: response.requestId,
	};
}
