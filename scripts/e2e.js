// @ts-check
'use strict';
// `npm run test:e2e` (TypeScript in e2e.cts, compiled first if needed): the end-to-end tests in two jest
// processes at once. Extra arguments go to both jest runs.
require('./load').load('e2e').cli(process.argv.slice(2));
