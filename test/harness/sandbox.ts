// The provider simulator and its demo credentials, loaded from the repository (compiled by its own build),
// typed by the simulator's own sources: each provider's instance (state and controls) as its module builds it.
import type * as SandboxModule from '../../sandbox/src/index.cjs';
import type * as DemoCredentialsModule from '../../sandbox/src/demo-credentials.cjs';
import { requireFromRoot } from './root';

export type { Sandbox as Simulator } from '../../sandbox/src/index.cjs';
export type { FaultSpec, LoggedRequest } from '../../sandbox/src/core.cjs';

export type { DemoCredential } from '../../sandbox/src/demo-credentials.cjs';

export const { startSandbox } = requireFromRoot<typeof SandboxModule>('sandbox');

export const { demoCredentials, loyaltyLionApiKeys, loyaltyLionSiteSecret } = requireFromRoot<
	typeof DemoCredentialsModule
>('sandbox', 'demo-credentials');
