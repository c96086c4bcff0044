/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- a test that reads the README, never loaded by n8n */
// The README's list of Loyalife's assumed values is ASSUMED's (the transport, as built into dist/).
import fs from 'node:fs';
import path from 'node:path';
import { requireFromRoot } from './harness/root';
import type * as Transport from '../nodes/Loyalife/transport';

const { ASSUMED } = requireFromRoot<typeof Transport>('dist', 'nodes', 'Loyalife', 'transport');

const WORDS = [
	'zero',
	'one',
	'two',
	'three',
	'four',
	'five',
	'six',
	'seven',
	'eight',
	'nine',
	'ten',
];

/** The text strings and numbers among ASSUMED's values (methods, paths, names, sizes), nested ones included. */
function leaves(value: unknown): Array<string | number> {
	if (typeof value === 'string' || typeof value === 'number') return [value];
	if (value && typeof value === 'object') return Object.values(value).flatMap(leaves);
	return [];
}

describe('the Loyalife assumed values', () => {
	const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
	const start = readme.indexOf('### Loyalife\n\nEvery operation');
	const section = readme.slice(start, readme.indexOf('| Resource | Operation |', start));

	test('the README lists as many as ASSUMED holds, and says how many', () => {
		const count = Object.keys(ASSUMED).length;
		expect(section).toContain(`The ${WORDS[count]} assumed values:`);
		expect(section.match(/^\d+\. /gm)).toHaveLength(count);
	});

	test('the README names each assumed value as ASSUMED holds it', () => {
		const missing = leaves(ASSUMED)
			.filter((v) => v !== 'as GenerateOTP')
			.filter((v) => !section.includes(typeof v === 'number' ? `(${v})` : `\`${v}\``));
		expect(missing).toEqual([]);
	});
});
