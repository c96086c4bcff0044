// The provider simulator and its demo credentials, loaded from the repository (compiled by its own build),
// with the types the benchmarks use. Provider state is untyped where it is built, so `instances` stays `any`.
import { requireFromRoot } from './root.cjs';

/** One request the simulator received, as its log keeps it. */
export interface LoggedRequest {
	provider: string;
	method: string;
	path: string;
	/** the route pattern it matched, e.g. /v2/customers/:merchant_id */
	route: string;
	/** when it arrived, ms since the epoch */
	at: number;
	query: Record<string, string>;
	rawBody: string;
	status?: number;
}

export interface Simulator {
	url: string;
	baseUrl(provider: string): string;
	stats: {
		tokens: Record<string, number>;
		log: LoggedRequest[];
		reset(): void;
		status(provider: string, status: number): number;
		total(provider: string): number;
	};
	network: {
		set(options?: { latencyMs?: number; rateLimits?: Record<string, number> }): void;
	};
	// Each provider module builds its own state and controls, untyped in the simulator.
	instances: Record<string, any>;
	resetRateWindows(): void;
	stop(): Promise<void>;
}

export interface DemoCredential {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

// Loaded when first called: a benchmark that runs the simulator in another process does not load it.
export function startSandbox(options?: Record<string, unknown>): Promise<Simulator> {
	return requireFromRoot<{
		startSandbox(options?: Record<string, unknown>): Promise<Simulator>;
	}>('sandbox').startSandbox(options);
}

export function demoCredentials(baseUrl: (provider: string) => string): DemoCredential[] {
	return requireFromRoot<{
		demoCredentials(baseUrl: (provider: string) => string): DemoCredential[];
	}>('sandbox', 'demo-credentials').demoCredentials(baseUrl);
}
