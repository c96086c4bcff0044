'use strict';
// An in-memory implementation of n8n-workflow's ICredentialsHelper: the piece of n8n's CLI that stores
// credentials. Everything else (OAuth2 token fetch and refresh, preAuthentication on 401, signing) is
// n8n-core's own code calling into this. It follows packages/cli/src/credentials-helper.ts: defaults and
// expressions applied on decrypt, `raw` returns stored data as is, oauthTokenData kept, generic and function
// `authenticate`, preAuthentication only when the expirable property is empty or the token expired.
const { NodeHelpers, Workflow, deepCopy } = require('n8n-workflow');

class InMemoryCredentialsHelper {
	/**
	 * @param {Record<string, any>} credentialTypes  credential type instances by name
	 * @param {any} nodeTypes                         INodeTypes (for the expression workflow)
	 */
	constructor(credentialTypes, nodeTypes) {
		this.credentialTypes = credentialTypes;
		this.nodeTypes = nodeTypes;
		/** @type {Map<string, {id: string, name: string, type: string, data: Record<string, any>}>} */
		this.store = new Map();
		/** Events tests can assert on: token saves and preAuthentication runs, per credential id. */
		this.events = [];
	}

	add({ id, name, type, data }) {
		if (!this.credentialTypes[type]) throw new Error(`Unknown credential type ${type}`);
		this.store.set(id, { id, name: name ?? id, type, data: deepCopy(data) });
		return { id, name: name ?? id };
	}

	stored(id) {
		return this.store.get(id)?.data;
	}

	typeOf(name) {
		const type = this.credentialTypes[name];
		if (!type) throw new Error(`Unknown credential type ${name}`);
		return type;
	}

	getParentTypes(name) {
		const type = this.credentialTypes[name];
		if (!type?.extends) return [];
		const parents = [];
		for (const parent of type.extends) parents.push(parent, ...this.getParentTypes(parent));
		return parents;
	}

	isCredentialUsableByNode() {
		return true;
	}

	getCredentialsProperties(type) {
		const credentialType = this.typeOf(type);
		if (!credentialType.extends) return credentialType.properties;
		const combined = [];
		for (const parentName of credentialType.extends) {
			const parentProperties = this.getCredentialsProperties(parentName).filter(
				(p) => !p.doNotInherit,
			);
			NodeHelpers.mergeNodeProperties(combined, parentProperties);
		}
		NodeHelpers.mergeNodeProperties(combined, credentialType.properties);
		if (this.getParentTypes(type).some((t) => t === 'oAuth2Api' || t === 'oAuth1Api')) {
			combined.push({
				displayName: 'oauthTokenData',
				name: 'oauthTokenData',
				type: 'json',
				required: false,
				default: {},
			});
		}
		return combined;
	}

	expressionWorkflow() {
		if (!this._workflow) {
			this._workflow = new Workflow({
				nodes: [
					{
						id: 'cred',
						name: 'Credential',
						type: 'n8n-nodes-base.noOp',
						typeVersion: 1,
						position: [0, 0],
						parameters: {},
					},
				],
				connections: {},
				active: false,
				nodeTypes: this.nodeTypes,
			});
		}
		return this._workflow;
	}

	applyDefaultsAndExpressions(type, original, mode) {
		const properties = this.getCredentialsProperties(type);
		const withDefaults = NodeHelpers.getNodeParameters(
			properties,
			original,
			true,
			false,
			null,
			null,
		);
		if (original.oauthTokenData !== undefined)
			withDefaults.oauthTokenData = original.oauthTokenData;
		const workflow = this.expressionWorkflow();
		const node = workflow.getNode('Credential');
		return workflow.expression.getComplexParameterValue(
			node,
			withDefaults,
			mode ?? 'manual',
			{},
			undefined,
			undefined,
			withDefaults,
		);
	}

	async getDecrypted(_additionalData, nodeCredentials, type, mode, _executeData, raw) {
		const entry = this.store.get(nodeCredentials.id);
		if (!entry)
			throw new Error(`Credential ${nodeCredentials.id} (${nodeCredentials.name}) does not exist`);
		if (entry.type !== type)
			throw new Error(`Credential ${nodeCredentials.id} is of type ${entry.type}, not ${type}`);
		const data = deepCopy(entry.data);
		if (raw) return data;
		return this.applyDefaultsAndExpressions(type, data, mode);
	}

	async getCredentials(nodeCredentials, type) {
		const entry = this.store.get(nodeCredentials.id);
		return { id: entry.id, name: entry.name, type, getData: () => deepCopy(entry.data) };
	}

	async updateCredentials(nodeCredentials, type, data) {
		const entry = this.store.get(nodeCredentials.id);
		entry.data = deepCopy(data);
		this.events.push({ kind: 'update', id: nodeCredentials.id, type });
	}

	async updateCredentialsOauthTokenData(nodeCredentials, type, data) {
		const entry = this.store.get(nodeCredentials.id);
		entry.data = { ...entry.data, oauthTokenData: deepCopy(data.oauthTokenData) };
		this.events.push({ kind: 'oauthToken', id: nodeCredentials.id, type });
	}

	resolveValue(value, credentials, workflow, node) {
		if (typeof value !== 'string' || value.charAt(0) !== '=') return value;
		const resolved = workflow.expression.getSimpleParameterValue(
			node,
			value,
			'internal',
			{ $credentials: credentials },
			undefined,
			'',
		);
		return resolved === undefined || resolved === null ? '' : resolved.toString();
	}

	async authenticate(credentials, typeName, requestOptions, workflow, node) {
		const credentialType = this.typeOf(typeName);
		const { authenticate } = credentialType;
		if (!authenticate) return requestOptions;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (authenticate.type === 'generic') {
			const wf = workflow ?? this.expressionWorkflow();
			const n = node ?? wf.getNode('Credential');
			for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
				for (const [key, value] of Object.entries(outerValue)) {
					const k = this.resolveValue(key, credentials, wf, n);
					const v = this.resolveValue(value, credentials, wf, n);
					if (!requestOptions[outerKey]) requestOptions[outerKey] = {};
					requestOptions[outerKey][k] = v;
				}
			}
		}
		return requestOptions;
	}

	expirableProperty(typeName) {
		return this.getCredentialsProperties(typeName).find(
			(p) => p.type === 'hidden' && p.typeOptions?.expirable === true,
		);
	}

	async preAuthentication(helpers, credentials, typeName, node, credentialsExpired) {
		const credentialType = this.typeOf(typeName);
		const expirable = this.expirableProperty(typeName);
		if (!expirable || typeof credentialType.preAuthentication !== 'function') return undefined;
		if (
			credentials[expirable.name] !== '' &&
			credentials[expirable.name] !== undefined &&
			!credentialsExpired
		)
			return undefined;
		const output = await credentialType.preAuthentication.call(helpers, credentials);
		this.events.push({ kind: 'preAuthentication', type: typeName, expired: credentialsExpired });
		if (output[expirable.name] === undefined) return undefined;
		if (node.credentials) {
			await this.updateCredentials(
				node.credentials[typeName],
				typeName,
				Object.assign(credentials, output),
			);
			return Object.assign(credentials, output);
		}
		return undefined;
	}

	async runPreAuthentication(helpers, credentials, typeName) {
		const credentialType = this.typeOf(typeName);
		if (typeof credentialType.preAuthentication !== 'function') return undefined;
		return await credentialType.preAuthentication.call(helpers, credentials);
	}
}

module.exports = { InMemoryCredentialsHelper };
