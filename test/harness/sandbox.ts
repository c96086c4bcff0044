// The provider simulator and its demo credentials, loaded from the repository (compiled by its own build),
// typed by that build's declarations (from the simulator's sources: each provider's instance, state and
// controls, as its module builds it). Declarations, not the sources: the benchmarks compile this harness
// with its own folder as the root, which a source outside it would break.
import type * as SandboxModule from '../../sandbox/build/index.cjs';
import type * as DemoCredentialsModule from '../../sandbox/build/demo-credentials.cjs';
import { requireFromRoot } from './root';

export type { Sandbox as Simulator } from '../../sandbox/build/index.cjs';
export type { FaultSpec, LoggedRequest } from '../../sandbox/build/core.cjs';

export type { DemoCredential } from '../../sandbox/build/demo-credentials.cjs';

export const { startSandbox } = requireFromRoot<typeof SandboxModule>('sandbox');

export const { demoCredentials, loyaltyLionApiKeys, loyaltyLionSiteSecret } = requireFromRoot<
	typeof DemoCredentialsModule
>('sandbox', 'demo-credentials');
