'use strict';
// What the e2e tests ask a running n8n over its REST API, and how they wait for it.

/** Polls `check` until it returns something truthy. */
async function waitFor(check, what, timeoutMs = 30_000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 250));
	}
}

/** Sets up the owner (or signs in again after a restart) and returns the session cookie. */
async function login(n8n, owner) {
	const setup = await fetch(`${n8n.url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(owner),
	});
	if (setup.status === 200) return setup.headers.get('set-cookie').split(';')[0];
	const signin = await fetch(`${n8n.url}/rest/login`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }),
	});
	if (signin.status !== 200) throw new Error(`n8n login answered ${signin.status}`);
	return signin.headers.get('set-cookie').split(';')[0];
}

/** The executions n8n recorded for a workflow (finished or not). */
async function executions(n8n, cookie, workflowId) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const answer = await fetch(`${n8n.url}/rest/executions?filter=${filter}&limit=100`, {
		headers: { cookie },
	});
	const body = await answer.json();
	if (process.env.DEBUG_E2E)
		console.log(answer.status, JSON.stringify(body).slice(0, 600), n8n.log.slice(-1500));
	const results = body.data?.results ?? body.data ?? [];
	if (!Array.isArray(results))
		throw new Error(`unexpected /rest/executions answer: ${JSON.stringify(body).slice(0, 300)}`);
	return results;
}

/**
 * A workflow of the LoyaltyLion Trigger on `topics` with one credential, into a No Op, saving every execution
 * (the tests count them).
 */
function loyaltyLionTriggerWorkflow({
	id,
	name,
	webhookId,
	topics,
	authentication,
	type,
	credential,
	typeVersion = 1,
}) {
	return {
		id,
		name,
		nodes: [
			{
				id: 'trigger',
				name: 'LoyaltyLion Trigger',
				type: 'n8n-nodes-loyalty.loyaltyLionTrigger',
				typeVersion,
				position: [0, 0],
				webhookId,
				parameters: { authentication, topics, options: {} },
				credentials: { [type]: { id: credential.id, name: credential.name } },
			},
			{
				id: 'noop',
				name: 'Received',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [220, 0],
				parameters: {},
			},
		],
		connections: {
			'LoyaltyLion Trigger': { main: [[{ node: 'Received', type: 'main', index: 0 }]] },
		},
		settings: { saveDataSuccessExecution: 'all', saveDataErrorExecution: 'all' },
		active: false,
	};
}

/** A workflow started by hand: a Manual Trigger named Start, then `nodes`. */
function manualWorkflow({ id, name, nodes, connections, settings = { executionOrder: 'v1' } }) {
	return {
		id,
		name,
		active: false,
		nodes: [
			{
				id: 'manual',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			...nodes,
		],
		connections,
		settings,
	};
}

/** Runs a workflow with n8n's CLI and answers its run data, or throws with what n8n printed. */
async function executeOrThrow(n8n, workflowId) {
	const result = await n8n.execute(workflowId);
	if (result.code !== 0 || !result.run)
		throw new Error(
			`n8n execute exited ${result.code}:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-2000)}`,
		);
	return result.run;
}

/** One node's first task in a run: the task, its output items and its error. */
function taskOf(run, name) {
	const task = run?.data?.resultData?.runData?.[name]?.[0];
	const items = (task?.data?.main ?? []).flat().filter(Boolean);
	return { task, items, error: task?.error };
}

module.exports = {
	waitFor,
	login,
	executions,
	loyaltyLionTriggerWorkflow,
	manualWorkflow,
	executeOrThrow,
	taskOf,
};
