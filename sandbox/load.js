'use strict';
// The simulator is written in TypeScript (sandbox/src) and compiled to sandbox/build by `npm run build`.
// These shims keep `require('./sandbox')` working for tests, scripts and benchmarks, and compile it on first
// use when the build is missing or older than its sources (a fresh clone, or an edit without a build).
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const SRC = path.join(__dirname, 'src');
const BUILD = path.join(__dirname, 'build');

function newest(dir) {
	let latest = 0;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
	}
	return latest;
}

function ensureBuilt() {
	const marker = path.join(BUILD, 'index.cjs');
	if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= newest(SRC)) return;
	const tsc = require.resolve('typescript/bin/tsc');
	execFileSync(process.execPath, [tsc, '-p', path.join(__dirname, 'tsconfig.json')], {
		stdio: 'inherit',
	});
	fs.utimesSync(marker, new Date(), new Date());
}

/** The compiled module `name` of the simulator. */
function load(name) {
	ensureBuilt();
	return require(path.join(BUILD, `${name}.cjs`));
}

module.exports = { load, ensureBuilt };
