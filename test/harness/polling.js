'use strict';
// Runs a polling trigger's poll() the way n8n's trigger activator does: through n8n-core's PollContext, with
// the workflow's static data read from the "database" before each poll (a JSON copy here) and saved back after
// it only if it changed, as n8n 2.41 does for active polling workflows. A restart is a new Workflow object
// with the saved data, which every poll already is.
const { PollContext } = require('n8n-core');
const { Workflow } = require('n8n-workflow');
const { triggerNode } = require('./engine');

function pollingTrigger(engine, { type, parameters, credentials }) {
	const node = triggerNode({ id: 'poller-under-test', type, parameters, credentials });
	const nodeType = engine.nodeTypes.getByNameAndVersion(node.type, 1);
	let persisted = '{}';
	return {
		/** One poll in `mode` ('trigger' as an active workflow polls, 'manual' for Fetch Test Event). */
		async poll(mode = 'trigger', { raw = false } = {}) {
			const workflow = new Workflow({
				id: 'wf-poll',
				name: 'poll',
				nodes: [node],
				connections: {},
				active: mode !== 'manual',
				nodeTypes: engine.nodeTypes,
				staticData: JSON.parse(persisted),
			});
			const context = new PollContext(
				workflow,
				node,
				engine.additionalData(mode, { id: workflow.id }),
				mode,
				'activate',
			);
			const result = await nodeType.poll.call(context);
			if (workflow.staticData.__dataChanged === true)
				persisted = JSON.stringify(workflow.staticData);
			return raw ? (result?.[0] ?? []) : (result?.[0] ?? []).map((item) => item.json);
		},
		/** The node's static data as n8n would have saved it. */
		state: () => JSON.parse(persisted)['node:Trigger'],
		/** Rewrites the saved state (e.g. to stand for time having passed since the last poll). */
		setState(change) {
			const data = JSON.parse(persisted);
			data['node:Trigger'] = change(data['node:Trigger']);
			persisted = JSON.stringify(data);
		},
	};
}

module.exports = { pollingTrigger };
