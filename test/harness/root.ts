/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test tooling run by jest and the benchmark, never loaded by n8n */
// The repository's root, found from wherever this module runs: test/harness under jest, or the copy the
// benchmark compiles to bench/build. Modules outside the harness (dist/, the simulator) load from here.
import * as fs from 'node:fs';
import * as path from 'node:path';

const PACKAGE_NAME = 'n8n-nodes-loyalty';

function findRoot(start: string): string {
	for (let dir = start; ; dir = path.dirname(dir)) {
		const file = path.join(dir, 'package.json');
		if (fs.existsSync(file)) {
			const { name } = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string };
			if (name === PACKAGE_NAME) return dir;
		}
		if (path.dirname(dir) === dir)
			throw new Error(`No ${PACKAGE_NAME} package.json above ${start}`);
	}
}

export const ROOT = findRoot(__dirname);

/** A CommonJS module of the repository by its path from the root, typed by the caller. */
export function requireFromRoot<T>(...segments: string[]): T {
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- the path is only known at run time
	return require(path.join(ROOT, ...segments)) as T;
}
