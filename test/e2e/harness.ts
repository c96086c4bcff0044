// What the e2e files load from the repository, in one place: the scripts that install and drive a real n8n,
// the packages script, and the provider simulator with its demo credentials.
import {
	N8nInstance as ScriptInstance,
	preparedInstance as scriptPreparedInstance,
} from '../../scripts/n8n-instance';
import type { DemoCredential, Simulator } from '../harness/sandbox';
import type { Workflow } from './rest';

export { ensureRuntime, N8N_VERSION } from '../../scripts/n8n-runtime';
export { packTarball, freePort } from '../../scripts/n8n-instance';
export * as packages from '../../scripts/packages';
export {
	startSandbox,
	demoCredentials,
	loyaltyLionApiKeys,
	loyaltyLionSiteSecret,
	type Simulator,
	type DemoCredential,
} from '../harness/sandbox';
export { must } from '../harness/must';
export { requireFromRoot } from '../harness/root';

// tsc reads the scripts' JavaScript too narrowly in places: of start()'s and launch()'s options only `env` (from
// its default), `log` as possibly unset, not the `log` that launch() adds to the child, and preparedInstance's
// `workflow` as required. The signatures the e2e files call are typed here until the scripts are TypeScript.

/** The options of `N8nInstance.start` and `.launch`. */
export interface StartOptions {
	port?: number;
	env?: Record<string, string>;
	onLine?: (line: string) => void;
}

/** A real n8n process (scripts/n8n-instance.js). */
export interface N8nInstance extends ScriptInstance {
	/** What `n8n start` printed (set by start()). */
	log: string;
	start(options?: StartOptions): Promise<this>;
	/** Another n8n process on the same user folder (e.g. `worker`), with what it printed in `log`. */
	launch(
		args: string[],
		options?: StartOptions,
	): Promise<
		import('node:child_process').ChildProcessByStdio<
			null,
			import('node:stream').Readable,
			import('node:stream').Readable
		> & { log: string }
	>;
}
export const N8nInstance = ScriptInstance as new (
	options: ConstructorParameters<typeof ScriptInstance>[0],
) => N8nInstance;

/** The n8n install ensureRuntime answers. */
export type Runtime = ConstructorParameters<typeof ScriptInstance>[0]['runtime'] & {
	dir: string;
	version: string;
};

/** What preparedInstance takes: one workflow or several, imported and (unless `activate` is false) activated. */
export interface PreparedOptions {
	runtime: ConstructorParameters<typeof ScriptInstance>[0]['runtime'];
	/** with demoCredentials, where the credentials come from when `credentials` is not given */
	sim?: Simulator;
	demoCredentials?: (baseUrl: Simulator['baseUrl']) => DemoCredential[];
	credentials?: DemoCredential[];
	name: string;
	workflow?: Workflow;
	workflows?: Workflow[];
	activate?: boolean;
}
export const preparedInstance = scriptPreparedInstance as (
	options: PreparedOptions,
) => Promise<N8nInstance>;
