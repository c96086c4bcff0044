'use strict';
// The e2e files in a fixed order, the ones that take longest (n8n boots per package, 1,500 webhook calls)
// first: with more than one worker the short ones fill in around them.
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

const LONGEST_FIRST = ['packages', 'webhook-volume', 'editor', 'examples', 'webhook-credentials'];

class LongestFirst extends Sequencer {
	/** @param {import('@jest/test-result').Test[]} tests */
	sort(tests) {
		/** @param {import('@jest/test-result').Test} test */
		const rank = (test) => {
			const name = path.basename(test.path).replace(/\.e2e\.ts$/, '');
			const index = LONGEST_FIRST.indexOf(name);
			return index < 0 ? LONGEST_FIRST.length : index;
		};
		return [...tests].sort((a, b) => rank(a) - rank(b) || a.path.localeCompare(b.path));
	}
}

module.exports = LongestFirst;
