// n8n's own verification scanner (@n8n/scan-community-package), run locally through its API: it lints the
// packed tarball (what n8n installs) and the source files n8n-node lint covers, with the rules n8n's
// verification applies. Its provenance leg needs the npm registry's attestations and GitHub, which are not
// reachable here; the publish workflow produces them. Prints {tarball, source} counts as JSON.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	buildScanConfig,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';
import { ESLint } from 'eslint';
import glob from 'fast-glob';

// The repository's root, from the build (scripts/build) as from the sources.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// `node scripts/scan.js [tarball]`: scans the tarball given (a staged package from `npm run packages`), or
// packs the repository's own package when none is given.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-loyalty-scan-'));
const given = process.argv[2] ? path.resolve(process.argv[2]) : undefined;
const tarball =
	given ??
	path.join(
		work,
		execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], {
			cwd: ROOT,
		})
			.toString()
			.trim()
			.split('\n')
			.pop() ?? '',
	);
execFileSync('tar', ['xzf', tarball], { cwd: work });

/** What one scan found: files linted, error and warning counts, and each message. */
interface ScanResult {
	files: number;
	errors: number;
	warnings: number;
	messages: string[];
}

async function scan(dir: string, patterns: string[]): Promise<ScanResult> {
	const eslint = new ESLint({
		cwd: dir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: await buildScanConfig(),
	});
	const files = glob.sync(patterns, {
		cwd: dir,
		absolute: true,
		ignore: ['node_modules/**', '**/package-lock.json'],
	});
	const results = await eslint.lintFiles(files);
	return {
		files: files.length,
		errors: results.reduce((n, r) => n + r.errorCount, 0),
		warnings: results.reduce((n, r) => n + r.warningCount, 0),
		messages: results.flatMap((r) =>
			r.messages.map((m) => `${path.relative(dir, r.filePath)}: ${m.ruleId} ${m.message}`),
		),
	};
}

const report: { tarball: ScanResult; source: ScanResult | undefined } = {
	tarball: await scan(path.join(work, 'package'), ['**/*.js', '**/*.ts', '**/*.json']),
	// The sources are the same for every staged package: scanned once, with the repository's own tarball.
	source: given ? undefined : await scan(ROOT, SOURCE_FILE_PATTERNS),
};
fs.rmSync(work, { recursive: true, force: true });
console.log(JSON.stringify(report));
