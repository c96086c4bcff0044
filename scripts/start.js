// @ts-check
'use strict';
// `npm start` and `npm run dev` (start.js --dev): the pack running in a real n8n against the provider
// simulator (what they do is in start.cts). This bootstrap stays JavaScript because it installs the dev
// tooling, TypeScript among it, on a fresh clone: it installs it if needed, builds (the pack, the simulator and
// the scripts), then runs the compiled start.
const { execSync } = require('node:child_process');
const { ensureDeps, ROOT } = require('./ensure-deps');

async function main() {
	ensureDeps();
	console.log('[start] building the pack');
	execSync('npm run build --silent', { cwd: ROOT, stdio: 'inherit' });
	await require('./load').load('start').start();
}

main().catch((/** @type {Error} */ error) => {
	console.error(`[start] ${error.message}`);
	process.exit(1);
});
