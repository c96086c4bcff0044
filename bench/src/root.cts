// The repository's root from the compiled benchmarks (bench/build), and its CommonJS modules by their path from
// the root (dist/, the simulator, the scripts), typed by the caller.
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');

export function requireFromRoot<T>(...segments: string[]): T {
	return require(path.join(ROOT, ...segments)) as T;
}
