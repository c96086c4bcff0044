// The provider simulator and its demo credentials, loaded from the repository (compiled by its own build),
// typed by the simulator's own declarations: each provider's instance (state and controls) as its module
// builds it. `npm run bench` builds the simulator before it compiles the benchmark.
import type * as SandboxModule from '../../sandbox/build/index.cjs';
import type * as DemoCredentialsModule from '../../sandbox/build/demo-credentials.cjs';
import { requireFromRoot } from './root.cjs';

export type { Sandbox as Simulator } from '../../sandbox/build/index.cjs';
export type { LoggedRequest } from '../../sandbox/build/core.cjs';
export type { DemoCredential } from '../../sandbox/build/demo-credentials.cjs';

// Loaded when first called: a benchmark that runs the simulator in another process does not load it.
export const startSandbox: typeof SandboxModule.startSandbox = (options) =>
	requireFromRoot<typeof SandboxModule>('sandbox').startSandbox(options);

export const demoCredentials: typeof DemoCredentialsModule.demoCredentials = (baseUrl) =>
	requireFromRoot<typeof DemoCredentialsModule>('sandbox', 'demo-credentials').demoCredentials(
		baseUrl,
	);
