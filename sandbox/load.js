'use strict';
// The simulator is written in TypeScript (sandbox/src) and compiled to sandbox/build by `npm run build`.
// These shims keep `require('./sandbox')` working for tests, scripts and benchmarks, and compile it on first
// use when the build is missing or older than its sources.
const path = require('node:path');
const { compiledLoader } = require('../scripts/compiled');

module.exports = compiledLoader({
	src: path.join(__dirname, 'src'),
	build: path.join(__dirname, 'build'),
	tsconfig: path.join(__dirname, 'tsconfig.json'),
	marker: 'index.cjs',
	ext: '.cjs',
});
