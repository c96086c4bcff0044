import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { eventProperty, pollOnce, pollOptionsProperty } from '../shared/polling/polling';
import { CREDENTIAL_TYPE, loyalifeSummary } from './transport';

const day = (time: Date) => time.toISOString().slice(0, 10);

/**
 * Loyalife sends no webhooks: this trigger polls the paged transaction summary by date range and delivers each
 * new transaction once. Transactions carry a day, not a time, so each poll asks again from two days before the
 * newest day delivered and drops the transaction IDs it has delivered.
 */
export class LoyalifeTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Loyalife Trigger',
		name: 'loyalifeTrigger',
		icon: { light: 'file:../../icons/loyalife.svg', dark: 'file:../../icons/loyalife.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'New transaction',
		description:
			'Starts the workflow when new Loyalife transactions are recorded (checked at the interval you set)',
		defaults: { name: 'Loyalife Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [
			eventProperty(
				[{ name: 'New Transaction', value: 'newTransaction' }],
				'newTransaction',
				'transaction',
			),
			pollOptionsProperty([
				{
					displayName: 'Member Relation Reference',
					name: 'member',
					type: 'string',
					default: '',
					placeholder: 'MEM0001',
					description: "Only this member's transactions",
				},
			]),
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const member = String(options.member ?? '').trim() || undefined;
		const since = async (from: Date) =>
			await loyalifeSummary(
				this,
				0,
				{ from_date: day(from), to_date: day(new Date()), member },
				undefined,
			);
		return await pollOnce(
			this,
			{
				fetchSince: since,
				fetchLatest: async (count) =>
					(await since(new Date(Date.now() - 30 * 86_400_000))).slice(-count),
				timeOf: (r) => String(r.TransactionDate ?? ''),
				keyOf: (r) => String(r.TransactionId),
				overlapMs: 2 * 86_400_000,
			},
			// Transactions carry a day: Start From counts from the start of its day.
			{
				startFrom: options.startFrom
					? `${day(new Date(String(options.startFrom)))}T00:00:00Z`
					: undefined,
			},
		);
	}
}
