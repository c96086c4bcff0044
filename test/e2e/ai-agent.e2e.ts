/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- an end-to-end test that drives a real n8n process, never loaded by n8n */
// n8n's AI Agent node calls the LoyaltyLion node as a tool, in a real n8n (CLI). n8n turns every community
// node with `usableAsTool` into a `<type>Tool` node on its own; the tool's parameters written as
// `$fromAI(...)` become the tool's arguments, which the model fills. The model is a small mock of the OpenAI
// chat-completions API (the OpenAI Chat Model node's credential points its Base URL here): its first answer
// calls our tool with a customer's email, its second quotes what the tool returned.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
	ensureRuntime,
	preparedInstance,
	startSandbox,
	demoCredentials,
	type DemoCredential,
	type Simulator,
} from './harness';
import { manualWorkflow, executeOrThrow, type N8nJson, type Run } from './rest';

const WORKFLOW_ID = 'E2eAiAgentTool01';
const TOOL_NODE = 'Find LoyaltyLion customer';
const EMAIL = 'shopper4242@example.com';
const FINAL_PREFIX = 'Here is what LoyaltyLion answered: ';
const OPENAI_CREDENTIAL = { id: 'MockOpenAiCred01', name: 'Mock model (e2e)' };
let sim: Simulator;
let model: Model;
let run: Run;
let started: number;
let apiKeyValue: string;

/** One request the mock model received; its body is what n8n's chat model node sent. */
interface ModelRequest {
	method: string | undefined;
	url: string | undefined;
	headers: http.IncomingHttpHeaders;
	body: N8nJson;
}

interface Model {
	requests: ModelRequest[];
	/** the Base URL the OpenAI credential points at */
	url: string;
	stop(): Promise<void>;
}

/**
 * The OpenAI chat-completions API, as much as the chat model node uses: every request is kept. Without a tool
 * result in the conversation it asks for the first tool, with the first string parameter of the tool's schema
 * set to EMAIL; with one, it answers the tool's content verbatim after FINAL_PREFIX.
 */
function startModel(): Promise<Model> {
	const requests: ModelRequest[] = [];
	const server = http.createServer((req, res) => {
		let raw = '';
		req.on('data', (c) => (raw += c));
		req.on('end', () => {
			const body: N8nJson = raw ? JSON.parse(raw) : {};
			requests.push({ method: req.method, url: req.url, headers: req.headers, body });
			const answer = (message: Record<string, unknown>, finish: string) => {
				res.writeHead(200, { 'Content-Type': 'application/json' });
				res.end(
					JSON.stringify({
						id: `chatcmpl-e2e-${requests.length}`,
						object: 'chat.completion',
						created: Math.floor(Date.now() / 1000),
						model: body.model,
						choices: [{ index: 0, message, finish_reason: finish, logprobs: null }],
						usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
					}),
				);
			};
			if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions') || body.stream) {
				res.writeHead(400, { 'Content-Type': 'application/json' });
				res.end(
					JSON.stringify({ error: { message: `mock model: ${req.method} ${req.url} not served` } }),
				);
				return;
			}
			const result = (body.messages ?? []).find((m: N8nJson) => m.role === 'tool');
			if (result)
				return answer({ role: 'assistant', content: FINAL_PREFIX + result.content }, 'stop');
			const tool = body.tools?.[0]?.function;
			if (!tool) return answer({ role: 'assistant', content: 'no tool offered' }, 'stop');
			const [param] = Object.entries<N8nJson>(tool.parameters?.properties ?? {}).find(
				([, schema]) => schema.type === 'string',
			) ?? [undefined];
			answer(
				{
					role: 'assistant',
					content: null,
					tool_calls: [
						{
							id: 'call_e2e_1',
							type: 'function',
							// Without a string parameter the key is "undefined", what JavaScript makes of an undefined key.
							function: { name: tool.name, arguments: JSON.stringify({ [String(param)]: EMAIL }) },
						},
					],
				},
				'tool_calls',
			);
		});
	});
	return new Promise((resolve) =>
		server.listen(0, '127.0.0.1', () =>
			resolve({
				requests,
				url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
				stop: () => new Promise<void>((r) => server.close(() => r())),
			}),
		),
	);
}

function workflow(apiKeyCredential: DemoCredential) {
	return manualWorkflow({
		id: WORKFLOW_ID,
		name: 'AI Agent with the LoyaltyLion tool (e2e)',
		nodes: [
			{
				id: 'agent',
				name: 'AI Agent',
				type: '@n8n/n8n-nodes-langchain.agent',
				typeVersion: 3.1,
				position: [220, 0],
				parameters: {
					promptType: 'define',
					text: `How many points does the LoyaltyLion customer ${EMAIL} have?`,
					options: { enableStreaming: false },
				},
			},
			{
				id: 'model',
				name: 'OpenAI Chat Model',
				type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
				typeVersion: 1.3,
				position: [120, 220],
				parameters: {
					model: { __rl: true, mode: 'id', value: 'gpt-4.1-mini' },
					// The chat-completions API (the Responses API is the 1.3 default).
					responsesApiEnabled: false,
					options: {},
				},
				credentials: { openAiApi: OPENAI_CREDENTIAL },
			},
			{
				id: 'tool',
				name: TOOL_NODE,
				type: 'n8n-nodes-loyalty.loyaltyLionTool',
				typeVersion: 1.1,
				position: [320, 220],
				parameters: {
					authentication: 'apiKey',
					resource: 'customer',
					operation: 'getMany',
					returnAll: false,
					limit: 5,
					filters: {
						email:
							"={{ $fromAI('email', 'The email address of the customer to look up', 'string') }}",
					},
				},
				credentials: {
					loyaltyLionApiKeyApi: { id: apiKeyCredential.id, name: apiKeyCredential.name },
				},
			},
		],
		connections: {
			Start: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
			'OpenAI Chat Model': {
				ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]],
			},
			[TOOL_NODE]: { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
		},
	});
}

const customerLists = () =>
	sim.stats.log.filter((r) => r.provider === 'loyaltylion' && r.route === '/v2/customers');

beforeAll(async () => {
	const runtime = await ensureRuntime({ log: (line: string) => process.stdout.write(line + '\n') });
	sim = await startSandbox({ port: 0 });
	model = await startModel();
	const apiKey = demoCredentials(sim.baseUrl).find((c) => c.id === 'LlApiKeySandbx01');
	if (!apiKey) throw new Error('no demo credential LlApiKeySandbx01');
	apiKeyValue = String(apiKey.data.apiKey);
	const n8n = await preparedInstance({
		runtime,
		// Not used (the credentials are given), but preparedInstance's signature asks for them.
		sim,
		demoCredentials,
		credentials: [
			apiKey,
			{
				...OPENAI_CREDENTIAL,
				type: 'openAiApi',
				data: { apiKey: 'sk-e2e-mock', organizationId: '', url: model.url, header: false },
			},
		],
		name: 'ai-agent',
		workflow: workflow(apiKey),
		activate: false,
	});
	sim.stats.reset();
	started = Date.now();
	run = await executeOrThrow(n8n, WORKFLOW_ID);
	started = Date.now() - started;
}, 900_000);

afterAll(async () => {
	await model?.stop();
	await sim?.stop();
});

test('the run succeeded: two model calls (the tool call, then the answer)', () => {
	expect(run.data.resultData.error).toBeUndefined();
	expect(model.requests.map((r) => [r.method, r.url])).toEqual([
		['POST', '/v1/chat/completions'],
		['POST', '/v1/chat/completions'],
	]);
	process.stdout.write(`AI Agent run: ${started} ms\n`);
});

test('the model was offered our tool, named after the node, with a description and the $fromAI parameter', () => {
	const [first] = model.requests;
	expect(first.headers.authorization).toBe('Bearer sk-e2e-mock');
	expect(first.body.tools).toHaveLength(1);
	const [{ type, function: tool }] = first.body.tools;
	expect(type).toBe('function');
	expect(tool.name).toBe('Find_LoyaltyLion_customer');
	// n8n's automatic description: the operation's action and the node's name.
	expect(tool.description).toBe('Get many customers in LoyaltyLion');
	expect(tool.parameters.required).toEqual(['email']);
	expect(tool.parameters.properties.email).toEqual(
		expect.objectContaining({
			type: 'string',
			description: 'The email address of the customer to look up',
		}),
	);
});

test("the simulator received one list-customers request with the model's email, with the API key", () => {
	const requests = customerLists();
	expect(requests).toHaveLength(1);
	expect(requests[0].method).toBe('GET');
	expect(requests[0].query).toEqual({ email: EMAIL, limit: '5' });
	expect(requests[0].headers.authorization).toBe(`Bearer ${apiKeyValue}`);
});

test("the tool's result went back to the model, and the agent's answer quotes it", () => {
	const toolMessage = model.requests[1].body.messages.find((m: N8nJson) => m.role === 'tool');
	expect(toolMessage.tool_call_id).toBe('call_e2e_1');
	// The simplified customer LoyaltyLion holds for that email.
	const customer = sim.instances.loyaltylion.state.customers.find((c) => c.email === EMAIL);
	if (!customer) throw new Error(`The simulator has no customer ${EMAIL}`);
	expect(toolMessage.content).toContain(EMAIL);
	expect(toolMessage.content).toContain(String(customer.points_approved));
	const items = run.data.resultData.runData['AI Agent'][0].data?.main?.[0];
	expect(items).toHaveLength(1);
	expect(items?.[0].json.output).toBe(FINAL_PREFIX + toolMessage.content);
});

test('n8n recorded the tool node as run once, with the email the model gave', () => {
	const [task] = run.data.resultData.runData[TOOL_NODE];
	expect(run.data.resultData.runData[TOOL_NODE]).toHaveLength(1);
	expect(task.error).toBeUndefined();
	expect((task.inputOverride as N8nJson).ai_tool[0][0].json).toEqual(
		expect.objectContaining({ email: EMAIL }),
	);
});
