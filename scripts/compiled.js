// @ts-check
'use strict';
// TypeScript compiled on first use: a loader for a folder of sources (`src`) built by one tsconfig into `build`,
// rebuilt when the build is missing or older than its sources (a fresh clone, or an edit without a build).
// The simulator's shims, the scripts' launchers (scripts/load.js) and the benchmarks' harness use it. The build
// may lie inside `src` (scripts/build): it is not a source.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

/**
 * The newest modification time of a folder's files, the folder `skip` left out.
 * @param {string} dir
 * @param {string} skip
 * @returns {number}
 */
function newest(dir, skip) {
	let latest = 0;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (full === skip) continue;
		latest = Math.max(latest, entry.isDirectory() ? newest(full, skip) : fs.statSync(full).mtimeMs);
	}
	return latest;
}

/**
 * `{ load(name), ensureBuilt() }` for sources in `src` compiled by `tsconfig` into `build`; `marker` is a file
 * of the build whose age stands for all of it, `ext` the compiled files' extension.
 * @param {{ src: string, build: string, tsconfig: string, marker: string, ext: string }} options
 * @returns {{ load(name: string): unknown, ensureBuilt(): void }}
 */
function compiledLoader({ src, build, tsconfig, marker, ext }) {
	function ensureBuilt() {
		const stamp = path.join(build, marker);
		if (fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs >= newest(src, path.resolve(build)))
			return;
		const tsc = require.resolve('typescript/bin/tsc');
		execFileSync(process.execPath, [tsc, '-p', tsconfig], { stdio: 'inherit' });
		fs.utimesSync(stamp, new Date(), new Date());
	}
	/** @param {string} name */
	function load(name) {
		ensureBuilt();
		return /** @type {unknown} */ (require(path.join(build, `${name}${ext}`)));
	}
	return { load, ensureBuilt };
}

module.exports = { compiledLoader };
