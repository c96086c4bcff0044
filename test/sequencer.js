'use strict';
// The engine test files that take longest (measured on 2026-12-03: 45-56 s each, the fault matrix and the
// packages; 24-42 s the next) first, then the others.
const { longestFirst } = require('./longest-first');

module.exports = longestFirst(
	['faults-more', 'faults', 'packages', 'loyalife', 'frederick', 'package', 'flow', 'cardlytics'],
	/\.test\.ts$/,
);
