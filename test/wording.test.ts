// Wording the editor shows, read from the built nodes and credentials as n8n loads them: every example value
// (placeholder) starts with "e.g.", and no credential placeholder points at the local simulator.
import pkg from '../package.json';
import { requireFromRoot } from './harness/root';

/** What these tests read of a property, a locator mode or a fixedCollection group (loaded from dist/). */
interface Prop {
	displayName?: string;
	name?: string;
	type?: string;
	placeholder?: string;
	modes?: Array<{ type: string; displayName: string; placeholder?: string }>;
	options?: Prop[];
	values?: Prop[];
}
interface Described {
	displayName: string;
	properties?: Prop[];
}
/** A built node: a plain node, or a versioned one with a description per version. */
interface LoadedNode {
	description: Described;
	nodeVersions?: Record<string, { description: Described }>;
}

const load = <T>(file: string): T[] =>
	Object.values(requireFromRoot<Record<string, unknown>>(file))
		.filter(
			(C): C is new () => T =>
				typeof C === 'function' && /^class /.test(Function.prototype.toString.call(C)),
		)
		.map((C) => new C());

/** Every placeholder of a property list, with where it is: fields in collections and locator modes too. */
function placeholders(properties: Prop[] | undefined, where: string): Array<[string, string]> {
	const out: Array<[string, string]> = [];
	for (const p of properties ?? []) {
		const at = `${where} → ${p.displayName ?? p.name}`;
		// A collection's placeholder is its button ("Add Field"), not an example value.
		if (p.placeholder !== undefined && p.type !== 'collection' && p.type !== 'fixedCollection')
			out.push([at, p.placeholder]);
		// From List's placeholder is its search box's prompt.
		for (const mode of p.modes ?? [])
			if (mode.type !== 'list' && mode.placeholder)
				out.push([`${at} (${mode.displayName})`, mode.placeholder]);
		if (p.type === 'collection') out.push(...placeholders(p.options, at));
		if (p.type === 'fixedCollection')
			for (const group of p.options ?? [])
				out.push(...placeholders(group.values, `${at} → ${group.displayName}`));
	}
	return out;
}

const nodes = pkg.n8n.nodes
	.flatMap((file) => load<LoadedNode>(file))
	.flatMap((n) => {
		const versions = n.nodeVersions ? Object.values(n.nodeVersions) : [n];
		return versions.map((v) => v.description);
	});
const credentials = pkg.n8n.credentials.flatMap((file) => load<Described>(file));

test('every placeholder of every node starts with "e.g."', () => {
	const all = nodes.flatMap((d) => placeholders(d.properties, d.displayName));
	expect(all.length).toBeGreaterThan(100);
	expect(all.filter(([, text]) => !String(text).startsWith('e.g. '))).toEqual([]);
});

test('every credential placeholder starts with "e.g." and none names the local simulator', () => {
	const all = credentials.flatMap((c) => placeholders(c.properties, c.displayName));
	expect(all.length).toBeGreaterThanOrEqual(4);
	expect(all.filter(([, text]) => !String(text).startsWith('e.g. '))).toEqual([]);
	expect(all.filter(([, text]) => /localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]/i.test(text))).toEqual(
		[],
	);
});

test('the check fails on a placeholder without "e.g." and on one naming localhost', () => {
	const bad = placeholders(
		[
			{ displayName: 'Amount', type: 'string', placeholder: '49.90' },
			{ displayName: 'Base URL', type: 'string', placeholder: 'e.g. http://localhost:4010' },
			{
				displayName: 'Extra',
				type: 'collection',
				placeholder: 'Add Field',
				options: [{ displayName: 'Inner', type: 'string', placeholder: 'x' }],
			},
		],
		'Test',
	);
	expect(bad.filter(([, text]) => !text.startsWith('e.g. ')).map(([at]) => at)).toEqual([
		'Test → Amount',
		'Test → Extra → Inner',
	]);
	expect(bad.filter(([, text]) => /localhost/.test(text)).map(([at]) => at)).toEqual([
		'Test → Base URL',
	]);
});
