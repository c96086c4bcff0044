'use strict';
// A jest test sequencer that runs the named files first, in the order given, then the others: with more than
// one worker the short files fill in around the long ones. Jest's own order puts the files it has timed
// longest first, but a fresh clone has no timings, and then it goes by file size, where a short file that
// runs a long matrix (faults.test.ts) comes last.
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

/**
 * @param {string[]} longestFirst file names without the suffix
 * @param {RegExp} suffix what a test file's name ends with
 */
function longestFirst(longestFirst, suffix) {
	return class LongestFirst extends Sequencer {
		/** @param {import('@jest/test-result').Test[]} tests */
		sort(tests) {
			/** @param {import('@jest/test-result').Test} test */
			const rank = (test) => {
				const index = longestFirst.indexOf(path.basename(test.path).replace(suffix, ''));
				return index < 0 ? longestFirst.length : index;
			};
			return [...tests].sort((a, b) => rank(a) - rank(b) || a.path.localeCompare(b.path));
		}
	};
}

module.exports = { longestFirst };
