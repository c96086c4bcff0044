import type { IExecuteFunctions, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { Validator } from '../shared/execution/validate';
import { cardlyticsPresignedDownload, cardlyticsRequest, PATHS } from './transport';

/** Asks Cardlytics for the pre-signed link to one day's redemption file. */
export async function getRedemptionLink(
	ctx: IExecuteFunctions,
	i: number,
): Promise<{ date: string; url: string; requestId?: string }> {
	const date = new Validator(ctx, i).date('date', 'Date', { past: true });
	const response = await cardlyticsRequest<{ url: string }>(ctx, i, 'GET', PATHS.redemptions, {
		qs: { date },
	});
	return { date, url: response.body.url, requestId: response.requestId };
}

/** Downloads a day's redemption file from its pre-signed link, as an item with the file as binary data. */
export async function downloadRedemptionFile(
	ctx: IExecuteFunctions | IPollFunctions,
	i: number,
	link: { date: string; url: string; requestId?: string },
	binaryPropertyName: string,
): Promise<INodeExecutionData> {
	const file = await cardlyticsPresignedDownload(ctx, i, link.url);
	const mimeType = (file.headers['content-type'] ?? 'text/csv').split(';')[0];
	const fileName = `cardlytics-redemptions-${link.date}.csv`;
	const binary = await ctx.helpers.prepareBinaryData(Buffer.from(file.body), fileName, mimeType);
	return {
		json: {
			date: link.date,
			fileName,
			mimeType,
			fileSize: file.body.length,
			requestId: link.requestId ?? null,
		},
		binary: { [binaryPropertyName]: binary },
	};
}
