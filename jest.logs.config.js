// The log-scanning test runs in a jest process of its own: n8n's logger is a process-wide singleton whose
// level is fixed by the first test file that loads n8n-core, so it must be the first (and only) one here.
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/logs'],
	testMatch: ['**/*.test.ts'],
	// The harness and the test are TypeScript, compiled as the engine tests' are.
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }] },
	testTimeout: 60_000,
	maxWorkers: 1,
	setupFilesAfterEnv: ['<rootDir>/test/harness/scan-after-each-file.ts'],
};
