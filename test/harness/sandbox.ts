// The provider simulator and its demo credentials, loaded from the repository (it is compiled by its own
// build), with the types the tests use. The simulator's provider state is untyped where it is built, so
// `instances` stays `any` here.
import { requireFromRoot } from './root';

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
	headers: Record<string, string | string[] | undefined>;
	// A parsed JSON or form body, or the text: whatever the request sent.
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	body: any;
	rawBody: string;
	status?: number;
}

export interface Simulator {
	url: string;
	/** Absolute base URL of a provider, e.g. http://127.0.0.1:4010/cardlytics */
	baseUrl(provider: string): string;
	stats: {
		requests: Record<string, number>;
		tokens: Record<string, number>;
		statuses: Record<string, Record<string, number>>;
		log: LoggedRequest[];
		reset(): void;
		status(provider: string, status: number): number;
		total(provider: string): number;
		get(provider: string, method: string, pattern: string): number;
	};
	faults: {
		add(provider: string, fault: Record<string, unknown>): void;
		clear(provider?: string): void;
	};
	network: {
		set(options?: { latencyMs?: number; rateLimits?: Record<string, number> }): void;
	};
	// Each provider module builds its own state and controls, untyped in the simulator.
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	instances: Record<string, any>;
	recorded: unknown[];
	resetRateWindows(): void;
	requestsTo(provider: string, method: string, pattern: string): number;
	stop(): Promise<void>;
}

export interface DemoCredential {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

interface SandboxModule {
	startSandbox(options?: Record<string, unknown>): Promise<Simulator>;
}

interface DemoCredentialsModule {
	demoCredentials(baseUrl: (provider: string) => string): DemoCredential[];
	loyaltyLionApiKeys: { all: string; readCustomers: string };
	loyaltyLionSiteSecret: string;
}

export const { startSandbox } = requireFromRoot<SandboxModule>('sandbox');

export const { demoCredentials, loyaltyLionApiKeys, loyaltyLionSiteSecret } =
	requireFromRoot<DemoCredentialsModule>('sandbox', 'demo-credentials');
