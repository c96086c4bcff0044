// What an AI agent's model reads about each action node used as a tool. n8n describes a tool "Set
// Automatically" as `<the operation's action> in <the node's default name>` (n8n-workflow's
// getToolDescriptionForNode), and offers the node's own description as the default when a user sets it
// manually: both must say what the tool does, and each operation must read differently from the others.
import {
	NodeHelpers,
	type INode,
	type INodeProperties,
	type INodePropertyOptions,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { requireFromRoot } from './harness/root';

const pkg = requireFromRoot<{ n8n: { nodes: string[] } }>('package.json');

/** A node class's instance as read here: a plain node's description, or a versioned node's versions. */
interface LoadedNode {
	description?: INodeTypeDescription;
	nodeVersions: Record<number, INodeType>;
	defaultVersion: number;
}

const actionNodes = pkg.n8n.nodes
	.filter((entry) => !/Trigger\.node\.js$/.test(entry))
	.map((entry) => {
		const Type = Object.values(requireFromRoot<Record<string, unknown>>(entry)).find(
			(v) => typeof v === 'function',
		) as new () => LoadedNode;
		const instance = new Type();
		// A versioned node answers its default version's description.
		const description =
			instance.description ?? instance.nodeVersions[instance.defaultVersion].description;
		return description;
	});

/** The options of a resource or operation property. */
function optionsOf(property: INodeProperties | undefined): INodePropertyOptions[] {
	if (!property?.options)
		throw new Error(`No options in ${property?.name ?? 'a missing property'}`);
	return property.options as INodePropertyOptions[];
}

function tools(description: INodeTypeDescription) {
	const resource = description.properties.find((p) => p.name === 'resource');
	return optionsOf(resource).flatMap((r) =>
		optionsOf(
			description.properties.find(
				(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(r.value),
			),
		).map((o) => {
			// getToolDescriptionForNode reads only the node's parameters and the type's description.
			const node: Pick<INode, 'parameters'> = {
				parameters: { resource: r.value, operation: o.value, descriptionType: 'auto' },
			};
			return {
				resource: r.value,
				operation: o.value,
				text: NodeHelpers.getToolDescriptionForNode(node as INode, { description } as INodeType),
			};
		}),
	);
}

test('five action nodes, each usable as a tool', () => {
	expect(
		actionNodes
			.map((d): [string, INodeTypeDescription['usableAsTool']] => [d.displayName, d.usableAsTool])
			.sort((a, b) => a[0].localeCompare(b[0])),
	).toEqual([
		['Cardlytics', true],
		['Frederick', true],
		['Loyalife', true],
		['Loyalistic', true],
		['LoyaltyLion', true],
	]);
});

/** Each action node by its display name. */
const byName = actionNodes.map((d): [string, INodeTypeDescription] => [d.displayName, d]);

describe.each(byName)('%s as a tool', (name, description) => {
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
