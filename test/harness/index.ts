// Test entry point: one simulator per test file on a free port, and a fresh n8n "instance" per test.
import { Engine, resultOf, NODE_PREFIX } from './engine';
import { connectOAuth2 } from './oauth2-connect';
import { requireFromRoot } from './root';
import { startSandbox, type Simulator } from './sandbox';
import { registerSecret } from './secrets';
import { allText } from './text';
import { activateTrigger } from './webhooks';

const { resetFlows } = requireFromRoot<{ resetFlows(): void }>(
	'dist',
	'nodes',
	'shared',
	'flow',
	'flow',
);

/** The running simulator of a test file: set once beforeAll has started it. */
export interface SandboxHandle {
	sim: Simulator;
}

/**
 * Starts the simulator for this test file (beforeAll/afterAll). `options` are per-provider simulator
 * options. Returns a handle whose `sim` is set once started.
 */
export function useSandbox(options: Record<string, unknown> = {}): SandboxHandle {
	// Tests read `sim` only inside hooks and tests, after beforeAll has set it.
	const handle = { sim: undefined } as unknown as SandboxHandle;
	beforeAll(async () => {
		// Every token the simulator issues is registered as a secret the suite must never see in an output.
		handle.sim = await startSandbox({ port: 0, onSecret: registerSecret, ...options });
	});
	afterAll(async () => {
		await (handle.sim as Simulator | undefined)?.stop();
	});
	beforeEach(() => {
		handle.sim.stats.reset();
		handle.sim.faults.clear();
		// Each test starts as a fresh n8n process would, against a provider that has counted no request yet.
		resetFlows();
		handle.sim.resetRateWindows();
	});
	return handle;
}

export { Engine, resultOf, allText, NODE_PREFIX, connectOAuth2, activateTrigger };
export type { CredentialRef, NodeResult, RunNodeOptions, WorkflowData } from './engine';
export type { FaultSpec, LoggedRequest, Simulator } from './sandbox';
