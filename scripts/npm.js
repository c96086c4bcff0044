// @ts-check
'use strict';
// npm as a child process on every platform: through the npm that runs this script where there is one (`npm start`
// and `npm run dev` set npm_execpath), else the npm on PATH, which on Windows is npm.cmd and needs a shell.

/**
 * @param {string[]} args
 * @returns {{ command: string, args: string[], shell: boolean }}
 */
function npmCommand(args) {
	const cli = process.env.npm_execpath;
	if (cli && /npm-cli\.js$/.test(cli))
		return { command: process.execPath, args: [cli, ...args], shell: false };
	const windows = process.platform === 'win32';
	return { command: windows ? 'npm.cmd' : 'npm', args, shell: windows };
}

module.exports = { npmCommand };
