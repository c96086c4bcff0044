/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- a test that runs npm and Node on the built packages, never loaded by n8n */
// One package per service: `npm run packages` (after the build) stages and packs six tarballs. Each is
// checked as n8n would get it: only its own service's files, every relative require() inside the package,
// every n8n entry and icon present, n8n's scanner clean, each node loadable by plain Node from the
// unpacked tarball, and a plain `npm publish` refused.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { load } from '../scripts/load';
import type { Built } from '../scripts/packages.cjs';

const ROOT = path.resolve(__dirname, '..');
const root = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
// The packages script's own list, from its build (scripts/load.js compiles it on first use).
const { SERVICES, PACK } = load('packages');
const FOLDERS = SERVICES.map((s) => s.folder);

// npm (and npx) export their configuration to children as npm_config_*, the repository's
// ignore-scripts=true among it; the guard must hold without it, as from a fresh shell.
const cleanEnv = (): NodeJS.ProcessEnv => {
	const env: NodeJS.ProcessEnv = {};
	for (const [k, v] of Object.entries(process.env))
		if (
			!/^npm_/i.test(k) &&
			!['NODE_ENV', 'GITHUB_ACTIONS', 'ACTIONS_ID_TOKEN_REQUEST_URL'].includes(k)
		)
			env[k] = v;
	return env;
};

let built: Built[] = [];
const unpacked = new Map<string, string>();
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-loyalty-packages-'));

beforeAll(() => {
	execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'packages.js')], {
		cwd: ROOT,
		env: cleanEnv(),
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	built = [...SERVICES.map((s) => s.name), PACK].map((name) => {
		const dir = path.join(ROOT, 'build', 'packages', name);
		const tarball = path.join(ROOT, 'build', 'tarballs', `${name}-${root.version}.tgz`);
		const into = path.join(work, name);
		fs.mkdirSync(into, { recursive: true });
		execFileSync('tar', ['xzf', tarball], { cwd: into });
		// n8n-workflow is a peer dependency: n8n provides it; here the repository's copy.
		fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(into, 'package', 'node_modules'));
		unpacked.set(name, path.join(into, 'package'));
		return { name, dir, tarball };
	});
}, 180_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const filesIn = (dir: string) =>
	fs
		.readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile() && !path.join(e.parentPath, e.name).includes('node_modules'))
		.map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
		.sort();

test('one command builds six tarballs: five services and the pack', () => {
	expect(built.map((b) => path.basename(b.tarball))).toEqual(
		[
			'n8n-nodes-loyaltylion',
			'n8n-nodes-loyalife',
			'n8n-nodes-cardlytics',
			'n8n-nodes-loyalistic',
			'n8n-nodes-frederick',
			'n8n-nodes-loyalty',
		].map((n) => `${n}-${root.version}.tgz`),
	);
	for (const b of built) expect(fs.statSync(b.tarball).size).toBeGreaterThan(10_000);
});

describe.each(SERVICES.map((s) => [s.name, s] as const))('%s', (name, service) => {
	const dir = () => unpacked.get(name)!;
	const pkg = () => JSON.parse(fs.readFileSync(path.join(dir(), 'package.json'), 'utf8'));

	test('package.json: its name, the root version and metadata, MIT, n8n-workflow as the only peer, no dependencies', () => {
		const p = pkg();
		expect(p.name).toBe(name);
		expect(p.version).toBe(root.version);
		expect(p.keywords[0]).toBe('n8n-community-node-package');
		expect(p.keywords).toContain(service.icon);
		expect(p.license).toBe('MIT');
		for (const key of ['repository', 'homepage', 'bugs', 'author'])
			expect(p[key]).toEqual(root[key]);
		expect(p.dependencies).toBeUndefined();
		expect(p.peerDependencies).toEqual({ 'n8n-workflow': root.peerDependencies['n8n-workflow'] });
		expect(p.n8n.nodes).toEqual(
			root.n8n.nodes.filter((n: string) => n.startsWith(`dist/nodes/${service.folder}/`)),
		);
		expect(p.n8n.credentials).toEqual(
			root.n8n.credentials.filter((c: string) =>
				c.startsWith(`dist/credentials/${service.folder}`),
			),
		);
		expect(p.n8n.nodes.length).toBeGreaterThanOrEqual(2);
		expect(p.n8n.credentials.length).toBeGreaterThanOrEqual(1);
	});

	test('only its own files: no node, credential, icon or example of another provider', () => {
		const others = FOLDERS.filter((f) => f !== service.folder);
		const otherIcons = SERVICES.filter((s) => s !== service).map((s) => s.icon);
		const files = filesIn(dir());
		for (const file of files) {
			const ok =
				/^(package\.json|README\.md|LICENSE\.md|CHANGELOG\.md|SECURITY\.md|index\.js)$/.test(
					file,
				) ||
				file.startsWith(`dist/nodes/${service.folder}/`) ||
				file.startsWith('dist/nodes/shared/') ||
				(file.startsWith('dist/credentials/') &&
					!others.some((o) => path.basename(file).startsWith(o))) ||
				file === `dist/icons/${service.icon}.svg` ||
				file === `dist/icons/${service.icon}.dark.svg` ||
				file.startsWith(`examples/${service.icon}-`);
			expect([file, ok]).toEqual([file, true]);
		}
		expect(files.filter((f) => f.startsWith('examples/')).length).toBeGreaterThanOrEqual(2);
		expect(files.some((f) => f.includes('/__schema__/'))).toBe(true);
		// Nothing inside names the pack as a package: codex ids and example node types are its own.
		for (const file of files.filter((f) => f.endsWith('.node.json') || f.startsWith('examples/'))) {
			const text = fs.readFileSync(path.join(dir(), file), 'utf8');
			expect([file, text.includes(`"${PACK}.`)]).toEqual([file, false]);
			if (file.endsWith('.node.json')) expect(JSON.parse(text).node).toMatch(`${name}.`);
		}
		for (const file of files.filter((f) => f.endsWith('.js'))) {
			const text = fs.readFileSync(path.join(dir(), file), 'utf8');
			for (const other of otherIcons)
				expect([file, text.includes(`icons/${other}`)]).toEqual([file, false]);
		}
	});

	test('every relative require() of every .js resolves inside the package', () => {
		const unresolved: string[] = [];
		for (const file of filesIn(dir()).filter((f) => f.endsWith('.js'))) {
			const code = fs.readFileSync(path.join(dir(), file), 'utf8');
			for (const [, spec] of code.matchAll(/require\("(\.{1,2}\/[^"]+)"\)/g)) {
				const base = path.resolve(path.dirname(path.join(dir(), file)), spec);
				const hit = [base, `${base}.js`, `${base}.json`, path.join(base, 'index.js')].find(
					(c) => fs.existsSync(c) && fs.statSync(c).isFile(),
				);
				if (!hit || path.relative(dir(), hit).startsWith('..')) unresolved.push(`${file}: ${spec}`);
			}
		}
		expect(unresolved).toEqual([]);
	});

	test('plain Node requires each n8n entry from the unpacked tarball; every entry and icon it names exists', () => {
		const p = pkg();
		const entries = [...p.n8n.nodes, ...p.n8n.credentials];
		for (const entry of entries) expect(fs.existsSync(path.join(dir(), entry))).toBe(true);
		const script = `
			const path = require('node:path');
			const out = {};
			for (const entry of ${JSON.stringify(entries)}) {
				const mod = require(path.resolve(entry));
				const Type = Object.values(mod).find((v) => typeof v === 'function');
				const instance = new Type();
				const icon = (instance.description ?? instance).icon;
				out[entry] = [icon.light, icon.dark].map((ref) =>
					path.relative(process.cwd(), path.resolve(path.dirname(entry), ref.replace(/^file:/, ''))));
			}
			console.log(JSON.stringify(out));`;
		const result = spawnSync(process.execPath, ['-e', script], { cwd: dir(), env: cleanEnv() });
		expect(result.stderr.toString()).toBe('');
		expect(result.status).toBe(0);
		const icons = JSON.parse(result.stdout.toString()) as Record<string, string[]>;
		expect(Object.keys(icons)).toEqual(entries);
		for (const [entry, refs] of Object.entries(icons))
			for (const ref of refs)
				expect([entry, ref, fs.existsSync(path.join(dir(), ref))]).toEqual([entry, ref, true]);
	});

	test('README: the service, what to install (the service package or the pack), credentials, compatibility', () => {
		const readme = fs.readFileSync(path.join(dir(), 'README.md'), 'utf8');
		expect(readme.startsWith(`# ${name}\n`)).toBe(true);
		for (const heading of [
			'## Which package to install',
			'## Installation',
			'## Credentials',
			'## Operations',
			'## Example workflows',
			'## Compatibility',
		])
			expect(readme).toContain(`\n${heading}\n`);
		expect(readme).toContain('**or** the pack, not both');
		expect(readme).toContain(`enter\n\`${name}\``);
		for (const other of SERVICES.filter((s) => s !== service))
			expect(readme).not.toContain(`examples/${other.icon}-`);
	});
});

test('the pack ships what `npm pack` of the repository ships, plus the examples', () => {
	const files = filesIn(unpacked.get(PACK)!).filter((f) => !f.startsWith('examples/'));
	const rootFiles = JSON.parse(
		execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
			cwd: ROOT,
			stdio: ['ignore', 'pipe', 'ignore'],
		}).toString(),
	)[0].files.map((f: { path: string }) => f.path);
	expect(files).toEqual(rootFiles.sort());
	const pack = JSON.parse(fs.readFileSync(path.join(unpacked.get(PACK)!, 'package.json'), 'utf8'));
	expect(pack.n8n.nodes.slice().sort()).toEqual(root.n8n.nodes.slice().sort());
	expect(pack.n8n.credentials.slice().sort()).toEqual(root.n8n.credentials.slice().sort());
	expect(filesIn(path.join(unpacked.get(PACK)!, 'examples'))).toEqual(
		fs.readdirSync(path.join(ROOT, 'examples')).sort(),
	);
});

test.each([...SERVICES.map((s) => s.name), PACK])(
	"n8n's scanner finds no error and no warning in the %s tarball",
	(name) => {
		const tarball = built.find((b) => b.name === name)!.tarball;
		const report = JSON.parse(
			execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'scan.js'), tarball], {
				cwd: ROOT,
				env: cleanEnv(),
				stdio: ['ignore', 'pipe', 'inherit'],
			}).toString(),
		);
		expect(report.tarball.files).toBeGreaterThan(40);
		expect(report.tarball.messages).toEqual([]);
		expect([report.tarball.errors, report.tarball.warnings]).toEqual([0, 0]);
	},
	120_000,
);

describe('a plain npm publish is refused', () => {
	test.each([...SERVICES.map((s) => s.name), PACK])(
		'%s: from its staged folder, the prepublishOnly guard stops it (npm publish --dry-run)',
		(name) => {
			const dir = built.find((b) => b.name === name)!.dir;
			const result = spawnSync('npm', ['publish', '--dry-run'], { cwd: dir, env: cleanEnv() });
			expect(result.status).not.toBe(0);
			expect(result.stderr.toString()).toContain(
				'Refused: this package is published only by the publish workflow',
			);
		},
		60_000,
	);

	test('the guard lets the publish workflow through (GitHub Actions with an OIDC token)', () => {
		const dir = built.find((b) => b.name === SERVICES[0].name)!.dir;
		const result = spawnSync('npm', ['publish', '--dry-run'], {
			cwd: dir,
			env: {
				...cleanEnv(),
				GITHUB_ACTIONS: 'true',
				ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:9/token',
			},
		});
		expect(result.stderr.toString()).not.toContain('Refused');
		expect(result.status).toBe(0);
	}, 60_000);

	test.each([...SERVICES.map((s) => s.name), PACK])(
		'%s: its tarball, even with scripts ignored, is refused as private before anything is sent',
		(name) => {
			const tarball = built.find((b) => b.name === name)!.tarball;
			// A registry that is not there, with a token: npm gets as far as a real publish would. No fetch
			// retries: npm would otherwise wait about a minute on the dead address before refusing.
			const result = spawnSync(
				'npm',
				[
					'publish',
					tarball,
					'--ignore-scripts',
					'--registry',
					'http://127.0.0.1:9/',
					'--//127.0.0.1:9/:_authToken=x',
					'--fetch-retries=0',
				],
				{ cwd: work, env: cleanEnv() },
			);
			expect(result.status).not.toBe(0);
			expect(result.stderr.toString()).toContain('EPRIVATE');
		},
		60_000,
	);
});
