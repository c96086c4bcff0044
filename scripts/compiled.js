'use strict';
// TypeScript compiled on first use: a loader for a folder of sources (`src`) built by one tsconfig into `build`,
// rebuilt when the build is missing or older than its sources (a fresh clone, or an edit without a build).
// The simulator's shims and the benchmarks' harness use it.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

function newest(dir) {
	let latest = 0;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
	}
	return latest;
}

/**
 * `{ load(name), ensureBuilt() }` for sources in `src` compiled by `tsconfig` into `build`; `marker` is a file
 * of the build whose age stands for all of it, `ext` the compiled files' extension.
 */
function compiledLoader({ src, build, tsconfig, marker, ext }) {
	function ensureBuilt() {
		const stamp = path.join(build, marker);
		if (fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs >= newest(src)) return;
		const tsc = require.resolve('typescript/bin/tsc');
		execFileSync(process.execPath, [tsc, '-p', tsconfig], { stdio: 'inherit' });
		fs.utimesSync(stamp, new Date(), new Date());
	}
	function load(name) {
		ensureBuilt();
		return require(path.join(build, `${name}${ext}`));
	}
	return { load, ensureBuilt };
}

module.exports = { compiledLoader };
