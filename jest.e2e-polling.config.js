// The e2e files that mostly wait (test/e2e/groups.js: n8n's once-a-minute polls, the editor in Chromium), all
// at once. scripts/e2e.js runs this beside jest.e2e.config.js.
const { BESIDE } = require('./test/e2e/groups');

module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: BESIDE.map((name) => `**/${name}.e2e.js`),
	testTimeout: 300_000,
	maxWorkers: BESIDE.length,
};
