/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- a test that runs npm and Node on the repository and reads its files, never loaded by n8n */
// Ready to publish: the release workflows are valid and do what the README says, the package ships
// only what n8n loads, the icons are drawn as paths, and the package metadata is consistent.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { INodeProperties, INodePropertyCollection, INodeType } from 'n8n-workflow';
import YAML from 'yaml';
import { load } from '../scripts/load';
import { requireFromRoot } from './harness/root';
import { must } from './harness/must';

/** What these tests read of package.json. */
interface PackageJson {
	scripts: Record<string, string>;
	repository: { url: string };
	homepage: string;
	author: { name: string; email: string };
	dependencies?: Record<string, string>;
	peerDependencies: Record<string, string>;
	n8n: { nodes: string[]; credentials: string[] };
}

/** A GitHub Actions job and its steps, as far as these tests read them. */
interface Step {
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
	env?: Record<string, string>;
}
interface Job {
	'runs-on': string;
	steps: Step[];
}
interface CiWorkflow {
	on: { push: { branches: string[] }; pull_request: unknown };
	jobs: {
		test: Job;
		e2e: Job & {
			needs: string;
			strategy: { matrix: { n8n: string[] } };
			env: Record<string, string>;
		};
	};
}
interface PublishWorkflow {
	on: { push: { tags: string[] } };
	jobs: { publish: Job & { permissions: Record<string, string> } };
}

/** The one class a node or credential file exports. */
const classOf = <T>(entry: string): new () => T =>
	must(
		Object.values(requireFromRoot<Record<string, unknown>>(entry)).find(
			(v) => typeof v === 'function',
		) as (new () => T) | undefined,
		`the class of ${entry}`,
	);

const ROOT = path.resolve(__dirname, '..');
const pkg = requireFromRoot<PackageJson>('package.json');
const workflow = <T>(name: string): T => {
	const text = fs.readFileSync(path.join(ROOT, '.github', 'workflows', name), 'utf8');
	const doc = YAML.parseDocument(text);
	expect(doc.errors).toEqual([]);
	return doc.toJS() as T;
};
const runs = (job: Job) =>
	job.steps.filter((s): s is Step & { run: string } => Boolean(s.run)).map((s) => s.run);

describe('GitHub Actions workflows', () => {
	test('ci.yml: on pushes to main and pull requests, runs the README test command (engine, then end-to-end)', () => {
		const ci = workflow<CiWorkflow>('ci.yml');
		expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
		expect(ci.on.push.branches).toEqual(['main']);
		expect(runs(ci.jobs.test)).toContain('npm test -- --engine');
		expect(runs(ci.jobs.e2e)).toContain('npm test');
		expect(ci.jobs.e2e.needs).toBe('test');
		// Both versions of the README's compatibility table.
		expect(ci.jobs.e2e.strategy.matrix.n8n).toEqual(['2.41.1', '1.123.81']);
		expect(ci.jobs.e2e.env.N8N_E2E_VERSION).toBe('${{ matrix.n8n }}');
		const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
		for (const version of ci.jobs.e2e.strategy.matrix.n8n)
			expect(readme).toMatch(
				new RegExp(`\\| ${version.replace(/\./g, '\\.')} \\| [\\d.]+ \\| passed`),
			);
		for (const job of Object.values(ci.jobs)) {
			expect(job['runs-on']).toBe('ubuntu-latest');
			for (const step of job.steps) expect(Boolean(step.uses) !== Boolean(step.run)).toBe(true);
			for (const step of job.steps.filter((s) => s.uses))
				expect(step.uses).toMatch(/^actions\/[a-z-]+@v\d+$/);
		}
	});

	test('publish.yml: on version tags, tests, stages the six packages publishable, publishes each with provenance on Node >= 22.14 and npm >= 11.5.1 (trusted publishing)', () => {
		const publish = workflow<PublishWorkflow>('publish.yml');
		expect(publish.on.push.tags).toEqual(['*.*.*']);
		const job = publish.jobs.publish;
		expect(job.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
		const setup = must(
			job.steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with,
			'the setup-node step',
		);
		expect(setup['registry-url']).toBe('https://registry.npmjs.org');
		const [major, minor] = String(setup['node-version']).split('.').map(Number);
		expect(major > 22 || (major === 22 && minor >= 14)).toBe(true);
		const commands = runs(job);
		const npm = /npm install -g npm@\^?(\d+)\.(\d+)\.(\d+)/.exec(commands[0]);
		expect(npm).not.toBeNull();
		const [, nMajor, nMinor, nPatch] = must(npm, 'the npm install').map(Number);
		expect(nMajor * 1e6 + nMinor * 1e3 + nPatch).toBeGreaterThanOrEqual(11_005_001);
		expect(commands[1]).toBe('npm test -- --engine');
		expect(commands[2]).toBe('npm run packages -- --publish');
		const release = must(
			job.steps.find((s) => s.run && s.run.includes('npm publish')),
			'the npm publish step',
		);
		expect(commands.indexOf(must(release.run, 'its run'))).toBe(3);
		expect(release.run).toContain('for dir in build/packages/*/');
		expect(release.run).toContain('npm publish --provenance --access public');
		expect(release.env?.NPM_CONFIG_PROVENANCE).toBe('true');
		// The README says the first publish of each package needs a token.
		const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
		expect(readme).toMatch(/first publish of each package needs a token/);
	});

	test('package.json: release through n8n-node (plain npm publish is refused), repository, homepage and author agree', () => {
		expect(pkg.scripts.release).toBe('n8n-node release');
		expect(pkg.scripts.prepublishOnly).toBe('n8n-node prerelease');
		const repo = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
		expect(pkg.homepage.startsWith(repo)).toBe(true);
		expect(pkg.author.name).toBeTruthy();
		expect(pkg.author.email).toMatch(/@/);
		expect(Object.keys(pkg.dependencies ?? {})).toEqual([]);
		expect(Object.keys(pkg.peerDependencies)).toEqual(['n8n-workflow']);
		for (const file of ['CHANGELOG.md', 'SECURITY.md', 'LICENSE.md'])
			expect(fs.existsSync(path.join(ROOT, file))).toBe(true);
	});
});

describe('the published package', () => {
	const files = (
		JSON.parse(
			execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
				cwd: ROOT,
				stdio: ['ignore', 'pipe', 'ignore'],
			}).toString(),
		) as Array<{ files: Array<{ path: string }> }>
	)[0].files.map((f) => f.path);

	test('ships only what n8n loads: compiled nodes and credentials, codex files, output schemas, icons, and the docs', () => {
		for (const file of files) {
			expect([
				file,
				/^dist\/(credentials|nodes)\/.+\.js$|^dist\/nodes\/.+\.node\.json$|^dist\/nodes\/[A-Za-z]+\/__schema__\/v1\.0\.0\/[a-zA-Z]+\/[a-zA-Z]+\.json$|^dist\/icons\/[a-z]+(\.dark)?\.svg$|^(index\.js|package\.json|README\.md|LICENSE\.md|CHANGELOG\.md|SECURITY\.md)$/.test(
					file,
				),
			]).toEqual([file, true]);
		}
		for (const entry of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) expect(files).toContain(entry);
		// Every output schema of the sources (one per operation of the five action nodes, as
		// test/output-schemas.test.ts checks) ships.
		const schemas = fs
			.readdirSync(path.join(ROOT, 'nodes'), { recursive: true })
			.map((f) => `dist/nodes/${String(f).split(path.sep).join('/')}`)
			.filter((f) => f.includes('/__schema__/') && f.endsWith('.json'));
		expect(schemas.length).toBeGreaterThanOrEqual(68);
		expect(files.filter((f) => f.includes('/__schema__/')).sort()).toEqual(schemas.sort());
		expect(
			files.some((f) => /tsbuildinfo|\.map$|\.d\.ts$|test|sandbox|bench|examples/.test(f)),
		).toBe(false);
	});

	test('icons are vector paths, light and dark, for every node and credential; no <text> (fonts differ between machines)', () => {
		const icons = files.filter((f) => f.startsWith('dist/icons/'));
		expect(icons).toHaveLength(10);
		for (const icon of icons) {
			const svg = fs.readFileSync(path.join(ROOT, icon), 'utf8');
			expect(svg).toMatch(
				/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* viewBox="0 0 60 60"/,
			);
			expect(svg).not.toMatch(/<text|font-family/);
			expect(svg).toMatch(/<path d="M[^"]+"/);
		}
		// Every icon a node or credential names exists in the package, light and dark.
		for (const entry of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
			// A node's icon is in its description, a credential's on the credential itself.
			type WithIcon = { icon: { light: string; dark: string } };
			const instance = new (classOf<{ description?: WithIcon } & Partial<WithIcon>>(entry))();
			const icon = (instance.description ?? (instance as WithIcon)).icon;
			for (const ref of [icon.light, icon.dark]) {
				const resolved = path.relative(
					ROOT,
					path.resolve(path.dirname(path.join(ROOT, entry)), ref.replace(/^file:/, '')),
				);
				expect([entry, files.includes(resolved)]).toEqual([entry, true]);
			}
		}
	});
});

test('every text field of every node shows a placeholder (an example of what goes there)', () => {
	const missing: string[] = [];
	const walk = (node: string, properties: INodeProperties[] | undefined, where: string) => {
		for (const p of properties ?? []) {
			if (p.type === 'string' && !p.placeholder && !p.typeOptions?.password)
				missing.push(`${node}: ${where}${p.displayName}`);
			if (p.type === 'collection')
				walk(node, p.options as INodeProperties[] | undefined, `${where}${p.displayName} → `);
			if (p.type === 'fixedCollection')
				for (const o of (p.options as INodePropertyCollection[] | undefined) ?? [])
					walk(node, o.values, `${where}${p.displayName} → `);
		}
	};
	for (const entry of pkg.n8n.nodes) {
		const NodeType = classOf<INodeType>(entry);
		const { displayName, properties } = new NodeType().description;
		walk(displayName, properties, '');
	}
	expect(missing).toEqual([]);
});

/** What scripts/scan.js prints of one scan (its JSON output). */
interface ScanResult {
	files: number;
	messages: unknown[];
	errors: number;
	warnings: number;
}

test("n8n's verification scanner (@n8n/scan-community-package, through its API) finds no error and no warning in the tarball or the sources", () => {
	// Without jest's NODE_ENV=test: eslint-plugin-n8n-nodes-base reads it and then checks files as if they
	// were its own test fixtures (every node "should be named Trigger").
	// eslint-disable-next-line @typescript-eslint/no-unused-vars -- taken out, so that env is the rest
	const { NODE_ENV, ...env } = process.env;
	const report = JSON.parse(
		execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'scan.js')], {
			cwd: ROOT,
			env,
			stdio: ['ignore', 'pipe', 'inherit'],
		}).toString(),
	) as { tarball: ScanResult; source: ScanResult };
	expect(report.tarball.files).toBeGreaterThan(100);
	expect(report.source.files).toBeGreaterThan(100);
	expect([report.tarball.messages, report.source.messages]).toEqual([[], []]);
	expect([
		report.tarball.errors,
		report.tarball.warnings,
		report.source.errors,
		report.source.warnings,
	]).toEqual([0, 0, 0, 0]);
});

/** A README heading: its level (number of #) and its text without markup. */
interface Heading {
	level: number;
	text: string;
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats suffixed -1, -2. */
function githubAnchors(markdown: string): Map<string, Heading> {
	const anchors = new Map<string, Heading>();
	const seen = new Map<string, number>();
	let fenced = false;
	for (const line of markdown.split('\n')) {
		if (/^(```|~~~)/.test(line)) fenced = !fenced;
		const heading = !fenced && /^(#{1,6}) +(.+?) *#*$/.exec(line);
		if (!heading) continue;
		const text = heading[2]
			.replace(/`([^`]*)`/g, '$1')
			.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
			.replace(/[*_]{1,2}([^*_]+)[*_]{1,2}/g, '$1');
		const slug = text
			.trim()
			.toLowerCase()
			.replace(/[^\p{L}\p{N}\p{M} _-]/gu, '')
			.replace(/ /g, '-');
		const count = seen.get(slug) ?? 0;
		seen.set(slug, count + 1);
		anchors.set(count ? `${slug}-${count}` : slug, { level: heading[1].length, text });
	}
	return anchors;
}

test("every node's Docs link is its README section: documentationUrl and the codex link name a heading of the repository's README that the node's service package README carries too", () => {
	const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
	const anchors = githubAnchors(readme);
	// The anchor rules themselves: a repeated heading gets -1.
	expect(anchors.get('cardlytics')).toEqual({ level: 3, text: 'Cardlytics' });
	expect(anchors.get('cardlytics-1')).toEqual({ level: 3, text: 'Cardlytics' });
	expect(anchors.has('how-it-behaves')).toBe(true);
	const { SERVICES } = load('packages');
	const repo = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
	expect(pkg.homepage).toBe(repo);
	// Where each heading sits: the service packages copy the provider's Operations section and Polling triggers.
	const operationsTitles: string[] = [];
	let inOperations = false;
	for (const [, h] of anchors) {
		if (h.level === 2) inOperations = h.text === 'Operations';
		else if (h.level === 3 && inOperations) operationsTitles.push(h.text);
	}
	const seen: string[] = [];
	for (const entry of pkg.n8n.nodes) {
		const folder = entry.split('/')[2];
		const service = must(
			SERVICES.find((s) => s.folder === folder),
			`the service of ${folder}`,
		);
		const NodeType = classOf<INodeType>(entry);
		const { displayName, documentationUrl } = new NodeType().description;
		expect([displayName, typeof documentationUrl]).toEqual([displayName, 'string']);
		const [base, anchor] = must(documentationUrl, 'documentationUrl').split('#');
		expect([displayName, base]).toEqual([displayName, pkg.homepage]);
		const heading = anchors.get(anchor);
		expect([displayName, anchor, heading !== undefined]).toEqual([displayName, anchor, true]);
		// The section is one the node's service package README carries (its provider, or Polling triggers).
		const { text } = must(heading, `the heading of #${anchor}`);
		const ok =
			text === 'Polling triggers' ||
			(text === service.title && operationsTitles.includes(text) && anchor !== service.icon);
		expect([displayName, anchor, ok]).toEqual([displayName, anchor, true]);
		// The codex link (what n8n shows when a node has none) is the same section.
		const codex = JSON.parse(
			fs.readFileSync(path.join(ROOT, entry.replace(/\.js$/, '.json')), 'utf8'),
		) as { resources: { primaryDocumentation: Array<{ url: string }> } };
		expect([displayName, codex.resources.primaryDocumentation.map((d) => d.url)]).toEqual([
			displayName,
			[documentationUrl],
		]);
		seen.push(displayName);
	}
	expect(seen).toHaveLength(11);
});
