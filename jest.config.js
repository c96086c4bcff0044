// Engine tests run workflows through n8n-core against the provider simulator; each test file starts its
// own simulator on a free port. End-to-end tests (a real n8n process) live in test/e2e.
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	// The harness and the TypeScript tests (the unit tests import the sources directly).
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }] },
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/', '/test/logs/'],
	testTimeout: 60_000,
	// Four files at once: the engine tests spend most of their time waiting (backoffs, rate windows), not
	// computing, and each file has its own simulator and flows.
	maxWorkers: 4,
	// The longest files first (test/sequencer.js): on a fresh clone jest has no timings to order them by.
	testSequencer: '<rootDir>/test/sequencer.js',
	setupFilesAfterEnv: ['<rootDir>/test/harness/scan-after-each-file.ts'],
};
