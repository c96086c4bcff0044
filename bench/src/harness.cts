// The test harness for the benchmarks: `load('engine')`, and the e2e tests' REST helpers (`loadRest`). The harness is TypeScript (test/harness), compiled to
// bench/build/harness on first use, the way the simulator's shims do. Its types are restated here, as far as
// the benchmarks use them: the harness lies outside this program's sources.
import * as path from 'node:path';
import type {
	ExecutionError,
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	IPinData,
	IRun,
} from 'n8n-workflow';
import { ROOT, requireFromRoot } from './root.cjs';

export interface CredentialRef {
	type: string;
	ref: { id: string; name: string };
}

export interface WorkflowData {
	nodes: INode[];
	connections: IConnections;
}

export interface NodeResult {
	items: INodeExecutionData[];
	error: ExecutionError | undefined;
	run: IRun;
}

export interface Engine {
	addCredential(id: string, type: string, data: IDataObject, name?: string): CredentialRef;
	runNode(options: {
		type: string;
		parameters: INode['parameters'];
		credentials?: CredentialRef;
		items?: IDataObject[];
	}): Promise<NodeResult>;
	run(workflowData: WorkflowData, options?: { pinData?: IPinData }): Promise<IRun>;
}

export interface EngineModule {
	Engine: new (options?: { scanSecrets?: boolean }) => Engine;
}

export interface ActiveTrigger {
	url: string;
	staticData(): IDataObject;
	deactivate(): Promise<void>;
}

export interface WebhooksModule {
	activateTrigger(
		engine: Engine,
		options: { type: string; parameters: INode['parameters']; credentials?: CredentialRef },
	): Promise<ActiveTrigger>;
}

export interface OAuth2ConnectModule {
	connectOAuth2(engine: Engine, credentialId: string): Promise<unknown>;
}

interface CompiledModule {
	compiledLoader(options: {
		src: string;
		build: string;
		tsconfig: string;
		marker: string;
		ext: string;
	}): { load(name: string): unknown; ensureBuilt(): void };
}

const loader = requireFromRoot<CompiledModule>('scripts', 'compiled').compiledLoader({
	src: path.join(ROOT, 'test', 'harness'),
	build: path.join(ROOT, 'bench', 'build', 'harness'),
	tsconfig: path.join(ROOT, 'bench', 'tsconfig.harness.json'),
	marker: 'engine.js',
	ext: '.js',
});

const restLoader = requireFromRoot<CompiledModule>('scripts', 'compiled').compiledLoader({
	src: path.join(ROOT, 'test', 'e2e'),
	build: path.join(ROOT, 'bench', 'build', 'e2e-rest'),
	tsconfig: path.join(ROOT, 'bench', 'tsconfig.rest.json'),
	marker: 'rest.js',
	ext: '.js',
});

/** The e2e tests' REST helpers (test/e2e/rest.ts), compiled on first use; typed by the caller. */
export function loadRest<T>(): T {
	return restLoader.load('rest') as T;
}

export function load(name: 'engine'): EngineModule;
export function load(name: 'webhooks'): WebhooksModule;
export function load(name: 'oauth2-connect'): OAuth2ConnectModule;
export function load(name: string): unknown {
	return loader.load(name);
}
