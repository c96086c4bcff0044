// bench/RESULTS.md is written by several scripts: each owns the section between its own markers
// (`<!-- name:start -->` … `<!-- name:end -->`), replaced in place or added at the end.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './root.cjs';

export const FILE = path.join(ROOT, 'bench', 'RESULTS.md');
const marked = /<!-- ([a-z-]+):start -->[\s\S]*?<!-- \1:end -->/g;

/** Replaces (or appends) the section `name` of bench/RESULTS.md with `markdown`. */
export function writeSection(name: string, markdown: string): void {
	const block = `<!-- ${name}:start -->\n${markdown.trim()}\n<!-- ${name}:end -->`;
	const text = fs.existsSync(FILE) ? fs.readFileSync(FILE, 'utf8') : '# Benchmark results\n';
	const re = new RegExp(`<!-- ${name}:start -->[\\s\\S]*?<!-- ${name}:end -->`);
	fs.writeFileSync(
		FILE,
		re.test(text) ? text.replace(re, block) : `${text.trimEnd()}\n\n${block}\n`,
	);
}

/** Every marked section of bench/RESULTS.md, to keep when the unmarked head is rewritten. */
export function markedSections(): string[] {
	return fs.existsSync(FILE) ? (fs.readFileSync(FILE, 'utf8').match(marked) ?? []) : [];
}
