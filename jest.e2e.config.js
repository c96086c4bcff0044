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
	// Two files at once, the longest first: with the polling files beside them the two cores are busy (90-100%
	// in vmstat) and these files took 354 s against 751 s one at a time. (One at a time while webhook-volume's
	// 1,500 executions ran under n8n's default expression engine: beside another file they fell behind.)
	maxWorkers: 2,
	testSequencer: '<rootDir>/test/e2e/sequencer.js',
};
