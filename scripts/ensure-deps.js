// @ts-check
'use strict';
// Makes `npm start` and `npm test` work on a fresh clone: installs the dev tooling from the lock file when
// node_modules is missing or older than package-lock.json. (.npmrc sets ignore-scripts: n8n-core pulls in
// native modules, such as isolated-vm, that only build on Node 24 and that the tests never load.)
const { execSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');

/** Whether node_modules is missing or older than the lock file. */
function needsInstall() {
	const marker = path.join(ROOT, 'node_modules', '.package-lock.json');
	const lock = path.join(ROOT, 'package-lock.json');
	if (!fs.existsSync(marker)) return true;
	return fs.existsSync(lock) && fs.statSync(lock).mtimeMs > fs.statSync(marker).mtimeMs + 1000;
}

/** Installs the dev tooling when {@link needsInstall}. */
function ensureDeps() {
	if (!needsInstall()) return;
	// npm ci: exactly the versions in package-lock.json (the lock file lists every platform's optional
	// @unrs/resolver-binding-* package, so npm ci accepts it; checked on a fresh clone).
	const command = 'npm ci --no-audit --no-fund';
	console.log(`[setup] installing dev tooling (${command}); about a minute on a fresh clone`);
	execSync(command, { cwd: ROOT, stdio: 'inherit' });
}

module.exports = { ensureDeps, ROOT };

if (require.main === module) ensureDeps();
