#!/usr/bin/env node
'use strict';
// Starts the provider simulator from the command line:  node sandbox/cli.js [--port 4010] [--host 127.0.0.1]
const cli = /** @type {typeof import('./src/cli.cjs')} */ (require('./load').load('cli'));

if (require.main === module) {
	cli.main().catch((/** @type {Error} */ error) => {
		console.error(error.message);
		process.exit(1);
	});
}
