'use strict';
// Credentials for the simulator's demo accounts (TypeScript in sandbox/src/demo-credentials.ts).
module.exports = require('./load').load('demo-credentials');
