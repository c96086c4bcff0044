// `node bench/build/queue.cjs`: the queue-mode scenario (`npm run test:queue`: n8n main + two workers + Redis, two
// executions of 300 LoyaltyLion point additions at once through one API key, the simulator at 20/s and 50 ms)
// with its figures collected: the time against the 30 s bound and the 429s, for the credential set to the two
// workers and left at 1. Written into bench/RESULTS.md (its queue section); the test asserts only correctness.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { QUEUE_BOUND_SECONDS } from './fixtures.cjs';
import { ROOT } from './root.cjs';
import { writeSection } from './sections.cjs';

/** One line the queue-mode test writes: its figures for one setting of the credential. */
interface Figures {
	processes: number;
	writes: number;
	seconds: number;
	requests: number;
	throttled: number;
	failed: number;
	doubled: number;
}

const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-queue-')), 'figures.jsonl');
const run = spawnSync(
	'npx',
	['jest', '--ci', '--config', 'jest.e2e.config.js', '--testMatch', '**/*.queue.ts', 'test/e2e'],
	{ cwd: ROOT, stdio: 'inherit', env: { ...process.env, BENCH_QUEUE_OUT: out } },
);
if (run.status !== 0 || !fs.existsSync(out)) {
	console.error('the queue-mode scenario failed: no figures');
	process.exit(1);
}
const rows = fs
	.readFileSync(out, 'utf8')
	.trim()
	.split('\n')
	.map((line) => JSON.parse(line) as Figures);
const table = [
	`| n8n Processes Sharing This Credential | writes | wall time | vs the ${QUEUE_BOUND_SECONDS} s bound (600 at 20/s) | requests | answered 429 | failed | applied twice |`,
	'|---|---|---|---|---|---|---|---|',
	...rows.map(
		(r) =>
			`| ${r.processes} | ${r.writes} | ${r.seconds.toFixed(1)} s | ${(r.seconds / QUEUE_BOUND_SECONDS).toFixed(2)}× | ${r.requests} | ${r.throttled} | ${r.failed} | ${r.doubled} |`,
	),
].join('\n');
console.log(table);
writeSection(
	'queue',
	`## (h) Queue mode: two workers writing through one LoyaltyLion API key

Measured by \`node bench/build/queue.cjs\` on ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model}, one run. A real n8n 2.41.1 in queue mode (main, two
workers with concurrency 1, Redis), two executions of 300 Points → Add posted at once, one per worker, the
simulator keeping LoyaltyLion's 20 requests per second per key with 50 ms latency.

${table}`,
);
