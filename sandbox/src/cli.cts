// Starts the provider simulator from the command line:  node sandbox/cli.js [--port 4010] [--host 127.0.0.1]
import { startSandbox, PROVIDERS } from './index.cjs';

function arg(name: string, fallback: string | number) {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 && process.argv[i + 1]
		? process.argv[i + 1]
		: (process.env[`SANDBOX_${name.toUpperCase()}`] ?? fallback);
}

async function main() {
	const port = Number(arg('port', 4010));
	const host = arg('host', '127.0.0.1');
	const sim = await startSandbox({ port, host });
	console.log(`Provider simulator listening on ${sim.url}`);
	for (const p of PROVIDERS) {
		// not every provider has client credentials
		const demo = 'clients' in p.DEFAULTS ? p.DEFAULTS.clients?.[0] : undefined;
		console.log(
			`  ${p.name.padEnd(12)} ${sim.baseUrl(p.name)}${demo ? `   demo client: ${demo.clientId} / ${demo.clientSecret}` : ''}`,
		);
	}
	console.log(`  control      ${sim.url}/__control/stats   (request and token counters)`);
	const stop = () => sim.stop().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

export { main };

if (require.main === module) {
	main().catch((error) => {
		console.error(error.message);
		process.exit(1);
	});
}
