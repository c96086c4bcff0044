// @ts-check
'use strict';
// `npm run packages` (TypeScript in packages.cts, compiled first if needed): stages and packs the service
// packages and the combined pack (`--publish`: publishable, only inside GitHub Actions).
require('./load').load('packages').cli(process.argv.slice(2));
