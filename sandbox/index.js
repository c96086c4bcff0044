'use strict';
// The provider simulator (TypeScript in sandbox/src): const { startSandbox } = require('./sandbox');
module.exports = require('./load').load('index');
