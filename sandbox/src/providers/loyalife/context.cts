// What every resource's routes share: the core's API, the options, the ledger and the request checks.
import type { ProviderApi } from '../../types.cjs';
import { createChecks } from './checks.cjs';
import { createLedger } from './ledger.cjs';
import type { Options } from './program.cjs';

function createContext(api: ProviderApi, options: Options) {
	const { route, HttpError, sim, randomId } = api;
	const ledger = createLedger(api, options);
	const checks = createChecks(api, options, ledger);
	return { api, route, HttpError, sim, randomId, options, ...ledger, ...checks };
}

type Loyalife = ReturnType<typeof createContext>;

export { createContext };
export type { Loyalife };
