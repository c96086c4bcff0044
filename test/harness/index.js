'use strict';
// Test entry point: one simulator per test file on a free port, and a fresh n8n "instance" per test.
const { Engine, resultOf, NODE_PREFIX } = require('./engine');
const { startSandbox } = require('../../sandbox');
const { registerSecret } = require('./secrets');
const { resetFlows } = require('../../dist/nodes/shared/flow/flow');

/**
 * Starts the simulator for this test file (beforeAll/afterAll). `options` are per-provider simulator
 * options. Returns a handle whose `sim` is set once started.
 */
function useSandbox(options = {}) {
	const handle = { sim: undefined };
	beforeAll(async () => {
		// Every token the simulator issues is registered as a secret the suite must never see in an output.
		handle.sim = await startSandbox({ port: 0, onSecret: registerSecret, ...options });
	});
	afterAll(async () => {
		await handle.sim?.stop();
	});
	beforeEach(() => {
		handle.sim.stats.reset();
		handle.sim.faults.clear();
		// Each test starts as a fresh n8n process would, against a provider that has counted no request yet.
		resetFlows();
		handle.sim.resetRateWindows();
	});
	return handle;
}

const { allText } = require('./text');

const { connectOAuth2 } = require('./oauth2-connect');
const { activateTrigger } = require('./webhooks');

module.exports = {
	Engine,
	resultOf,
	useSandbox,
	allText,
	NODE_PREFIX,
	connectOAuth2,
	activateTrigger,
};
