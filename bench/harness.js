'use strict';
// The test harness for the benchmarks: `require('./harness').load('engine')`. The harness is TypeScript
// (test/harness); this compiles it to bench/build/harness when the build is missing or older than its
// sources, the way the simulator's shims do.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const SRC = path.join(__dirname, '..', 'test', 'harness');
const BUILD = path.join(__dirname, 'build', 'harness');

function newest(dir) {
	let latest = 0;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
	}
	return latest;
}

function ensureBuilt() {
	const marker = path.join(BUILD, 'engine.js');
	if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= newest(SRC)) return;
	const tsc = require.resolve('typescript/bin/tsc');
	execFileSync(process.execPath, [tsc, '-p', path.join(__dirname, 'tsconfig.harness.json')], {
		stdio: 'inherit',
	});
	fs.utimesSync(marker, new Date(), new Date());
}

/** The compiled harness module `name` (engine, oauth2-connect, ...). */
function load(name) {
	ensureBuilt();
	return require(path.join(BUILD, `${name}.js`));
}

module.exports = { load, ensureBuilt };
