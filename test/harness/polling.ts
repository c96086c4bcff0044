// Runs a polling trigger's poll() the way n8n's trigger activator does: through n8n-core's PollContext, with
// the workflow's static data read from the "database" before each poll (a JSON copy here) and saved back after
// it only if it changed, as n8n 2.41 does for active polling workflows. A restart is a new Workflow object
// with the saved data, which every poll already is.
import './env';
import { PollContext } from 'n8n-core';
import {
	Workflow,
	type IDataObject,
	type INodeExecutionData,
	type INodeParameters,
	type WorkflowExecuteMode,
} from 'n8n-workflow';
import { triggerNode, type CredentialRef, type Engine } from './engine';

export interface PollingTrigger {
	/** One poll in `mode` ('trigger' as an active workflow polls, 'manual' for Fetch Test Event). */
	poll(mode?: WorkflowExecuteMode, options?: { raw?: false }): Promise<IDataObject[]>;
	poll(mode: WorkflowExecuteMode, options: { raw: true }): Promise<INodeExecutionData[]>;
	/** The node's static data as n8n would have saved it. */
	state(): IDataObject | undefined;
	/** Rewrites the saved state (e.g. to stand for time having passed since the last poll). */
	setState(change: (state: IDataObject | undefined) => IDataObject | undefined): void;
}

export function pollingTrigger(
	engine: Engine,
	{
		type,
		parameters,
		credentials,
	}: { type: string; parameters: INodeParameters; credentials?: CredentialRef },
): PollingTrigger {
	const node = triggerNode({ id: 'poller-under-test', type, parameters, credentials });
	const nodeType = engine.nodeTypes.getByNameAndVersion(node.type, 1);
	if (!nodeType.poll) throw new Error(`${type} has no poll method`);
	const poll = nodeType.poll;
	let persisted = '{}';
	async function run(
		mode: WorkflowExecuteMode = 'trigger',
		{ raw = false }: { raw?: boolean } = {},
	): Promise<IDataObject[] | INodeExecutionData[]> {
		const workflow = new Workflow({
			id: 'wf-poll',
			name: 'poll',
			nodes: [node],
			connections: {},
			active: mode !== 'manual',
			nodeTypes: engine.nodeTypes,
			staticData: JSON.parse(persisted) as IDataObject,
		});
		const context = new PollContext(
			workflow,
			node,
			engine.additionalData(mode, { id: workflow.id }),
			mode,
			'activate',
		);
		const result = await poll.call(context);
		if (workflow.staticData.__dataChanged === true) persisted = JSON.stringify(workflow.staticData);
		return raw ? (result?.[0] ?? []) : (result?.[0] ?? []).map((item) => item.json);
	}
	return {
		poll: run as PollingTrigger['poll'],
		state: () => (JSON.parse(persisted) as Record<string, IDataObject | undefined>)['node:Trigger'],
		setState(change) {
			const data = JSON.parse(persisted) as Record<string, IDataObject | undefined>;
			data['node:Trigger'] = change(data['node:Trigger']);
			persisted = JSON.stringify(data);
		},
	};
}
