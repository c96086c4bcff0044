// @ts-check
'use strict';
// The scripts written in TypeScript (scripts/*.cts, scan.mts) are compiled to scripts/build by `npm run build`.
// This loader keeps them working from a fresh clone too: it compiles them on first use when the build is
// missing or older than its sources. The launchers (start.js, e2e.js, packages.js, scan.js), the e2e harness
// and the tests load them from here, typed by their sources.
const path = require('node:path');
const { compiledLoader } = require('./compiled');

const BUILD = path.join(__dirname, 'build');

const loader = compiledLoader({
	src: __dirname,
	build: BUILD,
	tsconfig: path.join(__dirname, 'tsconfig.json'),
	marker: 'n8n-instance.cjs',
	ext: '.cjs',
});

/**
 * @overload
 * @param {'n8n-instance'} name
 * @returns {typeof import('./n8n-instance.cjs')}
 */
/**
 * @overload
 * @param {'packages'} name
 * @returns {typeof import('./packages.cjs')}
 */
/**
 * @overload
 * @param {'e2e'} name
 * @returns {typeof import('./e2e.cjs')}
 */
/**
 * @overload
 * @param {'start'} name
 * @returns {typeof import('./start.cjs')}
 */
/**
 * A compiled script (a CommonJS module of scripts/build) by its name.
 * @param {string} name
 * @returns {unknown}
 */
function load(name) {
	return loader.load(name);
}

module.exports = { load, ensureBuilt: loader.ensureBuilt, BUILD };
