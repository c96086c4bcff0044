// The e2e files that mostly wait for n8n's once-a-minute polls (test/e2e/groups.js), all at once: each is an
// n8n idle between polls. scripts/e2e.js runs this beside jest.e2e.config.js.
const { POLLING } = require('./test/e2e/groups');

module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: POLLING.map((name) => `**/${name}.e2e.ts`),
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }] },
	testTimeout: 300_000,
	maxWorkers: POLLING.length,
};
