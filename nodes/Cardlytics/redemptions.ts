import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { Validator } from '../shared/execution/validate';
import { csvRecords } from '../shared/formats/csv';
import { cardlyticsPresignedDownload, cardlyticsRequest, PATHS } from './transport';

/**
 * GET /api/v1/partner/redemptions?date= (https://platform.cardlytics.com/advertisers/docs/api-redemption-feed-rest-api):
 * a pre-signed link (valid 60 minutes) to one past UTC day's redemption file. The OpenAPI defines only `url`;
 * the REST page says the answer also carries the file's name and expiration window without naming those
 * fields, so the answer is passed on as Cardlytics sends it, nothing added.
 */
export async function fetchRedemptionLink(
	ctx: IExecuteFunctions | IPollFunctions,
	i: number,
	date: string,
): Promise<{ answer: IDataObject; url: string }> {
	const response = await cardlyticsRequest<IDataObject>(ctx, i, 'GET', PATHS.redemptions, {
		qs: { date },
	});
	const answer = response.body && typeof response.body === 'object' ? response.body : {};
	if (typeof answer.url !== 'string' || !answer.url)
		throw new NodeApiError(
			ctx.getNode(),
			{ message: 'No url in the answer' },
			{
				message: `Cardlytics answered the redemption link request for ${date} without a url`,
				itemIndex: i,
			},
		);
	return { answer, url: answer.url };
}

/** The link for the item's Date field (a past day, checked before anything is sent). */
export async function getRedemptionLink(ctx: IExecuteFunctions, i: number) {
	const date = new Validator(ctx, i).date('date', 'Date', { past: true });
	return { date, ...(await fetchRedemptionLink(ctx, i, date)) };
}

/** The file's name: the last segment of the pre-signed link's path (the stored object's name). */
function fileNameOf(url: string, date: string): string {
	try {
		const last = new URL(url).pathname.split('/').filter(Boolean).pop();
		if (last) return decodeURIComponent(last);
	} catch {
		// not a URL the parser takes: fall back to the day
	}
	return `cardlytics-redemptions-${date}`;
}

/** Downloads a day's redemption file from its pre-signed link, as an item with the file as binary data. */
export async function downloadRedemptionFile(
	ctx: IExecuteFunctions | IPollFunctions,
	i: number,
	link: { date: string; url: string; answer?: IDataObject },
	binaryPropertyName: string,
): Promise<INodeExecutionData> {
	const file = await cardlyticsPresignedDownload(ctx, i, link.url);
	const mimeType = (file.headers['content-type'] ?? 'application/octet-stream').split(';')[0];
	const fileName = fileNameOf(link.url, link.date);
	const binary = await ctx.helpers.prepareBinaryData(Buffer.from(file.body), fileName, mimeType);
	// The link answer's other fields (the REST page's file name and expiry, whatever Cardlytics calls them) come
	// out as sent; on a clash of names Cardlytics' own value is kept. The pre-signed url itself is not output.
	const metadata = { ...link.answer };
	delete metadata.url;
	return {
		json: {
			date: link.date,
			fileName,
			mimeType,
			fileSize: file.body.length,
			...metadata,
		},
		binary: { [binaryPropertyName]: binary },
	};
}

/** The redemption feed's numeric field (https://platform.cardlytics.com/ads-manager/docs/redemption-feed). */
const NUMERIC = new Set(['transaction_amount']);

/**
 * The rows of a redemption file. Its format is not public (assumed: CSV with a header line, JSON lines, or a
 * JSON list, told apart by the first character); an empty cell is null (card_type and card_last_four are
 * nullable) and transaction_amount a number, as the feed's field list types them.
 */
export function parseRedemptionFile(content: Buffer | string): IDataObject[] {
	const textContent = (typeof content === 'string' ? content : content.toString('utf8')).replace(
		/^\uFEFF/,
		'',
	);
	const trimmed = textContent.trim();
	if (!trimmed) return [];
	if (trimmed.startsWith('[')) return JSON.parse(trimmed) as IDataObject[];
	if (trimmed.startsWith('{'))
		return trimmed
			.split(/\r?\n/)
			.filter((l) => l.trim() !== '')
			.map((l) => JSON.parse(l) as IDataObject);
	const [head, ...records] = csvRecords(trimmed);
	const header = head.map((h) => h.trim());
	return records.map((cells) => {
		const row: IDataObject = {};
		header.forEach((name, c) => {
			const cell = cells[c] ?? '';
			if (cell === '') row[name] = null;
			else if (NUMERIC.has(name) && cell.trim() !== '' && Number.isFinite(Number(cell)))
				row[name] = Number(cell);
			else row[name] = cell;
		});
		return row;
	});
}
