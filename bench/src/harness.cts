'use strict';
// The test harness for the benchmarks: `require('./harness').load('engine')`. The harness is TypeScript
// (test/harness), compiled to bench/build/harness on first use, the way the simulator's shims do.
const path = require('node:path');
const { compiledLoader } = require('../scripts/compiled');

module.exports = compiledLoader({
	src: path.join(__dirname, '..', 'test', 'harness'),
	build: path.join(__dirname, 'build', 'harness'),
	tsconfig: path.join(__dirname, 'tsconfig.harness.json'),
	marker: 'engine.js',
	ext: '.js',
});
