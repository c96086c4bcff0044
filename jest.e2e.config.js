// End-to-end tests: a real n8n process (and a real browser) with the packed pack. Slow: the first run
// installs n8n once (see scripts/n8n-runtime.js).
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.js'],
	testTimeout: 300_000,
	maxWorkers: 1,
};
