// What the e2e files load from the repository, in one place: the scripts that install and drive a real n8n,
// the packages script, and the provider simulator with its demo credentials.
export { ensureRuntime, N8N_VERSION } from '../../scripts/n8n-runtime';
export { N8nInstance, packTarball, freePort, preparedInstance } from '../../scripts/n8n-instance';
export * as packages from '../../scripts/packages';
export {
	startSandbox,
	demoCredentials,
	loyaltyLionApiKeys,
	loyaltyLionSiteSecret,
	type Simulator,
	type DemoCredential,
} from '../harness/sandbox';
