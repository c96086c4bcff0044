import type {
	IDataObject,
	INodeExecutionData,
	JsonObject,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { eventProperty, pollOnce, pollOptionsProperty } from '../shared/polling/polling';
import {
	ASSUMED,
	CREDENTIAL_TYPE,
	instantOf,
	loyalifeSummary,
	settingsOf,
	summaryTime,
} from './transport';

/**
 * Whether a summary failed because Loyalife does not know the member: ErrorCode 103, "member does not exist".
 * Assumed: transactions/get-transaction-summary documents no error codes; 103 is that meaning on
 * transactions/insert-transaction and payment-gateway/check-availability.
 */
function memberMissing(error: unknown): boolean {
	return (
		error instanceof NodeApiError &&
		/ErrorCode 103\b/.test(`${error.message} ${error.description ?? ''}`)
	);
}

/** Members one trigger watches: one summary listing each per poll. */
const MAX_MEMBERS = 50;
/**
 * Fetch Test Event looks this far back, in turn, until it has the records it shows; a member with nothing in
 * the last year shows no test event.
 */
const LATEST_WINDOWS_DAYS = [7, 30, 90, 365];

/**
 * The Loyalife reference documents no webhooks and no program-wide transaction listing: the documented listing is one member's
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
					'The Loyalife reference documents transaction listing per member only: this trigger watches the members you name, not the whole program. A member Loyalife does not know (ErrorCode 103, assumed) is skipped once the trigger is active (the others are delivered); Fetch Test Event names it. Fetch Test Event shows the latest transactions of the last 7, 30, 90 or at most 365 days: none in the last year, no test event.',
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
			const unknown: string[] = [];
			// One member after another: every page of every member, or the poll fails and moves nothing. A member
			// Loyalife says does not exist (ErrorCode 103) has no transactions to lose: the others are delivered.
			for (const relationReference of members) {
				let records: IDataObject[];
				try {
					// No item index: a trigger has no input items, so its messages name none.
					records = await loyalifeSummary(
						this,
						undefined,
						{ relationReference, from: summaryTime(from, timeZone), to },
						undefined,
					);
				} catch (error) {
					if (!memberMissing(error))
						throw error instanceof NodeApiError
							? error
							: new NodeApiError(this.getNode(), error as JsonObject);
					unknown.push(relationReference);
					continue;
				}
				for (const r of records) all.push({ RelationReference: relationReference, ...r });
			}
			if (unknown.length) {
				const text = `Loyalife does not know ${unknown.length === 1 ? 'member' : 'members'} ${unknown.join(', ')} (ErrorCode 103, read as "member does not exist": assumed for this listing)`;
				// Fetch Test Event shows the typo at once; an active trigger delivers the other members and logs it.
				if (this.getMode() === 'manual')
					throw new NodeOperationError(
						this.getNode(),
						`${text}: check Member Relation References`,
						{
							description:
								'Once active, the trigger skips a member Loyalife does not know (a warning in the n8n log) and delivers the others; the member is watched again on every poll, so one enrolled later is picked up.',
						},
					);
				this.logger.warn(`${text}: skipped this poll, the other members delivered`);
			}
			return all;
		};
		const start = options.startFrom ? new Date(String(options.startFrom)) : undefined;
		return await pollOnce(
			this,
			{
				fetchSince: since,
				// The summary has no newest-first order: a widening window (a week, a month, a quarter, a year) finds
				// the latest records without reading a busy member's whole year.
				fetchLatest: async (count) => {
					let found: IDataObject[] = [];
					for (const days of LATEST_WINDOWS_DAYS) {
						found = await since(new Date(Date.now() - days * 86_400_000));
						if (found.length >= count) break;
					}
					return found.sort((a, b) => timeOf(a).localeCompare(timeOf(b))).slice(-count);
				},
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
