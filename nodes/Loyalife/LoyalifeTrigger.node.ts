import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { eventProperty, pollOnce, pollOptionsProperty } from '../shared/polling/polling';
import {
	ASSUMED,
	CREDENTIAL_TYPE,
	instantOf,
	loyalifeSummary,
	settingsOf,
	summaryTime,
} from './transport';

/** Members one trigger watches: one summary listing each per poll. */
const MAX_MEMBERS = 50;

/**
 * Loyalife sends no webhooks and lists no transactions program-wide: the documented listing is one member's
 * transaction summary by date (transactions/get-transaction-summary). This trigger polls it for each member
 * it watches and delivers each new transaction once, keyed on its ExternalReference (unique per transaction),
 * or its Id. Which date DateFrom filters on is not public: assumed the TransactionDate (ASSUMED.summaryDateField),
 * so each poll looks again Look Back days below the newest transaction delivered, for transactions recorded
 * late. Times carry no zone: they are sent and read in the credential's Time Zone (assumed UTC).
 */
export class LoyalifeTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Loyalife Trigger',
		name: 'loyalifeTrigger',
		icon: { light: 'file:../../icons/loyalife.svg', dark: 'file:../../icons/loyalife.dark.svg' },
		group: ['trigger'],
		// The node's section of the README (the service packages' READMEs are made from it).
		documentationUrl: 'https://github.com/n8n-nodes-loyalty/n8n-nodes-loyalty#polling-triggers',
		version: 1,
		subtitle: 'New transaction',
		description:
			'Starts the workflow when new transactions of the members you name are recorded in Loyalife (checked at the interval you set)',
		defaults: { name: 'Loyalife Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [
			eventProperty(
				[{ name: 'New Transaction of a Member', value: 'newTransaction' }],
				'newTransaction',
				'transaction',
			),
			{
				displayName:
					'Loyalife lists transactions per member only: this trigger watches the members you name, not the whole program.',
				name: 'memberNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Member Relation References',
				name: 'members',
				type: 'string',
				required: true,
				default: '',
				placeholder: 'e.g. MEM0001, MEM0002',
				description: `The members to watch, by relation reference, comma-separated (at most ${MAX_MEMBERS})`,
			},
			pollOptionsProperty([
				{
					displayName: 'Look Back (Days)',
					name: 'lookBackDays',
					type: 'number',
					default: 7,
					typeOptions: { minValue: 1, maxValue: 90 },
					description:
						'Each poll asks again for transactions dated up to this many days before the newest one delivered, so one recorded late (dated earlier) is still delivered, once',
				},
			]),
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const members = String(this.getNodeParameter('members', '') ?? '')
			.split(',')
			.map((m) => m.trim())
			.filter(Boolean);
		if (!members.length || members.length > MAX_MEMBERS) {
			throw new NodeOperationError(
				this.getNode(),
				members.length
					? `Member Relation References names ${members.length} members, more than ${MAX_MEMBERS}`
					: 'Member Relation References is required but empty',
				{ description: 'Name the members to watch, comma-separated.' },
			);
		}
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const { timeZone } = await settingsOf(this);
		// A summary record's time: when it happened, read in the deployment's time zone.
		const timeOf = (r: IDataObject) =>
			instantOf(String(r[ASSUMED.summaryDateField] ?? r.ProcessingDate ?? ''), timeZone);
		const since = async (from: Date) => {
			const to = summaryTime(new Date(), timeZone);
			const all: IDataObject[] = [];
			// One member after another: every page of every member, or the poll fails and moves nothing.
			for (const relationReference of members) {
				const records = await loyalifeSummary(
					this,
					0,
					{ relationReference, from: summaryTime(from, timeZone), to },
					undefined,
				);
				for (const r of records) all.push({ RelationReference: relationReference, ...r });
			}
			return all;
		};
		const start = options.startFrom ? new Date(String(options.startFrom)) : undefined;
		return await pollOnce(
			this,
			{
				fetchSince: since,
				fetchLatest: async (count) =>
					(await since(new Date(Date.now() - 365 * 86_400_000)))
						.sort((a, b) => timeOf(a).localeCompare(timeOf(b)))
						.slice(-count),
				timeOf,
				keyOf: (r) => (r.ExternalReference ? String(r.ExternalReference) : `id:${String(r.Id)}`),
				overlapMs: Math.max(1, Number(options.lookBackDays ?? 7) || 7) * 86_400_000,
			},
			// Transactions are dated by day: Start From counts from the start of its day in the deployment's zone.
			{
				startFrom:
					start && !Number.isNaN(start.getTime())
						? instantOf(summaryTime(start, timeZone).slice(0, 10), timeZone)
						: (options.startFrom as string | undefined),
			},
		);
	}
}
