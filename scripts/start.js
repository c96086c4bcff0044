'use strict';
// `npm start`: the pack running in a real n8n against the provider simulator, no provider account needed.
// Installs what it needs (dev tooling, then n8n once), builds and packs the pack, installs it into n8n as a
// community package, imports ready credentials and the example workflows, starts n8n, prints what to try.
// Ctrl-C stops everything it started.
const { execSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ensureDeps, ROOT } = require('./ensure-deps');

const N8N_PORT = Number(process.env.N8N_PORT || 5678);
const SANDBOX_PORT = Number(process.env.SANDBOX_PORT || 4010);
const OWNER = { email: 'demo@n8n-nodes-loyalty.local', firstName: 'Demo', lastName: 'User', password: 'Demo-password-1' };

async function main() {
	ensureDeps();
	console.log('[start] building the pack');
	execSync('npm run build --silent', { cwd: ROOT, stdio: 'inherit' });
	const { ensureRuntime } = require('./n8n-runtime');
	const { N8nInstance, packTarball } = require('./n8n-instance');
	const { startSandbox } = require('../sandbox');
	const { demoCredentials } = require('../sandbox/demo-credentials');

	const runtime = await ensureRuntime();
	const sim = await startSandbox({ port: SANDBOX_PORT });
	console.log(`[start] provider simulator on ${sim.url}`);

	const userFolder = path.join(ROOT, '.n8n-local');
	const n8n = new N8nInstance({ runtime, userFolder });
	const tarball = packTarball(fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-loyalty-pack-')));
	console.log(`[start] installing ${path.basename(tarball)} into n8n as a community package`);
	n8n.installPack(tarball);
	console.log('[start] importing credentials (pointing at the simulator) and example workflows');
	await n8n.importCredentials(demoCredentials(sim.baseUrl));
	const examples = fs.readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.json'));
	for (const file of examples) await n8n.importWorkflow(path.join(ROOT, 'examples', file));

	console.log(`[start] starting n8n on port ${N8N_PORT}`);
	await n8n.start({ port: N8N_PORT });
	const setup = await fetch(`${n8n.url}/rest/owner/setup`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(OWNER) });
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
	n8n.process.once('exit', (code) => {
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
    • The simulator's counters: ${sim.url}/__control/stats

  Ctrl-C stops n8n and the simulator.
`);
}

main().catch((error) => {
	console.error(`[start] ${error.message}`);
	process.exit(1);
});
