// An in-memory implementation of n8n-workflow's ICredentialsHelper: the piece of n8n's CLI that stores
// credentials. Everything else (OAuth2 token fetch and refresh, preAuthentication on 401, signing) is
// n8n-core's own code calling into this. It follows packages/cli/src/credentials-helper.ts: defaults and
// expressions applied on decrypt, `raw` returns stored data as is, oauthTokenData kept, generic and function
// `authenticate`, preAuthentication only when the expirable property is empty or the token expired.
import {
	ICredentialsHelper,
	NodeHelpers,
	Workflow,
	deepCopy,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type ICredentialType,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeParameters,
	type INodeProperties,
	type INodeTypes,
	type IRequestOptionsSimplified,
	type IWorkflowExecuteAdditionalData,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

/** What tests can assert on: token saves and preAuthentication runs, per credential id. */
export type CredentialEvent =
	| { kind: 'update' | 'oauthToken'; id: string | null; type: string }
	| { kind: 'preAuthentication'; type: string; expired: boolean };

export class InMemoryCredentialsHelper extends ICredentialsHelper {
	readonly store = new Map<string, StoredCredential>();

	readonly events: CredentialEvent[] = [];

	private workflow: Workflow | undefined;

	constructor(
		readonly credentialTypes: Record<string, ICredentialType>,
		readonly nodeTypes: INodeTypes,
	) {
		super();
	}

	add({ id, name, type, data }: { id: string; name?: string; type: string; data: object }): {
		id: string;
		name: string;
	} {
		if (!this.credentialTypes[type]) throw new Error(`Unknown credential type ${type}`);
		const stored = deepCopy(data) as ICredentialDataDecryptedObject;
		this.store.set(id, { id, name: name ?? id, type, data: stored });
		return { id, name: name ?? id };
	}

	stored(id: string): ICredentialDataDecryptedObject | undefined {
		return this.store.get(id)?.data;
	}

	private entry(nodeCredentials: INodeCredentialsDetails): StoredCredential {
		const entry = nodeCredentials.id ? this.store.get(nodeCredentials.id) : undefined;
		if (!entry)
			throw new Error(`Credential ${nodeCredentials.id} (${nodeCredentials.name}) does not exist`);
		return entry;
	}

	typeOf(name: string): ICredentialType {
		const type = this.credentialTypes[name];
		if (!type) throw new Error(`Unknown credential type ${name}`);
		return type;
	}

	getParentTypes(name: string): string[] {
		const type = this.credentialTypes[name];
		if (!type?.extends) return [];
		const parents: string[] = [];
		for (const parent of type.extends) parents.push(parent, ...this.getParentTypes(parent));
		return parents;
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const credentialType = this.typeOf(type);
		if (!credentialType.extends) return credentialType.properties;
		const combined: INodeProperties[] = [];
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

	expressionWorkflow(): Workflow {
		this.workflow ??= new Workflow({
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
		return this.workflow;
	}

	private credentialNode(workflow: Workflow): INode {
		const node = workflow.getNode('Credential');
		if (!node) throw new Error('The expression workflow has no Credential node');
		return node;
	}

	applyDefaultsAndExpressions(
		type: string,
		original: ICredentialDataDecryptedObject,
		mode?: WorkflowExecuteMode,
	): ICredentialDataDecryptedObject {
		const properties = this.getCredentialsProperties(type);
		// Credential data is parameter-shaped: n8n's CLI hands it to the same function as node parameters.
		const withDefaults = NodeHelpers.getNodeParameters(
			properties,
			original as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;
		if (original.oauthTokenData !== undefined)
			withDefaults.oauthTokenData = original.oauthTokenData;
		const workflow = this.expressionWorkflow();
		return workflow.expression.getComplexParameterValue(
			this.credentialNode(workflow),
			withDefaults as INodeParameters,
			mode ?? 'manual',
			{},
			undefined,
			undefined,
			withDefaults as INodeParameters,
		) as ICredentialDataDecryptedObject;
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		_executeData?: unknown,
		raw?: boolean,
	): Promise<ICredentialDataDecryptedObject> {
		const entry = this.entry(nodeCredentials);
		if (entry.type !== type)
			throw new Error(`Credential ${nodeCredentials.id} is of type ${entry.type}, not ${type}`);
		const data = deepCopy(entry.data);
		if (raw) return data;
		return this.applyDefaultsAndExpressions(type, data, mode);
	}

	async getCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentials> {
		const entry = this.entry(nodeCredentials);
		// Only what n8n-core reads of stored credentials; the encryption half of ICredentials has no use here.
		return {
			id: entry.id,
			name: entry.name,
			type,
			getData: () => deepCopy(entry.data),
		} as unknown as ICredentials;
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const entry = this.entry(nodeCredentials);
		entry.data = deepCopy(data);
		this.events.push({ kind: 'update', id: nodeCredentials.id, type });
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const entry = this.entry(nodeCredentials);
		entry.data = { ...entry.data, oauthTokenData: deepCopy(data.oauthTokenData) };
		this.events.push({ kind: 'oauthToken', id: nodeCredentials.id, type });
	}

	resolveValue(
		value: unknown,
		credentials: ICredentialDataDecryptedObject,
		workflow: Workflow,
		node: INode,
	): unknown {
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

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const credentialType = this.typeOf(typeName);
		const { authenticate } = credentialType;
		// n8n's own signature takes either request shape and answers IHttpRequestOptions.
		const options = requestOptions as IHttpRequestOptions;
		if (!authenticate) return options;
		if (typeof authenticate === 'function') return await authenticate(credentials, options);
		if (authenticate.type === 'generic') {
			const wf = workflow ?? this.expressionWorkflow();
			const n = node ?? this.credentialNode(wf);
			const target = options as unknown as Record<string, Record<string, unknown> | undefined>;
			for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
				for (const [key, value] of Object.entries(outerValue as Record<string, unknown>)) {
					const k = String(this.resolveValue(key, credentials, wf, n));
					const v = this.resolveValue(value, credentials, wf, n);
					const section = (target[outerKey] ??= {});
					section[k] = v;
				}
			}
		}
		return options;
	}

	expirableProperty(typeName: string): INodeProperties | undefined {
		return this.getCredentialsProperties(typeName).find(
			(p) => p.type === 'hidden' && p.typeOptions?.expirable === true,
		);
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
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

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.typeOf(typeName);
		if (typeof credentialType.preAuthentication !== 'function') return undefined;
		return (await credentialType.preAuthentication.call(
			helpers,
			credentials,
		)) as ICredentialDataDecryptedObject;
	}
}
