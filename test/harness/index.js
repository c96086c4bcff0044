'use strict';
// Test entry point: one simulator per test file on a free port, and a fresh n8n "instance" per test.
const { Engine, resultOf, NODE_PREFIX } = require('./engine');
const { startSandbox } = require('../../sandbox');

/**
 * Starts the simulator for this test file (beforeAll/afterAll). `options` are per-provider simulator
 * options. Returns a handle whose `sim` is set once started.
 */
function useSandbox(options = {}) {
	const handle = { sim: undefined };
	beforeAll(async () => {
		handle.sim = await startSandbox({ port: 0, ...options });
	});
	afterAll(async () => {
		await handle.sim?.stop();
	});
	beforeEach(() => {
		handle.sim.stats.reset();
		handle.sim.faults.clear();
	});
	return handle;
}

/** Every string in a value, flattened: for scanning outputs and errors for secrets. */
function allText(value, seen = new Set()) {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value !== 'object') return String(value);
	if (seen.has(value)) return '';
	seen.add(value);
	if (value instanceof Error) {
		return [value.message, value.description, value.stack, allText({ ...value }, seen)].join('\n');
	}
	return Object.entries(value)
		.map(([k, v]) => `${k}: ${allText(v, seen)}`)
		.join('\n');
}

const { connectOAuth2 } = require('./oauth2-connect');
const { activateTrigger } = require('./webhooks');

module.exports = { Engine, resultOf, useSandbox, allText, NODE_PREFIX, connectOAuth2, activateTrigger };
