import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { pollDays } from '../shared/polling/days';
import { eventProperty, pollOptionsProperty, startFromOption } from '../shared/polling/polling';
import type { PollTime } from '../shared/polling/schedule';
import { withOwnPollTimes } from '../shared/polling/schedule';
import { NodeConnectionTypes } from 'n8n-workflow';
import { fetchRedemptionLink, parseRedemptionFile } from './redemptions';
import { cardlyticsPresignedDownload, CREDENTIAL_TYPE } from './transport';

/**
 * Redemptions arrive 7 to 14 days late (api-redemption-feed-rest-api) into a file that is not named. 14 days
 * covers a late row added to its transaction day's file only if a poll reads that file before it leaves the
 * window; a wider window leaves more margin.
 */
const DEFAULT_WINDOW_DAYS = 14;

/**
 * Once a day: the redemption REST page says to call once a day for the previous UTC calendar day, and the daily
 * quota is about the number of merchant offers. 06:00 in the workflow's time zone is assumed (any hour after
 * the UTC day has ended serves); n8n's own default would poll every minute.
 */
export const DEFAULT_POLL_TIMES: PollTime[] = [{ mode: 'everyDay', hour: 6, minute: 0 }];

/**
 * The identity of a redemption row. The feed documents `transaction_id` (anonymised per partner) as the
 * transaction's ID (https://platform.cardlytics.com/ads-manager/docs/redemption-feed); it does not say a
 * transaction redeems a single offer, so the offer ID is part of the key. A row without a transaction ID is
 * keyed by a hash of all its fields.
 */
export function redemptionKey(row: IDataObject): string {
	if (row.transaction_id !== undefined && row.transaction_id !== null && row.transaction_id !== '')
		return `tx:${String(row.transaction_id)}/${String(row.partner_offer_id ?? '')}`;
	const sorted = Object.keys(row)
		.sort()
		.map((k) => [k, row[k]]);
	return `row:${JSON.stringify(sorted)}`;
}

/**
 * Cardlytics publishes one redemption file per past UTC day (GET /api/v1/partner/redemptions?date= answers a
 * pre-signed link valid 60 minutes) and adds redemptions 7 to 14 days late to a file it does not name. Each
 * poll therefore reads the files of the last days again (Days to Re-Read) and starts the workflow with the
 * rows it has not delivered before, one item per redemption.
 */
export class CardlyticsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cardlytics Trigger',
		name: 'cardlyticsTrigger',
		icon: {
			light: 'file:../../icons/cardlytics.svg',
			dark: 'file:../../icons/cardlytics.dark.svg',
		},
		group: ['trigger'],
		// The node's section of the README (the service packages' READMEs are made from it).
		documentationUrl: 'https://github.com/n8n-nodes-loyalty/n8n-nodes-loyalty#polling-triggers',
		version: 1,
		subtitle: 'New redemption',
		description:
			'Starts the workflow with each new redemption in the daily Cardlytics redemption files, late ones included',
		defaults: { name: 'Cardlytics Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: withOwnPollTimes(DEFAULT_POLL_TIMES, [
			eventProperty([{ name: 'New Redemption', value: 'redemption' }], 'redemption', 'redemption'),
			{
				displayName: 'Days to Re-Read',
				name: 'windowDays',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 60 },
				default: DEFAULT_WINDOW_DAYS,
				description:
					'How many past days of redemption files each poll reads again, ending yesterday (UTC). Cardlytics adds redemptions up to 14 days late to a file it does not name: a redemption is delivered once if it is added to a file while that file is still in the window at a later poll; one added later is missed, so widen the window for margin. Each poll asks for one file link per day of the window, which counts against your daily Cardlytics quota (roughly your number of merchant offers); whether the file downloads count too is not public (assumed: they may). Cardlytics asks for one call a day: keep Poll Times at once a day.',
			},
			{
				...pollOptionsProperty(),
				options: [
					{
						...startFromOption,
						description:
							'On the first poll after activation, deliver the rows the redemption files of the days from this date (UTC) on already hold; days older than the window are then read once each, 31 a poll. Empty: deliver only rows that appear in the files after activation.',
					},
				],
			},
		]),
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const windowDays = this.getNodeParameter('windowDays', DEFAULT_WINDOW_DAYS) as number;
		return await pollDays(
			this,
			{
				readDay: async (date) => {
					const link = await fetchRedemptionLink(this, 0, date);
					const file = await cardlyticsPresignedDownload(this, 0, link.url);
					return parseRedemptionFile(file.body);
				},
				keyOf: redemptionKey,
				toItems: (rows) =>
					this.helpers.returnJsonArray(rows.map(({ day, row }) => ({ ...row, fileDate: day }))),
			},
			{ windowDays, startFrom: options.startFrom as string | undefined },
		);
	}
}
