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

/**
 * Fields that may hold the file's name in the link answer: the REST page says the answer carries the file's
 * name but does not name the field (assumed: one of these spellings).
 */
const NAME_FIELDS = ['fileName', 'filename', 'file_name', 'name'];

/**
 * The binary file's name. n8n needs one; Cardlytics' own name is used when the link answer has one, otherwise
 * the node's own `redemptions-<date>` (never taken from the pre-signed URL, whose path is not a documented name).
 */
function binaryFileNameOf(answer: IDataObject | undefined, date: string): string {
	for (const key of NAME_FIELDS) {
		const value = answer?.[key];
		if (typeof value === 'string' && value.trim()) return value.trim();
	}
	return `redemptions-${date}`;
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
	const binary = await ctx.helpers.prepareBinaryData(
		Buffer.from(file.body),
		binaryFileNameOf(link.answer, link.date),
		mimeType,
	);
	// The link answer's other fields (the REST page's file name and expiry, whatever Cardlytics calls them) come
	// out as sent; on a clash of names Cardlytics' own value is kept. The pre-signed url itself is not output, and
	// no file name is added to the item: only the binary carries the name the node chose.
	const metadata = { ...link.answer };
	delete metadata.url;
	return {
		json: {
			date: link.date,
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
