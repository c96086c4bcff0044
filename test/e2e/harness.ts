// What the e2e files load from the repository, in one place: the scripts that install and drive a real n8n,
// the packages script, and the provider simulator with its demo credentials. The scripts in TypeScript are
// loaded from their build (scripts/build, compiled on first use by scripts/load.js), typed by their sources;
// scripts/n8n-runtime.js stays JavaScript (the n8n install runs beside `npm ci`), typed by its JSDoc.
import { load } from '../../scripts/load';
import type * as Instance from '../../scripts/n8n-instance.cjs';

export { ensureRuntime, N8N_VERSION, type Runtime } from '../../scripts/n8n-runtime';
export const { N8nInstance, packTarball, freePort, preparedInstance, instanceWithPack } =
	load('n8n-instance');
export type N8nInstance = Instance.N8nInstance;
export type { CliResult, ExecuteResult, N8nChild } from '../../scripts/n8n-instance.cjs';
export const packages = load('packages');
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
