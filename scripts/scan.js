// @ts-check
'use strict';
// `node scripts/scan.js [tarball]`: n8n's verification scanner over a tarball, or over the repository's own
// pack and its sources (TypeScript in scan.mts, compiled first if needed). An ES module, since the scanner's API
// is one: imported from the build once it is there.
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { ensureBuilt, BUILD } = require('./load');

ensureBuilt();
import(pathToFileURL(path.join(BUILD, 'scan.mjs')).href).catch((/** @type {Error} */ error) => {
	console.error(error);
	process.exit(1);
});
