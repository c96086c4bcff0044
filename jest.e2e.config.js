// End-to-end tests: a real n8n process (and a real browser) with the packed pack. Slow: the first run
// installs n8n once (see scripts/n8n-runtime.js).
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.js'],
	testTimeout: 300_000,
	// Two files at once, each with its own n8n on its own port: much of an e2e file is waiting (n8n's boot, a
	// poll each minute), so two share the two cores; the longest start first. (Three starved the 1,500-delivery
	// test of CPU on two cores.)
	maxWorkers: 2,
	testSequencer: '<rootDir>/test/e2e/sequencer.js',
};
