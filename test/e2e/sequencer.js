'use strict';
// The e2e files in a fixed order, the ones that take longest (n8n boots per package, 1,500 webhook calls)
// first: with more than one worker the short ones fill in around them.
const { longestFirst } = require('../longest-first');

module.exports = longestFirst(
	['packages', 'webhook-volume', 'editor', 'examples', 'webhook-credentials'],
	/\.e2e\.ts$/,
);
