'use strict';
// Hosts a trigger node's webhook the way n8n does: activation runs the node's webhookMethods
// (checkExists → create) through n8n-core's HookContext, deliveries to <base>/<webhookId>/<path> run its
// webhook() through n8n-core's WebhookContext with the raw body kept (n8n's body parser sets req.rawBody),
// and deactivation runs delete. Each workflow start is recorded instead of running the rest of a workflow.
// As n8n 2.41 does (webhooks/live-webhooks.js, middlewares/body-parser.js): every delivery gets a new Workflow
// whose static data is read from the "database" (a JSON copy here), saved back only if it changed; the body
// is parsed by its Content-Type only (JSON, form, text/plain), otherwise left unset.
const http = require('node:http');
const { HookContext, WebhookContext } = require('n8n-core');
const { Workflow } = require('n8n-workflow');
const { triggerNode } = require('./engine');

/** A minimal Express-like response over node:http, enough for webhook() to answer by itself. */
function expressResponse(res) {
	const wrapper = {
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

async function activateTrigger(
	engine,
	{ type, parameters, credentials, webhookId = 'wh-' + Date.now().toString(36) },
) {
	const node = triggerNode({ id: 'trigger-under-test', type, parameters, credentials, webhookId });
	// The workflow's static data as the database holds it.
	let persisted = '{}';
	const load = () =>
		new Workflow({
			id: 'wf-trigger',
			name: 'trigger',
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes: engine.nodeTypes,
			staticData: JSON.parse(persisted),
		});
	const save = (workflow) => {
		if (workflow.staticData.__dataChanged === true) {
			persisted = JSON.stringify(workflow.staticData);
			workflow.staticData.__dataChanged = false;
		}
	};
	const nodeType = engine.nodeTypes.getByNameAndVersion(node.type, 1);
	const description = nodeType.description.webhooks[0];
	const starts = [];
	const responses = [];

	const server = http.createServer(async (req, res) => {
		const chunks = [];
		for await (const chunk of req) chunks.push(chunk);
		const rawBody = Buffer.concat(chunks);
		const contentType = String(req.headers['content-type'] ?? '')
			.split(';')[0]
			.trim();
		let body;
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
		const url = new URL(req.url, 'http://localhost');
		if (
			url.pathname !== `/webhook/${webhookId}/${description.path}` ||
			req.method !== description.httpMethod
		) {
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
		const additionalData = {
			...engine.additionalData('webhook', { id: workflow.id }),
			httpRequest: request,
			httpResponse: response,
			webhookBaseUrl: base,
		};
		try {
			const context = new WebhookContext(
				workflow,
				node,
				additionalData,
				'webhook',
				{
					webhookDescription: description,
					node: node.name,
					path: description.path,
					httpMethod: description.httpMethod,
					workflowId: workflow.id,
					webhookId,
				},
				[],
				null,
			);
			const result = await nodeType.webhook.call(context);
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
			if (!response.headersSent) response.status(500).json({ message: error.message });
		}
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const base = `http://127.0.0.1:${server.address().port}/webhook`;
	const hookData = () => ({
		...engine.additionalData('activate', { id: 'wf-trigger' }),
		webhookBaseUrl: base,
	});
	// Activation and deactivation work on their own Workflow, saved afterwards, as n8n's activator does.
	const withHook = async (mode, fn) => {
		const workflow = load();
		const result = await fn(new HookContext(workflow, node, hookData(), 'trigger', mode));
		save(workflow);
		return result;
	};
	const methods = nodeType.webhookMethods.default;
	let existed;
	try {
		existed = await withHook('activate', (ctx) => methods.checkExists.call(ctx));
		if (!existed) await withHook('activate', (ctx) => methods.create.call(ctx));
	} catch (error) {
		// A failed activation leaves no listener behind (n8n does not serve a webhook it could not create).
		await new Promise((resolve) => server.close(resolve));
		throw error;
	}

	return {
		url: `${base}/${webhookId}/${description.path}`,
		existed,
		starts,
		responses,
		/** The static data as n8n would have saved it. */
		staticData: () => JSON.parse(persisted),
		checkExists: () => withHook('activate', (ctx) => methods.checkExists.call(ctx)),
		async deactivate() {
			await withHook('deactivate', (ctx) => methods.delete.call(ctx));
			await new Promise((resolve) => server.close(resolve));
		},
	};
}

module.exports = { activateTrigger };
