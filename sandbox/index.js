'use strict';
// The provider simulator: every provider module behind one local HTTP server.
//   const { startSandbox } = require('./sandbox');
//   const sim = await startSandbox({ port: 0, cardlytics: { tokenLifetimeSeconds: 5 } });
//   sim.baseUrl('cardlytics')  ->  http://127.0.0.1:<port>/cardlytics
const { createSimulator } = require('./core');

/** Provider modules, one per provider. Adding a provider is adding its module here. */
const PROVIDERS = [require('./providers/cardlytics'), require('./providers/loyalistic'), require('./providers/loyalife'), require('./providers/frederick'), require('./providers/loyaltylion')];

async function startSandbox(options = {}) {
	const { port = 0, host = '127.0.0.1', ...perProvider } = options;
	const sim = createSimulator(PROVIDERS, perProvider);
	await sim.start(port, host);
	return sim;
}

module.exports = { startSandbox, PROVIDERS };
