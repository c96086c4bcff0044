// `npm start`: the pack running in a real n8n against the provider simulator, no provider account needed.
// Installs what it needs (dev tooling, then n8n once), builds and packs the pack, installs it into n8n as a
// community package, imports ready credentials and the example workflows, starts n8n, prints what to try.
// Ctrl-C stops everything it started.
//
// `npm run dev` (start.js --dev) is the same for node developers: every edit under nodes/, credentials/ or
// icons/ rebuilds dist/ and copies it into n8n's community-package folder (node types keep their published
// names), and n8n reloads the nodes (N8N_DEV_RELOAD): refresh the editor to see them. Offline, with the
// pinned n8n the tests use.
//
// This is what follows the bootstrap (scripts/start.js, which installs the dev tooling and builds first).
import { execSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { N8nInstance, packTarball } from './n8n-instance.cjs';
import { ensureRuntime } from './n8n-runtime.js';

/** The simulator, as far as this uses it. */
interface Simulator {
	url: string;
	baseUrl(provider: string): string;
	stop(): Promise<void>;
}

// The repository's root, from the build (scripts/build) as from the sources.
const ROOT = path.resolve(__dirname, '..', '..');
// The simulator is a program of its own (sandbox/tsconfig.json, without declarations): loaded through its
// shims, which compile it on first use, and typed here as far as this uses it.
const { startSandbox } = require(path.join(ROOT, 'sandbox')) as {
	startSandbox(options: { port: number }): Promise<Simulator>;
};
const { demoCredentials } = require(path.join(ROOT, 'sandbox', 'demo-credentials')) as {
	demoCredentials(baseUrl: (provider: string) => string): unknown[];
};

const N8N_PORT = Number(process.env.N8N_PORT || 5678);
const SANDBOX_PORT = Number(process.env.SANDBOX_PORT || 4010);
const OWNER = {
	email: 'demo@n8n-nodes-loyalty.local',
	firstName: 'Demo',
	lastName: 'User',
	password: 'Demo-password-1',
};

/** Everything after the build: n8n, the simulator, the pack in n8n, what to try. */
export async function start(): Promise<void> {
	const runtime = await ensureRuntime();
	const sim = await startSandbox({ port: SANDBOX_PORT });
	console.log(`[start] provider simulator on ${sim.url}`);

	const dev = process.argv.includes('--dev');
	const userFolder = path.join(ROOT, dev ? '.n8n-dev' : '.n8n-local');
	const n8n = new N8nInstance({ runtime, userFolder, env: dev ? { N8N_DEV_RELOAD: 'true' } : {} });
	if (dev) {
		n8n.syncPack(ROOT);
		console.log(
			'[dev] edits under nodes/, credentials/ and icons/ rebuild the pack; n8n reloads it',
		);
		watchAndRebuild(() => n8n.syncPack(ROOT));
	} else {
		const tarball = packTarball(fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-loyalty-pack-')));
		console.log(`[start] installing ${path.basename(tarball)} into n8n as a community package`);
		n8n.installPack(tarball);
	}
	console.log('[start] importing credentials (pointing at the simulator) and example workflows');
	await n8n.importCredentials(demoCredentials(sim.baseUrl));
	await n8n.importWorkflows(path.join(ROOT, 'examples'));
	// One polling trigger runs from the start: it watches MEM0001 to MEM0003, so running "Loyalife: redeem
	// points ..." (member MEM0003) makes it start within a minute with that redemption and its reversal.
	await n8n.activate('ExXlNewTransact1');

	console.log(`[start] starting n8n on port ${N8N_PORT}`);
	await n8n.start({ port: N8N_PORT });
	const setup = await fetch(`${n8n.url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(OWNER),
	});
	const owner = setup.ok ? 'created' : 'already set up';

	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		console.log('\n[start] stopping n8n and the simulator');
		await n8n.stop();
		await sim.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	n8n.process?.once('exit', (code) => {
		if (!stopping) {
			console.error(`[start] n8n exited (code ${code})`);
			sim.stop().then(() => process.exit(1));
		}
	});

	console.log(`
  n8n is running with n8n-nodes-loyalty: ${n8n.url}
  Log in as ${OWNER.email} / ${OWNER.password} (owner ${owner}).

  Try:
    • Workflows → open any "Cardlytics / LoyaltyLion / Loyalife / Loyalistic / Frederick: …" example
      and press "Execute workflow": each runs against the simulator with a ready credential.
    • Add a node: search "LoyaltyLion", "Loyalife", "Cardlytics", "Loyalistic" or "Frederick".
    • Credentials: the "(simulator)" ones point at ${sim.url}; real ones use the providers' own hosts.
    • "Loyalife: every new transaction" is active and watches MEM0001 to MEM0003: run "Loyalife: redeem
      points for a gift card ..." (member MEM0003), and within a minute it starts once with that
      redemption and its reversal (see Executions).
    • The simulator's counters: ${sim.url}/__control/stats

  Ctrl-C stops n8n and the simulator.
`);
}

/** Rebuilds dist/ (debounced) when a source file of the pack changes. */
function watchAndRebuild(afterBuild: () => void): void {
	let timer: NodeJS.Timeout | undefined;
	let building = false;
	const rebuild = () => {
		if (building) {
			timer = setTimeout(rebuild, 300);
			return;
		}
		building = true;
		try {
			execSync('npm run build --silent', { cwd: ROOT, stdio: 'ignore' });
			afterBuild();
			console.log(`[dev] rebuilt dist/ at ${new Date().toLocaleTimeString()}`);
		} catch (error) {
			console.error(
				`[dev] build failed: ${(error as Error).message.split('\n')[0]} (run npm run build to see why)`,
			);
		} finally {
			building = false;
		}
	};
	for (const dir of ['nodes', 'credentials', 'icons']) {
		fs.watch(path.join(ROOT, dir), { recursive: true }, () => {
			clearTimeout(timer);
			timer = setTimeout(rebuild, 300);
		});
	}
}
