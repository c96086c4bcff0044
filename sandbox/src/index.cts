// The provider simulator: every provider module behind one local HTTP server.
//   const { startSandbox } = require('./sandbox');
//   const sim = await startSandbox({ port: 0, cardlytics: { tokenLifetimeSeconds: 5 } });
//   sim.baseUrl('cardlytics')  ->  http://127.0.0.1:<port>/cardlytics
import { createSimulator, type Simulator } from './core.cjs';

/** Provider modules, one per provider. Adding a provider is adding its module here. */
import * as cardlytics from './providers/cardlytics/index.cjs';
import * as frederick from './providers/frederick/index.cjs';
import * as loyalife from './providers/loyalife/index.cjs';
import * as loyalistic from './providers/loyalistic/index.cjs';
import * as loyaltylion from './providers/loyaltylion/index.cjs';

const PROVIDERS = [cardlytics, loyalistic, loyalife, frederick, loyaltylion];

/** Each provider's instance (its state and controls) under its name, as each module types it. */
type Instances = {
	[M in (typeof PROVIDERS)[number] as M['name']]: ReturnType<M['create']>;
};

/** The simulator with each provider's instance typed, for the tests and the benchmark. */
type Sandbox = Omit<Simulator, 'instances'> & { instances: Instances };

async function startSandbox(options: Record<string, any> = {}): Promise<Sandbox> {
	const { port = 0, host = '127.0.0.1', ...perProvider } = options;
	const sim = createSimulator(PROVIDERS, perProvider);
	await sim.start(port, host);
	return sim as unknown as Sandbox;
}

export { startSandbox, PROVIDERS };
export type { Sandbox, Instances };
