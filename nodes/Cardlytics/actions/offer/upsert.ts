import type { IDataObject } from 'n8n-workflow';
import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { cardlyticsRequest, PATHS } from '../../transport';
import { merchantIdField, offerIdField } from '../common';

export default defineOperation({
	value: 'upsert',
	name: 'Create or Update',
	action: 'Create or update an offer',
	description: 'Create a new record, or update the current one if it already exists (upsert)',
	kind: 'write',
	records: ['offerId'],
	fields: [
		merchantIdField,
		offerIdField,
		{
			displayName: 'Offer Name',
			name: 'offerName',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 10% back on coffee',
			description: 'Name of the offer shown to cardholders',
		},
		{
			displayName: 'Logo Image',
			name: 'logoUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. https://example.com/logo.png',
			description:
				'The merchant logo, 627 × 627: a public http(s) image URL, or the image itself as a data URL (RFC 2397, e.g. data:image/png;base64,…)',
		},
		{
			displayName: 'Large Rectangle Image',
			name: 'largeRectangleUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. https://example.com/banner.png',
			description:
				'The large rectangle (hero) image, 1200 × 627, required by Cardlytics: a public http(s) image URL, or a data URL (RFC 2397)',
		},
	],
	async execute(i) {
		const v = new Validator(this, i);
		const merchantId = v.id('merchantId', 'External Merchant ID');
		const offerId = v.id('offerId', 'External Offer ID');
		const offerName = v.string('offerName', 'Offer Name');
		// platform.cardlytics.com/advertisers/docs/api-offer-ingestion: both assets required, each
		// {type: "IMAGE", value: {large: {url}}} or value.large.content (a data URL).
		const assets: IDataObject = {
			logo: imageAsset(v, 'logoUrl', 'Logo Image'),
			largeRectangle: imageAsset(v, 'largeRectangleUrl', 'Large Rectangle Image'),
		};
		// OfferPayload has exactly these fields (offerStatus is for SFTP files only).
		const body: IDataObject = { offerId, merchantId, offerName, assets };
		const response = await cardlyticsRequest(this, i, 'PUT', PATHS.offer(merchantId, offerId), {
			body,
		});
		return {
			merchantId,
			offerId,
			status: response.statusCode,
			message: response.body.message,
			traceId: response.body.trace_id,
		};
	},
});

/**
 * An IMAGE asset from a URL or a data URL (any RFC 2397 data URL goes as content). The spec types url as a
 * URI; requiring http(s) is the node's own check, since Cardlytics must fetch the image.
 */
function imageAsset(v: Validator, name: string, label: string): IDataObject {
	const given = v.string(name, label);
	if (/^data:[^,]*,/.test(given)) return { type: 'IMAGE', value: { large: { content: given } } };
	if (!/^https?:\/\/\S+$/.test(given))
		v.fail(label, 'must be an http(s) URL or a data URL (e.g. data:image/png;base64,…)');
	return { type: 'IMAGE', value: { large: { url: given } } };
}
