/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- e2e test tooling that waits on a real n8n process, never loaded by n8n */
// What the e2e tests ask a running n8n over its REST API, and how they wait for it.

/** n8n's JSON answers and items, read as n8n sends them: their shapes are n8n's, checked by the assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type N8nJson = any;

/** What these helpers need of a running n8n (the scripts' N8nInstance). */
interface Running {
	url: string;
	log: string;
}

/** One node's task in a run, as n8n reports it (the parts the tests read). */
export interface TaskData {
	startTime?: number;
	executionTime?: number;
	executionStatus?: string;
	data?: { main?: Array<Item[] | null> };
	error?: { message?: string; description?: string; [key: string]: unknown };
	[key: string]: unknown;
}

/** One item of a node's output. */
export interface Item {
	json: Record<string, N8nJson>;
	binary?: Record<
		string,
		{ data?: string; mimeType?: string; fileName?: string; [key: string]: unknown }
	>;
	pairedItem?: unknown;
	[key: string]: unknown;
}

/** A workflow run, as `n8n execute --rawOutput` and the executions API report it. */
export interface Run {
	finished?: boolean;
	status?: string;
	data: {
		resultData: {
			runData: Record<string, TaskData[]>;
			error?: { message?: string; [key: string]: unknown };
			lastNodeExecuted?: string;
		};
	};
	[key: string]: unknown;
}

/** A workflow as n8n imports it. */
export interface Workflow {
	id: string;
	name: string;
	active: boolean;
	nodes: Array<Record<string, unknown> & { name: string; type: string }>;
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

/** A credential as n8n's CLI imports it. */
interface CredentialRef {
	id: string;
	name: string;
}

/**
 * Polls `check` until it returns something truthy. `detail` adds what the timeout message should show of the
 * state at that moment (what was received, n8n's log).
 */
export async function waitFor<T>(
	check: () => T | Promise<T>,
	what: string,
	timeoutMs = 30_000,
	detail?: () => string,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value) return value;
		if (Date.now() > deadline)
			throw new Error(`timed out waiting for ${what}${detail ? `: ${detail()}` : ''}`);
		await new Promise((r) => setTimeout(r, 250));
	}
}

/** Sets up the owner (or signs in again after a restart) and returns the session cookie. */
export async function login(
	n8n: Running,
	owner: { email: string; password: string; firstName: string; lastName: string },
): Promise<string> {
	const setup = await fetch(`${n8n.url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(owner),
	});
	if (setup.status === 200) return cookieOf(setup);
	const signin = await fetch(`${n8n.url}/rest/login`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }),
	});
	if (signin.status !== 200) throw new Error(`n8n login answered ${signin.status}`);
	return cookieOf(signin);
}

function cookieOf(answer: Response): string {
	const cookie = answer.headers.get('set-cookie');
	if (!cookie) throw new Error(`n8n answered ${answer.status} without a session cookie`);
	return cookie.split(';')[0];
}

/** How many executions n8n saved for a workflow (its own count, not a page of them). */
export async function executionCount(
	n8n: Running,
	cookie: string,
	workflowId: string,
): Promise<number> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const answer = await fetch(`${n8n.url}/rest/executions?filter=${filter}&limit=1`, {
		headers: { cookie },
	});
	const body = (await answer.json()) as { data?: N8nJson };
	if (typeof body.data?.count !== 'number')
		throw new Error(`unexpected /rest/executions answer: ${JSON.stringify(body).slice(0, 300)}`);
	return body.data.count;
}

/** The executions n8n recorded for a workflow (finished or not). */
export async function executions(
	n8n: Running,
	cookie: string,
	workflowId: string,
): Promise<Array<Record<string, N8nJson>>> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const answer = await fetch(`${n8n.url}/rest/executions?filter=${filter}&limit=100`, {
		headers: { cookie },
	});
	const body = (await answer.json()) as { data?: N8nJson };
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
export function loyaltyLionTriggerWorkflow({
	id,
	name,
	webhookId,
	topics,
	authentication,
	type,
	credential,
	typeVersion = 1,
}: {
	id: string;
	name: string;
	webhookId: string;
	topics: string[];
	authentication: string;
	type: string;
	credential: CredentialRef;
	typeVersion?: number;
}): Workflow {
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
export function manualWorkflow({
	id,
	name,
	nodes,
	connections,
	settings = { executionOrder: 'v1' },
}: {
	id: string;
	name: string;
	nodes: Workflow['nodes'];
	connections: Workflow['connections'];
	settings?: Workflow['settings'];
}): Workflow {
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
export async function executeOrThrow(
	n8n: {
		execute(
			id: string,
		): Promise<{ code: number | null; stdout: string; stderr: string; run?: unknown }>;
	},
	workflowId: string,
): Promise<Run> {
	const result = await n8n.execute(workflowId);
	if (result.code !== 0 || !result.run)
		throw new Error(
			`n8n execute exited ${result.code}:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-2000)}`,
		);
	return result.run as Run;
}

/** One node's first task in a run: the task, its output items and its error. */
export function taskOf(
	run: Run | undefined,
	name: string,
): { task: TaskData | undefined; items: Item[]; error: TaskData['error'] } {
	const task = run?.data?.resultData?.runData?.[name]?.[0];
	const items = (task?.data?.main ?? []).flat().filter((item): item is Item => Boolean(item));
	return { task, items, error: task?.error };
}

/**
 * A polling trigger of the pack (every minute, n8n's shortest) into an HTTP Request node that posts what it
 * delivers to the simulator's recorder as {source, key}: the tests count deliveries there.
 */
export function recordingPollWorkflow({
	id,
	name,
	type,
	credentialType,
	credential,
	parameters,
	recordUrl,
	source,
	keyExpression,
}: {
	id: string;
	name: string;
	/** the trigger's node type without the package, e.g. cardlyticsTrigger */
	type: string;
	credentialType: string;
	credential: CredentialRef;
	parameters: Record<string, unknown>;
	/** the simulator's /__control/record address */
	recordUrl: string;
	source: string;
	/** an n8n expression (without braces) of the delivered item's key */
	keyExpression: string;
}): Workflow {
	return {
		id,
		name,
		nodes: [
			{
				id: 'trigger',
				name: 'Trigger',
				type: `n8n-nodes-loyalty.${type}`,
				typeVersion: 1,
				position: [0, 0],
				parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, ...parameters },
				credentials: { [credentialType]: { id: credential.id, name: credential.name } },
			},
			{
				id: 'record',
				name: 'Record',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [240, 0],
				parameters: {
					method: 'POST',
					url: recordUrl,
					sendBody: true,
					specifyBody: 'json',
					jsonBody: `={{ JSON.stringify({ source: "${source}", key: String(${keyExpression}) }) }}`,
					options: {},
				},
			},
		],
		connections: { Trigger: { main: [[{ node: 'Record', type: 'main', index: 0 }]] } },
		settings: {},
		active: false,
	};
}
