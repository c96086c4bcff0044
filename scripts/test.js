'use strict';
// `npm test`: everything CI runs, in order: install if needed, build, lint (n8n-node lint), engine tests.
const { execSync } = require('node:child_process');
const { ensureDeps, ROOT } = require('./ensure-deps');

const run = (title, command) => {
	console.log(`\n[test] ${title}: ${command}`);
	execSync(command, { cwd: ROOT, stdio: 'inherit', env: process.env });
};

try {
	ensureDeps();
	run('build', 'npm run build --silent');
	run('lint', 'npm run lint --silent');
	run('engine tests', `npx jest --ci ${process.argv.slice(2).join(' ')}`.trim());
	console.log('\n[test] all green');
} catch (error) {
	console.error(`\n[test] failed: ${error.message.split('\n')[0]}`);
	process.exit(1);
}
