import type { IExecuteFunctions, INodeExecutionData, INodeProperties, IPollFunctions } from 'n8n-workflow';
import { apiRequest } from '../../../shared/transport';
import { fieldsFor } from '../../../shared/router';
import { cardlytics } from '../../transport';
import { redemptionDateField } from '../common';
import { getRedemptionLink } from './getLink';

export const description: INodeProperties[] = fieldsFor('redemption', 'download', [
	redemptionDateField,
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		placeholder: 'e.g. data',
		required: true,
		default: 'data',
		hint: 'The name of the output binary field to put the file in',
		description: 'Name of the binary field the redemption file is written to',
	},
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData> {
	const binaryPropertyName = this.getNodeParameter('binaryPropertyName', i) as string;
	const link = await getRedemptionLink(this, i);
	return await downloadRedemptionFile(this, i, link, binaryPropertyName);
}

/** Downloads a day's redemption file from its pre-signed link, as an item with the file as binary data. */
export async function downloadRedemptionFile(
	ctx: IExecuteFunctions | IPollFunctions,
	i: number,
	link: { date: string; url: string; requestId?: string },
	binaryPropertyName: string,
): Promise<INodeExecutionData> {
	// The link is pre-signed: its signature is the authorisation, so no bearer token is sent with it.
	const file = await apiRequest<Buffer>(ctx, cardlytics, {
		method: 'GET',
		url: link.url,
		binary: true,
		unauthenticated: true,
		itemIndex: i,
	});
	const mimeType = (file.headers['content-type'] ?? 'text/csv').split(';')[0];
	const fileName = `cardlytics-redemptions-${link.date}.csv`;
	const binary = await ctx.helpers.prepareBinaryData(Buffer.from(file.body), fileName, mimeType);
	return {
		json: { date: link.date, fileName, mimeType, fileSize: file.body.length, requestId: link.requestId ?? null },
		binary: { [binaryPropertyName]: binary },
	};
}
