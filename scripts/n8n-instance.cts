// Drives a real n8n process the way a user's n8n runs: the pack installed as a community package from its
// npm tarball into <user folder>/.n8n/nodes, credentials and workflows imported with n8n's CLI, workflows
// executed with `n8n execute`, or `n8n start` for the editor.
import { type ChildProcessByStdio, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as net from 'node:net';
import * as path from 'node:path';
import type { Readable } from 'node:stream';
import type { Runtime } from './n8n-runtime.js';
import { npmCommand } from './npm.js';

// The repository's root, from the build (scripts/build) as from the sources.
const ROOT = path.resolve(__dirname, '..', '..');

/** What an n8n CLI command printed, and its exit code (null when it was killed). */
export interface CliResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

/**
 * `n8n execute`'s result: `run` is n8n's result JSON, parsed when there is one. n8n's own shape (IRun, which
 * the CLI prints), read by the tests as far as they need it.
 */
export interface ExecuteResult extends CliResult {
	// Untyped JSON: the run data n8n prints, shaped by whatever the workflow produced.
	run: any;
}

/** A child n8n process with its output collected (`launch`). */
/** A workflow as `N8nInstance.provision` creates it: an exported or example workflow's JSON (its other
 * fields, settings or pinned data, go along). */
export interface ProvisionedWorkflow {
	id: string;
	name: string;
	nodes: Array<{
		credentials?: Record<string, { id?: string; name?: string }>;
		[key: string]: unknown;
	}>;
	connections: unknown;
	tags?: unknown;
	active?: unknown;
}

export type N8nChild = ChildProcessByStdio<null, Readable, Readable> & { log: string };

/** Packs the built pack with npm, as it would be published. Returns the tarball path. */
export function packTarball(destination: string): string {
	const started = Date.now();
	fs.mkdirSync(destination, { recursive: true });
	const npm = npmCommand(['pack', '--silent', '--pack-destination', destination]);
	const out = execFileSync(npm.command, npm.args, { cwd: ROOT, shell: npm.shell })
		.toString()
		.trim()
		.split('\n')
		.pop();
	timing('npm pack', started);
	return path.join(destination, out ?? '');
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

/** Appends one line to $E2E_TIMING (a file), when set: where an e2e run spends its time. */
function timing(what: string, started: number): void {
	const file = process.env.E2E_TIMING;
	if (file)
		fs.appendFileSync(file, `${new Date().toISOString()} ${Date.now() - started} ms ${what}\n`);
}

export class N8nInstance {
	readonly runtime: Runtime;
	readonly userFolder: string;
	extraEnv: Record<string, string>;
	port: number | undefined;
	process: ChildProcessByStdio<null, Readable, Readable> | undefined;
	log = '';
	children: N8nChild[] | undefined;

	/**
	 * @param o.runtime     from scripts/n8n-runtime.js
	 * @param o.userFolder  N8N_USER_FOLDER (n8n keeps its data in <it>/.n8n)
	 * @param o.env         extra environment
	 */
	constructor({
		runtime,
		userFolder,
		env = {},
	}: {
		runtime: Runtime;
		userFolder: string;
		env?: Record<string, string>;
	}) {
		this.runtime = runtime;
		this.userFolder = userFolder;
		this.extraEnv = env;
		fs.mkdirSync(path.join(userFolder, '.n8n'), { recursive: true });
	}

	env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
		return {
			...process.env,
			PATH: `${path.dirname(this.runtime.node)}${path.delimiter}${process.env.PATH}`,
			NODE_ENV: 'production',
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: 'n8n-nodes-loyalty-local-key-0001',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_VERIFIED_PACKAGES_ENABLED: 'false',
			// n8n 2.x calls n8n's servers from this module; n8n 1.x has no such module and refuses the name.
			...(String(this.runtime.version ?? '').startsWith('1.')
				? // n8n 1.123's default "vm" expression engine needs isolated-vm 6, which needs Node >= 22: on Node 20
					// (the 1.x users this run stands for) n8n runs its legacy engine.
					{ N8N_EXPRESSION_ENGINE: 'legacy' }
				: { N8N_DISABLED_MODULES: 'mcp-registry' }),
			N8N_SECURE_COOKIE: 'false',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_LOG_LEVEL: 'info',
			DB_SQLITE_POOL_SIZE: '2',
			...this.extraEnv,
			...extra,
		};
	}

	/** Installs the pack from its tarball as n8n installs community packages. */
	installPack(tarball: string): void {
		const nodesDir = path.join(this.userFolder, '.n8n', 'nodes');
		fs.mkdirSync(nodesDir, { recursive: true });
		const manifest = path.join(nodesDir, 'package.json');
		if (!fs.existsSync(manifest))
			fs.writeFileSync(
				manifest,
				JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2),
			);
		const npm = npmCommand([
			'install',
			'--omit=peer',
			'--ignore-scripts',
			'--no-audit',
			'--no-fund',
			'--loglevel=error',
			tarball,
		]);
		const started = Date.now();
		execFileSync(npm.command, npm.args, { cwd: nodesDir, stdio: 'pipe', shell: npm.shell });
		timing(`npm install ${path.basename(tarball)}`, started);
	}

	/**
	 * Puts a working copy's build into n8n's community-package folder: package.json and dist/ copied (not
	 * linked: n8n's hot reload watches that folder and clears the module cache by its path, which a symlink
	 * would defeat). Call it again after each build; with N8N_DEV_RELOAD n8n reloads the nodes.
	 */
	syncPack(root: string): void {
		const { name } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
			name: string;
		};
		const nodesDir = path.join(this.userFolder, '.n8n', 'nodes');
		const target = path.join(nodesDir, 'node_modules', name);
		fs.mkdirSync(target, { recursive: true });
		const manifest = path.join(nodesDir, 'package.json');
		if (!fs.existsSync(manifest))
			fs.writeFileSync(
				manifest,
				JSON.stringify(
					{ name: 'installed-nodes', private: true, dependencies: { [name]: `file:${root}` } },
					null,
					2,
				),
			);
		fs.copyFileSync(path.join(root, 'package.json'), path.join(target, 'package.json'));
		fs.rmSync(path.join(target, 'dist'), { recursive: true, force: true });
		fs.cpSync(path.join(root, 'dist'), path.join(target, 'dist'), { recursive: true });
	}

	/**
	 * Runs an n8n CLI command; resolves {code, stdout, stderr}. stdout goes to a file, not a pipe: n8n calls
	 * process.exit() right after printing a large result, which cuts a pipe's pending output short (seen with
	 * n8n 1.x and 5,000 items); a file receives every byte.
	 */
	cli(
		args: string[],
		{ env = {}, timeoutMs = 180_000 }: { env?: Record<string, string>; timeoutMs?: number } = {},
	): Promise<CliResult> {
		const started = Date.now();
		return new Promise((resolve) => {
			const outFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-cli-')), 'stdout');
			const out = fs.openSync(outFile, 'w');
			const child = spawn(this.runtime.node, [this.runtime.n8n, ...args], {
				env: this.env(env),
				stdio: ['ignore', out, 'pipe'],
			});
			let stderr = '';
			child.stderr?.on('data', (c: Buffer) => (stderr += c));
			const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
			child.on('close', (code) => {
				clearTimeout(timer);
				fs.closeSync(out);
				const stdout = fs.readFileSync(outFile, 'utf8');
				fs.rmSync(path.dirname(outFile), { recursive: true, force: true });
				timing(`n8n ${args[0]}`, started);
				resolve({ code, stdout, stderr });
			});
		});
	}

	async importCredentials(credentials: unknown[]): Promise<CliResult> {
		const file = path.join(this.userFolder, 'credentials.json');
		fs.writeFileSync(file, JSON.stringify(credentials, null, 2));
		const result = await this.cli(['import:credentials', `--input=${file}`]);
		fs.rmSync(file);
		if (result.code !== 0)
			throw new Error(`import:credentials failed: ${result.stderr || result.stdout}`);
		return result;
	}

	async importWorkflow(file: string): Promise<CliResult> {
		const result = await this.cli(['import:workflow', `--input=${file}`]);
		if (result.code !== 0)
			throw new Error(
				`import:workflow ${path.basename(file)} failed: ${result.stderr || result.stdout}`,
			);
		return result;
	}

	/** Imports every workflow file (`*.json`) of a folder in one n8n boot (`import:workflow --separate`). */
	async importWorkflows(dir: string): Promise<CliResult> {
		const result = await this.cli(['import:workflow', '--separate', `--input=${dir}`]);
		if (result.code !== 0)
			throw new Error(
				`import:workflow --separate ${path.basename(dir)} failed: ${result.stderr || result.stdout}`,
			);
		return result;
	}

	/**
	 * Executes an imported workflow with `n8n execute --id … --rawOutput` and returns {code, run, stdout,
	 * stderr}: `run` is the parsed result JSON (printed after the log lines, from the first line that is
	 * exactly "{" to the last "}").
	 */
	async execute(
		id: string,
		{ env = {} }: { env?: Record<string, string> } = {},
	): Promise<ExecuteResult> {
		const result = await this.cli(['execute', `--id=${id}`, '--rawOutput'], {
			env: { N8N_RUNNERS_BROKER_PORT: String(await freePort()), ...env },
		});
		const lines = result.stdout.split('\n');
		const start = lines.findIndex((l) => l === '{');
		let end = -1;
		for (let i = lines.length - 1; i >= 0; i--)
			if (lines[i] === '}') {
				end = i;
				break;
			}
		let run: unknown;
		if (start >= 0 && end >= start) {
			try {
				run = JSON.parse(lines.slice(start, end + 1).join('\n'));
			} catch {
				run = undefined;
			}
		}
		return { ...result, run };
	}

	/** `n8n start`; resolves when /healthz/readiness answers 200. */
	async start({
		port,
		env = {},
		onLine,
	}: {
		port?: number;
		env?: Record<string, string>;
		onLine?: (line: string) => void;
	} = {}): Promise<this> {
		const started = Date.now();
		this.port = port ?? (await freePort());
		const child = spawn(this.runtime.node, [this.runtime.n8n, 'start'], {
			env: this.env({
				N8N_PORT: String(this.port),
				N8N_RUNNERS_BROKER_PORT: String(await freePort()),
				...env,
			}),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		this.process = child;
		this.log = '';
		const collect = (chunk: Buffer) => {
			this.log += chunk;
			if (onLine) for (const line of chunk.toString().split('\n')) if (line.trim()) onLine(line);
		};
		child.stdout.on('data', collect);
		child.stderr.on('data', collect);
		const exited = new Promise<number | null>((resolve) =>
			child.once('exit', (code) => resolve(code)),
		);
		const deadline = Date.now() + 120_000;
		for (;;) {
			const state = await Promise.race([
				exited.then((code) => ({ exited: code })),
				new Promise<{ exited?: undefined }>((r) => setTimeout(() => r({}), 500)),
			]);
			if (state.exited !== undefined)
				throw new Error(
					`n8n exited with code ${state.exited} before it was ready:\n${this.log.slice(-3000)}`,
				);
			try {
				// Ready means the REST API answers too: n8n 1.x reports readiness before it registers its routes.
				const answer = await fetch(`${this.url}/healthz/readiness`);
				if (answer.ok && (await fetch(`${this.url}/rest/settings`)).ok) {
					timing('n8n start', started);
					return this;
				}
			} catch {
				// not listening yet
			}
			if (Date.now() > deadline)
				throw new Error(`n8n was not ready after 120 s:\n${this.log.slice(-3000)}`);
		}
	}

	/** Activates (publishes) an imported workflow: `publish:workflow` in n8n 2.x, `update:workflow --active` in 1.x. */
	async activate(id: string): Promise<CliResult> {
		const args = String(this.runtime.version ?? '').startsWith('1.')
			? ['update:workflow', `--id=${id}`, '--active=true']
			: ['publish:workflow', `--id=${id}`];
		const result = await this.cli(args);
		if (result.code !== 0)
			throw new Error(`${args[0]} ${id} failed: ${result.stderr || result.stdout}`);
		return result;
	}

	/**
	 * Creates credentials and workflows in this running n8n over its REST API, as the editor's import and
	 * save do, and publishes the workflows named in `activate`: no n8n boot per step, where each CLI command
	 * boots n8n again (5-9 s on two cores). n8n gives a credential created this way an id of its own; the
	 * workflows' references to the given ids are rewritten to it. Workflows keep their ids. Answers the new
	 * id of each given credential id. `cookie` is an owner's session (the tests' `login`).
	 */
	async provision({
		cookie,
		credentials = [],
		workflows = [],
		activate = [],
	}: {
		cookie: string;
		credentials?: Array<{ id: string; name: string; type: string; data: Record<string, unknown> }>;
		workflows?: ProvisionedWorkflow[];
		activate?: string[];
	}): Promise<Map<string, string>> {
		const rest = async (
			method: string,
			route: string,
			body: unknown,
		): Promise<{ id: string; versionId?: string }> => {
			const answer = await fetch(`${this.url}/rest/${route}`, {
				method,
				headers: { 'Content-Type': 'application/json', cookie },
				body: JSON.stringify(body),
			});
			const text = await answer.text();
			if (!answer.ok)
				throw new Error(
					`n8n answered ${answer.status} to ${method} /rest/${route}: ${text.slice(0, 500)}`,
				);
			return (JSON.parse(text) as { data: { id: string; versionId?: string } }).data;
		};
		const ids = new Map<string, string>();
		for (const { id, name, type, data } of credentials)
			ids.set(id, (await rest('POST', 'credentials', { name, type, data })).id);
		const versions = new Map<string, string | undefined>();
		for (const wf of workflows) {
			const nodes = wf.nodes.map((node) => ({
				...node,
				...(node.credentials && {
					credentials: Object.fromEntries(
						Object.entries(node.credentials).map(([type, ref]) => [
							type,
							{ ...ref, id: (ref.id && ids.get(ref.id)) ?? ref.id },
						]),
					),
				}),
			}));
			// Tags name tag records this n8n does not have; an example's other fields go as the editor sends them.
			const { tags: _tags, active: _active, ...body } = wf;
			versions.set(wf.id, (await rest('POST', 'workflows', { ...body, nodes })).versionId);
		}
		for (const id of activate)
			await rest('POST', `workflows/${id}/activate`, { versionId: versions.get(id) });
		return ids;
	}

	/** Starts another n8n process on the same user folder (e.g. `worker` in queue mode); resolves the child. */
	async launch(
		args: string[],
		{ env = {}, onLine }: { env?: Record<string, string>; onLine?: (line: string) => void } = {},
	): Promise<N8nChild> {
		const child: N8nChild = Object.assign(
			spawn(this.runtime.node, [this.runtime.n8n, ...args], {
				env: this.env({ N8N_RUNNERS_BROKER_PORT: String(await freePort()), ...env }),
				stdio: ['ignore', 'pipe', 'pipe'],
			}),
			{ log: '' },
		);
		const collect = (chunk: Buffer) => {
			child.log += chunk;
			if (onLine) for (const line of chunk.toString().split('\n')) if (line.trim()) onLine(line);
		};
		child.stdout.on('data', collect);
		child.stderr.on('data', collect);
		(this.children ??= []).push(child);
		return child;
	}

	get url(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	async stop(): Promise<void> {
		for (const child of this.children ?? []) if (child.exitCode === null) child.kill('SIGTERM');
		const child = this.process;
		if (!child || child.exitCode !== null) return;
		const done = new Promise((resolve) => child.once('exit', resolve));
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
		await done;
		clearTimeout(timer);
	}
}

/**
 * An e2e run's seed (its folder in N8N_E2E_SEED, set by scripts/e2e.js): an n8n user folder with the packed
 * pack installed and n8n's database created and migrated, made once per run and copied into each instance
 * that starts from it (`instanceWithPack`), where packing, installing and the first boot's migrations cost
 * about 10 s each on two cores.
 */
export async function makeSeed(runtime: Runtime, dir: string): Promise<void> {
	const n8n = new N8nInstance({ runtime, userFolder: dir });
	n8n.installPack(packTarball(path.join(dir, 'pack')));
	// Any CLI command boots n8n, which creates and migrates its database; an empty import changes nothing else.
	await n8n.importCredentials([]);
}

/**
 * A new n8n, not started, in a fresh user folder (`home`, or a temporary one named after `name`) with the
 * packed pack installed: copied from the run's seed when there is one, else packed and installed here. With
 * `pack: false`, only the seed's migrated database is copied (for a test that installs packages itself).
 */
export function instanceWithPack({
	runtime,
	name,
	home = fs.mkdtempSync(path.join(os.tmpdir(), `n8n-loyalty-${name}-`)),
	env,
	pack = true,
}: {
	runtime: Runtime;
	name: string;
	home?: string;
	env?: Record<string, string>;
	pack?: boolean;
}): N8nInstance {
	const seed = process.env.N8N_E2E_SEED;
	if (seed && fs.existsSync(path.join(seed, '.n8n', 'nodes'))) {
		const nodes = path.join(seed, '.n8n', 'nodes');
		fs.cpSync(path.join(seed, '.n8n'), path.join(home, '.n8n'), {
			recursive: true,
			filter: (source) => pack || !source.startsWith(nodes),
		});
		return new N8nInstance({ runtime, userFolder: home, env });
	}
	const n8n = new N8nInstance({ runtime, userFolder: home, env });
	if (pack) n8n.installPack(packTarball(path.join(home, 'pack')));
	return n8n;
}

/**
 * A real n8n, not started, with the packed pack installed, the simulator's demo credentials imported and,
 * if given, workflows imported and activated: what the end-to-end tests of triggers start from.
 */
export async function preparedInstance<Workflow extends { id: string }>({
	runtime,
	sim,
	demoCredentials,
	credentials = sim && demoCredentials ? demoCredentials(sim.baseUrl) : undefined,
	name,
	workflow,
	workflows = workflow ? [workflow] : [],
	activate = true,
}: {
	runtime: Runtime;
	/** with demoCredentials: the simulator's demo credentials, unless `credentials` are given */
	sim?: { baseUrl(provider: string): string };
	demoCredentials?: (baseUrl: (provider: string) => string) => unknown[];
	credentials?: unknown[];
	name: string;
	workflow?: Workflow;
	workflows?: Workflow[];
	activate?: boolean;
}): Promise<N8nInstance> {
	if (!credentials)
		throw new Error('preparedInstance needs credentials, or sim and demoCredentials');
	const n8n = instanceWithPack({ runtime, name });
	await n8n.importCredentials(credentials);
	if (workflows.length > 0) {
		// One n8n boot for all of them.
		const dir = fs.mkdtempSync(path.join(n8n.userFolder, 'workflows-'));
		for (const wf of workflows)
			fs.writeFileSync(path.join(dir, `workflow-${wf.id}.json`), JSON.stringify(wf));
		await n8n.importWorkflows(dir);
	}
	if (activate) for (const wf of workflows) await n8n.activate(wf.id);
	return n8n;
}
