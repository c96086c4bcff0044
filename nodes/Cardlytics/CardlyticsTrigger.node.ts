import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { eventProperty, pollOnce, pollOptionsProperty } from '../shared/polling/polling';
import { downloadRedemptionFile } from './redemptions';
import { cardlyticsRequest, CREDENTIAL_TYPE, PATHS } from './transport';

const DAY = 86_400_000;
/** At most this many days are asked for in one poll (a Start From long ago catches up over several polls). */
const MAX_DAYS_PER_POLL = 31;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Cardlytics publishes one redemption file per past day (api-redemption-feed: GET /api/v1/partner/redemptions
 * ?date= answers a pre-signed link valid 60 minutes, for dates in the past). This trigger delivers each day's
 * file once, when the day is over: its link, and the file itself as binary data if asked.
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
		version: 1,
		subtitle: 'New redemption file',
		description:
			"Starts the workflow when a day's Cardlytics redemption file is available (once per past day)",
		defaults: { name: 'Cardlytics Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [
			eventProperty(
				[{ name: 'New Redemption File', value: 'redemptionFile' }],
				'redemptionFile',
				"past day's redemption file",
			),
			{
				displayName: 'Download File',
				name: 'download',
				type: 'boolean',
				default: false,
				description:
					'Whether to attach the file itself as binary data (otherwise only its pre-signed link, valid 60 minutes)',
			},
			{
				displayName: 'Put Output File in Field',
				name: 'binaryPropertyName',
				type: 'string',
				placeholder: 'e.g. data',
				default: 'data',
				displayOptions: { show: { download: [true] } },
				description: 'Name of the binary field the redemption file is written to',
			},
			pollOptionsProperty(),
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const download = this.getNodeParameter('download', false) as boolean;
		const binaryPropertyName = this.getNodeParameter('binaryPropertyName', 'data') as string;
		const link = async (date: string): Promise<IDataObject> => {
			const response = await cardlyticsRequest<{ url: string }>(this, 0, 'GET', PATHS.redemptions, {
				qs: { date },
			});
			return {
				date,
				url: response.body.url,
				validForMinutes: 60,
				requestId: response.requestId ?? null,
			};
		};
		return await pollOnce(
			this,
			{
				// One record per past day starting at or after `since`, to yesterday; days already delivered are not
				// asked for again.
				fetchSince: async (since, seen) => {
					const yesterday = Date.parse(`${dayOf(Date.now())}T00:00:00Z`) - DAY;
					const first = Math.ceil(since.getTime() / DAY) * DAY;
					const out: IDataObject[] = [];
					for (let t = first; t <= yesterday && out.length < MAX_DAYS_PER_POLL; t += DAY) {
						const date = dayOf(t);
						out.push(seen.has(date) ? { date } : await link(date));
					}
					return out;
				},
				fetchLatest: async () => [await link(dayOf(Date.now() - DAY))],
				timeOf: (r) => `${String(r.date)}T00:00:00Z`,
				keyOf: (r) => String(r.date),
				overlapMs: DAY,
				toItems: async (records) =>
					download
						? await Promise.all(
								records.map(
									async (r) =>
										await downloadRedemptionFile(
											this,
											0,
											r as { date: string; url: string },
											binaryPropertyName,
										),
								),
							)
						: this.helpers.returnJsonArray(records),
			},
			{ startFrom: options.startFrom as string | undefined },
		);
	}
}
