'use strict';
// `npm test`: everything CI runs, in order: install the dev tooling if needed, build, lint (n8n-node lint),
// the engine tests (n8n-core, fast), then the end-to-end tests in a real n8n process and a real browser
// (installing n8n once, and Debian's Chromium when it is missing).
//   npm test                 all of it
//   npm test -- --engine     only build, lint and the engine tests
const { execSync } = require('node:child_process');
const fs = require('node:fs');
const { ensureDeps, ROOT } = require('./ensure-deps');

const run = (title, command, env = {}) => {
	console.log(`\n[test] ${title}: ${command}`);
	execSync(command, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
};

/** Debian's Chromium for the editor test, installed the way env's notes say, if it is not there yet. */
function ensureChromium() {
	if (fs.existsSync('/usr/bin/chromium')) return;
	const root = typeof process.getuid === 'function' && process.getuid() === 0;
	const sudo = root ? '' : 'sudo ';
	console.log('\n[test] installing Debian chromium for the editor test');
	execSync(
		`${sudo}apt-get update -qq && DEBIAN_FRONTEND=noninteractive ${sudo}apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core`,
		{
			stdio: 'inherit',
		},
	);
}

try {
	const engineOnly = process.argv.includes('--engine');
	ensureDeps();
	run('build', 'npm run build --silent');
	run('lint', 'npm run lint --silent');
	run('engine tests', 'npx jest --ci');
	run('secrets in n8n logs (own process)', 'npx jest --ci --config jest.logs.config.js');
	if (!engineOnly) {
		ensureChromium();
		run('end-to-end tests (real n8n, real browser)', 'npx jest --ci --config jest.e2e.config.js');
	}
	console.log('\n[test] all green');
} catch (error) {
	console.error(`\n[test] failed: ${error.message.split('\n')[0]}`);
	process.exit(1);
}
