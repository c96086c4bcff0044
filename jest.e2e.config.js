// End-to-end tests: a real n8n process (and a real browser) with the packed pack. Slow: the first run
// installs n8n once (see scripts/n8n-runtime.js). `npm run test:e2e` (scripts/e2e.js) runs these files and,
// beside them in a second jest process, the polling files (jest.e2e-polling.config.js).
const { POLLING } = require('./test/e2e/groups');

module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	testPathIgnorePatterns: ['/node_modules/', ...POLLING.map((name) => `/${name}\\.e2e\\.ts$`)],
	// TypeScript, type-checked by `npm run lint` (tsc -p test/tsconfig.json): here only transpiled.
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }] },
	testTimeout: 300_000,
	// One file at a time: beside another busy e2e file, the 1,500-delivery test (webhook-volume) is starved of
	// CPU on two cores and its executions fall behind (timed out at 2 and at 3 workers). The longest first.
	maxWorkers: 1,
	testSequencer: '<rootDir>/test/e2e/sequencer.js',
};
