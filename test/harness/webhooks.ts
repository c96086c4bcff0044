/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test tooling run by jest, never loaded by n8n */
// Hosts a trigger node's webhook the way n8n does: activation runs the node's webhookMethods
// (checkExists → create) through n8n-core's HookContext, deliveries to <base>/<webhookId>/<path> run its
// webhook() through n8n-core's WebhookContext with the raw body kept (n8n's body parser sets req.rawBody),
// and deactivation runs delete. Each workflow start is recorded instead of running the rest of a workflow.
// As n8n 2.41 does (webhooks/live-webhooks.js, middlewares/body-parser.js): every delivery gets a new Workflow
// whose static data is read from the "database" (a JSON copy here), saved back only if it changed; the body
// is parsed by its Content-Type only (JSON, form, text/plain), otherwise left unset.
import './env';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HookContext, WebhookContext } from 'n8n-core';
import {
	Workflow,
	type IDataObject,
	type INodeParameters,
	type IWebhookData,
	type IWebhookDescription,
	type IWorkflowExecuteAdditionalData,
	type WorkflowActivateMode,
} from 'n8n-workflow';
import { triggerNode, type CredentialRef, type Engine } from './engine';

/** A minimal Express-like response over node:http, enough for webhook() to answer by itself. */
interface ExpressLikeResponse {
	statusCode: number;
	headersSent: boolean;
	status(code: number): ExpressLikeResponse;
	setHeader(name: string, value: string | number | readonly string[]): ExpressLikeResponse;
	json(body: unknown): ExpressLikeResponse;
	send(body: string | Buffer, type?: string): ExpressLikeResponse;
	end(body?: string | Buffer): ExpressLikeResponse;
}

function expressResponse(res: http.ServerResponse): ExpressLikeResponse {
	const wrapper: ExpressLikeResponse = {
		statusCode: 200,
		headersSent: false,
		status(code) {
			wrapper.statusCode = code;
			return wrapper;
		},
		setHeader(name, value) {
			res.setHeader(name, value);
			return wrapper;
		},
		json(body) {
			return wrapper.send(JSON.stringify(body), 'application/json');
		},
		send(body, type = 'text/plain') {
			if (!res.headersSent) res.writeHead(wrapper.statusCode, { 'Content-Type': type });
			res.end(body);
			wrapper.headersSent = true;
			return wrapper;
		},
		end(body) {
			return wrapper.send(body ?? '');
		},
	};
	return wrapper;
}

export interface ActiveTrigger {
	/** where the provider delivers to */
	url: string;
	/** whether checkExists found the webhook at activation (so create did not run) */
	existed: boolean;
	/** the items of each workflow start, in order */
	starts: IDataObject[][];
	/** the HTTP status answered to each delivery */
	responses: number[];
	/** The static data as n8n would have saved it. */
	staticData(): IDataObject;
	checkExists(): Promise<boolean>;
	deactivate(): Promise<void>;
}

export async function activateTrigger(
	engine: Engine,
	{
		type,
		parameters,
		credentials,
		webhookId = 'wh-' + Date.now().toString(36),
	}: {
		type: string;
		parameters: INodeParameters;
		credentials?: CredentialRef;
		webhookId?: string;
	},
): Promise<ActiveTrigger> {
	const node = triggerNode({ id: 'trigger-under-test', type, parameters, credentials, webhookId });
	// The workflow's static data as the database holds it.
	let persisted = '{}';
	const load = (): Workflow =>
		new Workflow({
			id: 'wf-trigger',
			name: 'trigger',
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes: engine.nodeTypes,
			staticData: JSON.parse(persisted) as IDataObject,
		});
	const save = (workflow: Workflow): void => {
		if (workflow.staticData.__dataChanged === true) {
			persisted = JSON.stringify(workflow.staticData);
			workflow.staticData.__dataChanged = false;
		}
	};
	const nodeType = engine.nodeTypes.getByNameAndVersion(node.type, 1);
	const description: IWebhookDescription | undefined = nodeType.description.webhooks?.[0];
	const webhook = nodeType.webhook;
	const methods = nodeType.webhookMethods?.default;
	if (!description || !webhook || !methods)
		throw new Error(
			`${type} is not a webhook trigger (no webhook description, webhook() or methods)`,
		);
	const webhookPath = String(description.path);
	const httpMethod = String(description.httpMethod);
	const starts: IDataObject[][] = [];
	const responses: number[] = [];
	let base = '';

	const server = http.createServer(async (req, res) => {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks);
		const contentType = String(req.headers['content-type'] ?? '')
			.split(';')[0]
			.trim();
		let body: unknown;
		if (rawBody.length) {
			const text = rawBody.toString('utf8');
			try {
				if (contentType === 'application/json') body = JSON.parse(text);
				else if (contentType === 'application/x-www-form-urlencoded')
					body = Object.fromEntries(new URLSearchParams(text));
				else if (contentType === 'text/plain') body = text;
			} catch {
				res.writeHead(422).end('Failed to parse request body');
				return;
			}
		}
		const url = new URL(req.url ?? '/', 'http://localhost');
		if (url.pathname !== `/webhook/${webhookId}/${webhookPath}` || req.method !== httpMethod) {
			res.writeHead(404).end('not registered');
			return;
		}
		const request = {
			headers: req.headers,
			body,
			rawBody,
			query: Object.fromEntries(url.searchParams),
			params: {},
			method: req.method,
			url: req.url,
		};
		const response = expressResponse(res);
		const workflow = load();
		// Express's request and response: the harness passes the parts webhook() and n8n-core read.
		const additionalData = {
			...engine.additionalData('webhook', { id: workflow.id as string }),
			httpRequest: request,
			httpResponse: response,
			webhookBaseUrl: base,
		} as unknown as IWorkflowExecuteAdditionalData;
		try {
			const context = new WebhookContext(
				workflow,
				node,
				additionalData,
				'webhook',
				// What n8n's live webhooks hand over for a delivery; its additional data is passed beside it.
				{
					webhookDescription: description,
					node: node.name,
					path: webhookPath,
					httpMethod: description.httpMethod,
					workflowId: workflow.id as string,
					webhookId,
				} as IWebhookData,
				[],
				null,
			);
			const result = await webhook.call(context);
			if (result.workflowData) {
				starts.push(result.workflowData[0].map((item) => item.json));
				if (!result.noWebhookResponse)
					response.status(200).json({ message: 'Workflow was started' });
			} else if (!result.noWebhookResponse) {
				response.status(200).json({ message: 'Received' });
			}
			save(workflow);
			responses.push(response.statusCode);
		} catch (error) {
			responses.push(500);
			if (!response.headersSent) response.status(500).json({ message: (error as Error).message });
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
	const hookData = (): IWorkflowExecuteAdditionalData => ({
		...engine.additionalData('activate', { id: 'wf-trigger' }),
		webhookBaseUrl: base,
	});
	// Activation and deactivation work on their own Workflow, saved afterwards, as n8n's activator does.
	const withHook = async (
		mode: WorkflowActivateMode | 'deactivate',
		fn: (ctx: HookContext) => Promise<boolean>,
	): Promise<boolean> => {
		const workflow = load();
		// n8n's type has no deactivation mode; no node here reads the activation mode.
		const activation = mode as WorkflowActivateMode;
		const result = await fn(new HookContext(workflow, node, hookData(), 'trigger', activation));
		save(workflow);
		return result;
	};
	let existed: boolean;
	try {
		existed = await withHook('activate', (ctx) => methods.checkExists.call(ctx));
		if (!existed) await withHook('activate', (ctx) => methods.create.call(ctx));
	} catch (error) {
		// A failed activation leaves no listener behind (n8n does not serve a webhook it could not create).
		await new Promise((resolve) => server.close(resolve));
		// The harness is not a node: the activation error reaches the test as n8n-core raised it.
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
		throw error;
	}

	return {
		url: `${base}/${webhookId}/${webhookPath}`,
		existed,
		starts,
		responses,
		staticData: () => JSON.parse(persisted) as IDataObject,
		checkExists: () => withHook('activate', (ctx) => methods.checkExists.call(ctx)),
		async deactivate() {
			await withHook('deactivate', (ctx) => methods.delete.call(ctx));
			await new Promise((resolve) => server.close(resolve));
		},
	};
}
