'use strict';
// What an AI agent's model reads about each action node used as a tool. n8n describes a tool "Set
// Automatically" as `<the operation's action> in <the node's default name>` (n8n-workflow's
// getToolDescriptionForNode), and offers the node's own description as the default when a user sets it
// manually: both must say what the tool does, and each operation must read differently from the others.
const path = require('node:path');
const { NodeHelpers } = require('n8n-workflow');

const ROOT = path.resolve(__dirname, '..');
const pkg = require(path.join(ROOT, 'package.json'));

const actionNodes = pkg.n8n.nodes
	.filter((entry) => !/Trigger\.node\.js$/.test(entry))
	.map((entry) => {
		const Type = Object.values(require(path.join(ROOT, entry))).find(
			(v) => typeof v === 'function',
		);
		const instance = new Type();
		// A versioned node answers its default version's description.
		const description =
			instance.description ?? instance.nodeVersions[instance.defaultVersion].description;
		return description;
	});

function tools(description) {
	const resource = description.properties.find((p) => p.name === 'resource');
	return resource.options.flatMap((r) =>
		description.properties
			.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(r.value))
			.options.map((o) => ({
				resource: r.value,
				operation: o.value,
				text: NodeHelpers.getToolDescriptionForNode(
					{ parameters: { resource: r.value, operation: o.value, descriptionType: 'auto' } },
					{ description },
				),
			})),
	);
}

test('five action nodes, each usable as a tool', () => {
	expect(
		actionNodes
			.map((d) => [d.displayName, d.usableAsTool])
			.sort((a, b) => a[0].localeCompare(b[0])),
	).toEqual([
		['Cardlytics', true],
		['Frederick', true],
		['Loyalife', true],
		['Loyalistic', true],
		['LoyaltyLion', true],
	]);
});

describe.each(actionNodes.map((d) => [d.displayName, d]))('%s as a tool', (name, description) => {
	test('every operation is described by its action (not the raw resource and operation values), once', () => {
		const all = tools(description);
		expect(all.length).toBeGreaterThan(0);
		for (const { resource, operation, text } of all) {
			expect([resource, operation, text]).toEqual([
				resource,
				operation,
				expect.stringMatching(new RegExp(`^[A-Z][a-z]+ .+ in ${description.defaults.name}$`)),
			]);
			expect(text.startsWith(`${operation} ${resource}`)).toBe(false);
		}
		const texts = all.map((t) => t.text);
		expect(new Set(texts).size).toBe(texts.length);
	});

	test('the node description (the manual default) says what it acts on and by which key, shortly', () => {
		expect(description.description.length).toBeLessThanOrEqual(160);
		expect(description.description).toContain(name);
		// What identifies the records the tool reads or changes.
		expect(description.description).toMatch(/\b(by|ID|IDs|email)\b/);
		expect(description.description).not.toMatch(/^Manage /);
	});
});
