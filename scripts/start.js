'use strict';
// `npm start`: install if needed, build the pack, start the provider simulator and show how to use it.
const { execSync } = require('node:child_process');
const { ensureDeps, ROOT } = require('./ensure-deps');

ensureDeps();
execSync('npm run build --silent', { cwd: ROOT, stdio: 'inherit' });
require('../sandbox/cli').main();
