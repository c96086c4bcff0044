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

module.exports = { waitFor, login, executions };
