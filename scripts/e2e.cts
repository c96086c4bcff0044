// `npm run test:e2e`: the end-to-end tests as two jest processes at once: the files that mostly wait for
// n8n's once-a-minute polls (jest.e2e-polling.config.js, all at once) beside the others, two at a time
// (jest.e2e.config.js). The polling run's output is kept in a log and printed when it ends, so the two do not
// interleave. Fails when either fails. Extra arguments go to both jest runs.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { makeSeed } from './n8n-instance.cjs';
import { ensureRuntime } from './n8n-runtime.js';

// The repository's root, from the build (scripts/build) as from the sources.
const ROOT = path.resolve(__dirname, '..', '..');
const JEST = require.resolve('jest/bin/jest');

function jest(config: string, extra: string[], out: number | 'inherit'): Promise<number> {
	const args = [JEST, '--ci', '--config', config, ...extra];
	const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', out, out] });
	return new Promise((resolve, reject) => {
		child.on('error', reject);
		child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
	});
}

async function main(extra: string[]): Promise<void> {
	// The pack installed and n8n's database migrated once, for every instance of both runs to copy.
	const seed = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-loyalty-e2e-seed-'));
	const started = Date.now();
	await makeSeed(await ensureRuntime(), seed);
	process.env.N8N_E2E_SEED = seed;
	console.log(
		`[e2e] seed (pack installed, database migrated) in ${Date.now() - started} ms: ${seed}`,
	);
	const log = path.join(os.tmpdir(), `n8n-loyalty-e2e-polling-${process.pid}.log`);
	const out = fs.openSync(log, 'w');
	console.log(`[e2e] polling files in a second jest process (log: ${log}), the others here`);
	const polling = jest('jest.e2e-polling.config.js', extra, out);
	const others = await jest('jest.e2e.config.js', extra, 'inherit');
	const pollingCode = await polling;
	fs.closeSync(out);
	fs.rmSync(seed, { recursive: true, force: true });
	console.log(`\n[e2e] the polling files (jest.e2e-polling.config.js):`);
	process.stdout.write(fs.readFileSync(log, 'utf8'));
	if (others !== 0 || pollingCode !== 0) {
		console.error(`[e2e] failed: other files exit ${others}, polling files exit ${pollingCode}`);
		process.exit(1);
	}
}

/** `npm run test:e2e` (scripts/e2e.js): `argv` are the extra arguments for jest. */
export function cli(argv: string[]): void {
	main(argv).catch((error: Error) => {
		console.error(`[e2e] ${error.message}`);
		process.exit(1);
	});
}
