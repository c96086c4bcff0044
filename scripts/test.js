// @ts-check
'use strict';
// `npm test`: everything CI runs, in order: install the dev tooling if needed, build, lint (n8n-node lint),
// the engine tests (n8n-core, fast), then the end-to-end tests in a real n8n process and a real browser
// (installing n8n once, and Debian's Chromium when it is missing).
//   npm test                 all of it
//   npm test -- --engine     only build, lint and the engine tests
const { execSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ensureDeps, ROOT } = require('./ensure-deps');

/**
 * @param {string} title
 * @param {string} command
 * @param {NodeJS.ProcessEnv} [env]
 */
const run = (title, command, env = {}) => {
	console.log(`\n[test] ${title}: ${command}`);
	const started = Date.now();
	execSync(command, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
	console.log(`[test] ${title}: ${Math.round((Date.now() - started) / 1000)} s`);
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

/**
 * Installs the real n8n (the first time, about 4 minutes) in a child process while the build, lint and engine
 * tests run, its output kept in a log file (a pipe nobody reads would stall it). Resolves when it is ready.
 * @returns {Promise<void>}
 */
function installN8nMeanwhile() {
	const log = path.join(os.tmpdir(), `n8n-runtime-install-${process.pid}.log`);
	const out = fs.openSync(log, 'w');
	const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'n8n-runtime.js')], {
		cwd: ROOT,
		stdio: ['ignore', out, out],
	});
	console.log(`\n[test] installing n8n in the background if needed (log: ${log})`);
	return new Promise((resolve, reject) => {
		child.on('error', reject);
		child.on('exit', (code) => {
			fs.closeSync(out);
			const text = fs.readFileSync(log, 'utf8').trim();
			if (text) console.log(text.replace(/^/gm, '[n8n install] '));
			if (code === 0) resolve();
			else reject(new Error(`installing n8n failed (exit ${code}); its log: ${log}`));
		});
	});
}

async function main() {
	const engineOnly = process.argv.includes('--engine');
	const n8n = engineOnly ? undefined : installN8nMeanwhile();
	// An install failure is reported when the e2e tests need n8n, not as an unhandled rejection before.
	n8n?.catch(() => {});
	const started = Date.now();
	ensureDeps();
	console.log(`[test] dev tooling ready after ${Math.round((Date.now() - started) / 1000)} s`);
	run('build', 'npm run build --silent');
	run('lint', 'npm run lint --silent');
	run('engine tests', 'npx jest --ci');
	run('secrets in n8n logs (own process)', 'npx jest --ci --config jest.logs.config.js');
	if (!engineOnly) {
		ensureChromium();
		console.log('\n[test] waiting for the n8n install');
		await n8n;
		run('end-to-end tests (real n8n, real browser)', 'node scripts/e2e.js');
	}
	console.log(`\n[test] all green in ${Math.round((Date.now() - started) / 1000)} s`);
}

main().catch((/** @type {Error} */ error) => {
	console.error(`\n[test] failed: ${error.message.split('\n')[0]}`);
	process.exit(1);
});
