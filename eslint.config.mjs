import { config } from '@n8n/node-cli/eslint';

export default [
	// The provider simulator (sandbox/) is dev tooling that n8n never loads and the package never ships: the
	// community-node rules (no `process`, no console, ...) are about code that runs inside n8n, so they do not
	// apply to it. It is type-checked by its own tsconfig (npm run build).
	{ ignores: ['sandbox/**'] },
	...(Array.isArray(config) ? config : [config]),
];
