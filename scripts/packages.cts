// `npm run packages`: after `npm run build`, stages one package per service and the combined pack under
// build/packages/<name>/ and packs each into build/tarballs/. n8n verifies only packages that integrate one
// service, so each service package carries its own nodes, credentials, icons, codex files and output
// schemas plus the compiled shared core they require (no runtime dependencies are allowed). Everything is
// derived from the top-level sources and dist/; nothing here is edited by hand.
//
// Staged packages are `private` and carry a prepublishOnly guard (with a staged .npmrc that turns scripts
// back on, since the repository's .npmrc ignores them): a plain `npm publish` of a staged folder or of a
// tarball is refused. `--publish` (only inside GitHub Actions, as publish.yml runs it) stages them
// publishable.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** What this reads of the repository's package.json. */
interface RootPackage {
	name: string;
	version: string;
	description: string;
	keywords: string[];
	homepage: string;
	bugs: unknown;
	author: unknown;
	repository: unknown;
	engines: unknown;
	n8n: { n8nNodesApiVersion: number; strict: boolean; credentials: string[]; nodes: string[] };
	peerDependencies: Record<string, string>;
}

/** One service package: its npm name, its folder under nodes/ (and credentials' prefix), its icon's name. */
export interface Service {
	name: string;
	folder: string;
	title: string;
	icon: string;
	keywords: string[];
	about: string;
}

/** A staged package: its folder under build/packages and its tarball under build/tarballs. */
export interface Built {
	name: string;
	dir: string;
	tarball: string;
}

/** n8n entries of a package.json: node and credential files under dist/. */
interface Entries {
	nodes: string[];
	credentials: string[];
}

/** A README section: its heading's level and title, its lines, and the title of the section it is in. */
interface Section {
	level: number;
	title: string;
	lines: string[];
	parent?: string;
}

// The repository's root, from the build (scripts/build) as from the sources.
const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');
const OUT = path.join(ROOT, 'build');
const root = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as RootPackage;

export const SERVICES: Service[] = [
	{
		name: 'n8n-nodes-loyaltylion',
		folder: 'LoyaltyLion',
		title: 'LoyaltyLion',
		icon: 'loyaltylion',
		keywords: ['loyaltylion'],
		about: 'e-commerce loyalty',
	},
	{
		name: 'n8n-nodes-loyalife',
		folder: 'Loyalife',
		title: 'Loyalife',
		icon: 'loyalife',
		keywords: ['loyalife', 'xoxoday'],
		about: 'the loyalty program engine by Xoxoday',
	},
	{
		name: 'n8n-nodes-cardlytics',
		folder: 'Cardlytics',
		title: 'Cardlytics',
		icon: 'cardlytics',
		keywords: ['cardlytics'],
		about: 'card-linked offers, Partner API',
	},
	{
		name: 'n8n-nodes-loyalistic',
		folder: 'Loyalistic',
		title: 'Loyalistic',
		icon: 'loyalistic',
		keywords: ['loyalistic'],
		about: 'B2B marketing automation',
	},
	{
		name: 'n8n-nodes-frederick',
		folder: 'Frederick',
		title: 'Frederick',
		icon: 'frederick',
		keywords: ['frederick'],
		about: 'marketing for appointment businesses',
	},
];
export const PACK = root.name;

// The guard publish.yml passes: GitHub Actions with an OIDC token for the provenance statement.
const GUARD =
	"node -e \"if(process.env.GITHUB_ACTIONS!=='true'||!process.env.ACTIONS_ID_TOKEN_REQUEST_URL){console.error('Refused: this package is published only by the publish workflow on a version tag (GitHub Actions, with provenance). See README, Releasing.');process.exit(1)}\"";

const rel = (file: string): string => path.relative(DIST, file).split(path.sep).join('/');

function listFiles(dir: string): string[] {
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile())
		.map((e) => path.join(e.parentPath ?? e.path, e.name));
}

// What n8n loads from a node folder: compiled code, codex files and output schemas (no maps, no typings).
const shipped = (file: string): boolean =>
	/(?<!\.d)\.js$|\.node\.json$|\/__schema__\/.+\.json$/.test(file);

function resolveRequire(from: string, spec: string): string {
	const base = path.resolve(path.dirname(from), spec);
	for (const candidate of [base, `${base}.js`, `${base}.json`, path.join(base, 'index.js')])
		if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
	throw new Error(`${rel(from)} requires ${spec}, which is not in dist/`);
}

// Every file reachable by relative require() from the entries: the shared core a service needs.
function closure(entries: string[]): Set<string> {
	const seen = new Set<string>();
	const queue = [...entries];
	while (queue.length) {
		const file = queue.pop() as string;
		if (seen.has(file)) continue;
		seen.add(file);
		if (!file.endsWith('.js')) continue;
		const code = fs.readFileSync(file, 'utf8');
		for (const [, spec] of code.matchAll(/require\("(\.{1,2}\/[^"]+)"\)/g))
			queue.push(resolveRequire(file, spec));
	}
	return seen;
}

function serviceEntries(service: Service): Entries {
	return {
		nodes: root.n8n.nodes.filter((n) => n.startsWith(`dist/nodes/${service.folder}/`)),
		credentials: root.n8n.credentials.filter((c) =>
			c.startsWith(`dist/credentials/${service.folder}`),
		),
	};
}

function filesOf(services: Service[]): string[] {
	const files = new Set<string>();
	const entries: string[] = [];
	for (const service of services) {
		const { nodes, credentials } = serviceEntries(service);
		entries.push(...nodes, ...credentials);
		for (const f of listFiles(path.join(DIST, 'nodes', service.folder)))
			if (shipped(f.split(path.sep).join('/'))) files.add(f);
		for (const suffix of ['.svg', '.dark.svg'])
			files.add(path.join(DIST, 'icons', `${service.icon}${suffix}`));
	}
	// The shared core whole (a module may be required only for its types today), plus what the
	// credentials require of their shared field definitions.
	for (const f of listFiles(path.join(DIST, 'nodes', 'shared')))
		if (shipped(f.split(path.sep).join('/'))) files.add(f);
	for (const f of closure(entries.map((e) => path.join(ROOT, e)))) files.add(f);
	return [...files].map(rel).sort();
}

// README: the root README's sections of the service, with what to install and compatibility.
function sections(markdown: string): Section[] {
	const out: Section[] = [];
	let current: Section = { level: 0, title: '', lines: [] };
	for (const line of markdown.split('\n')) {
		const heading = /^(#{1,3}) (.+)$/.exec(line);
		if (heading) {
			out.push(current);
			current = { level: heading[1].length, title: heading[2], lines: [] };
		} else current.lines.push(line);
	}
	out.push(current);
	// Each section's own text and the path of headings above it.
	const trail: string[] = [];
	return out.map((s) => {
		trail.length = Math.max(0, s.level - 1);
		trail[s.level - 1] = s.title;
		return { ...s, parent: trail[0] === s.title ? undefined : trail[s.level - 2] };
	});
}

function body(all: Section[], parent: string | undefined, title: string): string {
	const found = all.find((s) => s.title === title && (parent === undefined || s.parent === parent));
	if (!found) throw new Error(`README has no section "${title}" under "${parent}"`);
	return found.lines.join('\n').trim();
}

function examplesOf(service: Service): string[] {
	const prefix = `${service.icon}-`;
	return fs
		.readdirSync(path.join(ROOT, 'examples'))
		.filter((f) => f.startsWith(prefix) && f.endsWith('.json'))
		.sort();
}

function packagesSection(): string {
	const rows = SERVICES.map((s) => `| ${s.title} | \`${s.name}\` |`).join('\n');
	return [
		'Install **one** of these, in *Settings → Community Nodes → Install*:',
		'',
		'| You use | Install |',
		'|---|---|',
		rows,
		`| several of them, on self-hosted n8n | \`${PACK}\` (all five services in one package) |`,
		'',
		'Each service package is built from the same sources as the pack and holds the same nodes under its own',
		'package name. Choose the service packages **or** the pack, not both: n8n would show every node twice',
		"(under two package names), and a workflow saved with one package's node types needs that package.",
		'Only single-service packages can be verified by n8n, so only they can reach n8n Cloud and, from n8n 3.0,',
		'a default self-hosted n8n (see Compatibility).',
	].join('\n');
}

function readmeFor(service: Service, all: Section[]): string {
	const rootReadme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
	const row = rootReadme.split('\n').find((l) => l.startsWith(`| [${service.title}`));
	if (row === undefined) throw new Error(`README has no row for ${service.title}`);
	const [, , credentials, nodes] = row.split('|').map((c) => c.trim());
	const polling = body(all, 'Operations', 'Polling triggers')
		.split('\n')
		.filter(
			(l) => !l.startsWith('|') || /^\| (Node|---)/.test(l) || l.startsWith(`| ${service.title}`),
		)
		.filter((l) => !/^Examples: /.test(l) && !/^`.+\.json`/.test(l))
		.join('\n');
	const exampleRows = rootReadme.split('\n').filter((l) => /^\| `[a-z-]+\.json` \|/.test(l));
	const examples = examplesOf(service)
		.map((f) => {
			const known = exampleRows.find((l) => l.startsWith(`| \`${f}\``));
			return known ?? `| \`${f}\` | A ${service.title} trigger starting a workflow |`;
		})
		.join('\n');
	const text = [
		`# ${service.name}`,
		'',
		`n8n community node for [${service.title}](#operations) (${service.about}): ${nodes}. Credentials: ${credentials}.`,
		'',
		`Built from the [${PACK}](${root.homepage}) repository, which also publishes the other services and the`,
		'combined pack.',
		'',
		'[n8n](https://n8n.io/) is a [fair-code licensed](https://docs.n8n.io/sustainable-use-license/) workflow automation platform.',
		'',
		'## Which package to install',
		'',
		packagesSection(),
		'',
		'## Installation',
		'',
		body(all, undefined, 'Installation').replaceAll(`\`${PACK}\``, `\`${service.name}\``),
		'',
		'## Credentials',
		'',
		body(all, 'Credentials', service.title),
		'',
		'## Operations',
		'',
		body(all, 'Operations', service.title),
		'',
		...(polling.includes(`| ${service.title}`) ? ['### Polling triggers', '', polling, ''] : []),
		'## Example workflows',
		'',
		'In `examples/` of this package; import one (*Workflows → Import from File*) and pick your credential.',
		'',
		'| File | What it does |',
		'|---|---|',
		examples,
		'',
		'## Compatibility',
		'',
		body(all, undefined, 'Compatibility'),
		'',
		'## License',
		'',
		'MIT',
		'',
	].join('\n');
	// Anchors the root README disambiguates (a second "Cardlytics" heading) are single here.
	return text.replaceAll(`(#${service.icon}-1)`, '(#operations)');
}

function packageJson(
	name: string,
	description: string,
	keywords: string[],
	entries: Entries,
	publish: boolean,
): string {
	const pkg = {
		name,
		version: root.version,
		description,
		keywords: ['n8n-community-node-package', ...keywords],
		license: 'MIT',
		homepage: root.homepage,
		bugs: root.bugs,
		author: root.author,
		repository: root.repository,
		engines: root.engines,
		main: 'index.js',
		// n8n's scanner requires the list; the staged folder holds nothing else anyway.
		files: ['dist', 'examples', 'index.js', 'CHANGELOG.md', 'SECURITY.md'],
		...(publish ? {} : { private: true }),
		scripts: { prepublishOnly: GUARD },
		n8n: {
			n8nNodesApiVersion: root.n8n.n8nNodesApiVersion,
			strict: root.n8n.strict,
			credentials: entries.credentials,
			nodes: entries.nodes,
		},
		peerDependencies: { 'n8n-workflow': root.peerDependencies['n8n-workflow'] },
	};
	return `${JSON.stringify(pkg, null, '\t')}\n`;
}

// Codex ids and example node types name the package: rewritten to the staged package's own name.
const rename = (text: string, name: string): string => text.replaceAll(`"${PACK}.`, `"${name}.`);

function stage({
	name,
	description,
	keywords,
	services,
	readme,
	publish,
}: {
	name: string;
	description: string;
	keywords: string[];
	services: Service[];
	readme: string;
	publish: boolean;
}): string {
	const dir = path.join(OUT, 'packages', name);
	fs.rmSync(dir, { recursive: true, force: true });
	const files = filesOf(services);
	for (const file of files) {
		const dest = path.join(dir, 'dist', file);
		fs.mkdirSync(path.dirname(dest), { recursive: true });
		const source = path.join(DIST, file);
		if (file.endsWith('.node.json'))
			fs.writeFileSync(dest, rename(fs.readFileSync(source, 'utf8'), name));
		else fs.copyFileSync(source, dest);
	}
	fs.mkdirSync(path.join(dir, 'examples'), { recursive: true });
	for (const service of services)
		for (const example of examplesOf(service))
			fs.writeFileSync(
				path.join(dir, 'examples', example),
				rename(fs.readFileSync(path.join(ROOT, 'examples', example), 'utf8'), name),
			);
	const entries: Entries = { nodes: [], credentials: [] };
	for (const service of services) {
		const own = serviceEntries(service);
		entries.nodes.push(...own.nodes);
		entries.credentials.push(...own.credentials);
	}
	fs.writeFileSync(
		path.join(dir, 'package.json'),
		packageJson(name, description, keywords, entries, publish),
	);
	fs.writeFileSync(path.join(dir, 'README.md'), readme);
	for (const doc of ['CHANGELOG.md', 'LICENSE.md', 'SECURITY.md', 'index.js'])
		fs.copyFileSync(path.join(ROOT, doc), path.join(dir, doc));
	// The repository's .npmrc ignores scripts, which would skip the prepublishOnly guard here.
	fs.writeFileSync(path.join(dir, '.npmrc'), 'ignore-scripts=false\n');
	return dir;
}

function pack(dir: string): string {
	const dest = path.join(OUT, 'tarballs');
	fs.mkdirSync(dest, { recursive: true });
	const out = execFileSync(
		'npm',
		['pack', '--ignore-scripts', '--json', '--pack-destination', dest],
		{ cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] },
	).toString();
	return path.join(dest, (JSON.parse(out) as Array<{ filename: string }>)[0].filename);
}

export function main(argv: string[]): Built[] {
	const publish = argv.includes('--publish');
	if (publish && process.env.GITHUB_ACTIONS !== 'true')
		throw new Error(
			'--publish stages publishable packages only inside GitHub Actions (publish.yml)',
		);
	if (!fs.existsSync(path.join(DIST, 'nodes')))
		throw new Error('dist/ is missing: run `npm run build` first');
	const all = sections(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'));
	fs.rmSync(path.join(OUT, 'tarballs'), { recursive: true, force: true });
	const built: Built[] = [];
	for (const service of SERVICES) {
		const dir = stage({
			name: service.name,
			description: `n8n community node for ${service.title} (${service.about}): actions, a trigger and credentials.`,
			keywords: service.keywords,
			services: [service],
			readme: readmeFor(service, all),
			publish,
		});
		built.push({ name: service.name, dir, tarball: pack(dir) });
	}
	const dir = stage({
		name: PACK,
		description: root.description,
		keywords: root.keywords.filter((k) => k !== 'n8n-community-node-package'),
		services: SERVICES,
		readme: fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'),
		publish,
	});
	built.push({ name: PACK, dir, tarball: pack(dir) });
	return built;
}

/** `npm run packages` (scripts/packages.js): stages and packs them, one line per tarball. */
export function cli(argv: string[]): void {
	try {
		for (const { name, tarball } of main(argv))
			console.log(`${name}: ${path.relative(ROOT, tarball)}`);
	} catch (error) {
		console.error(`packages: ${(error as Error).message}`);
		process.exit(1);
	}
}
