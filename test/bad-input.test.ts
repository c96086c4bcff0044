// The bad-input matrix, generated from the nodes' own descriptions so that no operation is forgotten: for every
// operation of every node, each required field left empty (by an expression, as data from a previous node
// would), and each email, date and number field given a wrong value, must stop the item with a
// NodeOperationError that names the field and the item, before any request is sent.
import type { INodeParameters, INodeProperties, NodeParameterValue } from 'n8n-workflow';
import { useSandbox } from './harness';
import {
	operationsOf,
	NODES,
	descriptionOf,
	runAction,
	FILLABLE,
	asParameter,
	requiredParameters,
	type MatrixCase,
} from './harness/descriptions';

const box = useSandbox();

/** The latest node version that shows a field (one shown only from some version runs there). */
const versionOf = (f: INodeProperties) =>
	f.displayOptions?.show?.['@version']?.at(-1) as number | undefined;

/** The parameters that show a field guarded by another option (e.g. Attribute Key under "Other"). */
function showing(f: INodeProperties): INodeParameters {
	const show = { ...(f.displayOptions?.show ?? {}) } as Record<string, NodeParameterValue[]>;
	for (const key of ['resource', 'operation', '@version']) delete show[key];
	return Object.fromEntries(Object.entries(show).map(([key, values]) => [key, values[0]]));
}

/** One case of the matrix: the field it leaves empty or gives a wrong value, by its display name. */
interface BadInputCase extends MatrixCase {
	label: string;
	field: string;
}

const cases: BadInputCase[] = [];
for (const spec of NODES) {
	const description = descriptionOf(spec);
	for (const { resource, operation, fields } of operationsOf(description)) {
		const valid: INodeParameters = { ...(spec.base ?? {}), resource, operation };
		Object.assign(valid, requiredParameters(fields));
		for (const f of fields) {
			if (!f.required || !FILLABLE.includes(f.type) || f.name === 'binaryPropertyName') continue;
			cases.push({
				spec,
				description,
				label: `${description.displayName} ${resource} → ${operation}: "${f.displayName}" empty`,
				parameters: { ...valid, ...showing(f), [f.name]: asParameter(f, '={{ "" }}') },
				field: f.displayName,
				typeVersion: versionOf(f),
			});
		}
		for (const f of fields) {
			if (f.type !== 'string' && f.type !== 'dateTime' && f.type !== 'number') continue;
			let bad: string | undefined;
			if (f.name.toLowerCase().includes('email') && f.type === 'string') bad = 'not-an-email';
			else if (f.type === 'dateTime' && f.required) bad = '2026-13-45';
			else if (f.type === 'number' && f.required) bad = 'twelve';
			if (bad === undefined) continue;
			cases.push({
				spec,
				description,
				label: `${description.displayName} ${resource} → ${operation}: "${f.displayName}" = ${JSON.stringify(bad)}`,
				parameters: { ...valid, ...showing(f), [f.name]: `={{ ${JSON.stringify(bad)} }}` },
				field: f.displayName,
				typeVersion: versionOf(f),
			});
		}
	}
}

describe('bad input is stopped before any request, naming the field and the item', () => {
	test('the matrix covers every operation of every node', () => {
		const operations = new Set(
			cases.map(
				(c) => `${c.description.displayName}/${c.parameters.resource}/${c.parameters.operation}`,
			),
		);
		// Operations with no required text, number or date field (e.g. Get Many) have nothing to leave empty.
		expect(operations.size).toBeGreaterThanOrEqual(45);
		expect(cases.length).toBeGreaterThanOrEqual(90);
	});

	test.each(cases.map((c): [string, BadInputCase] => [c.label, c]))('%s', async (_label, c) => {
		const { error } = await runAction(box.sim, c, [{ x: 1 }, { x: 2 }]);
		expect(error).toBeDefined();
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toContain(c.field);
		expect(error?.message).toMatch(/\(item 0\)/);
		// Nothing reached the provider (a token request may have, for credentials that fetch one first).
		const apiCalls = box.sim.stats.log.filter((r) => !/token|oauth|Auth\/Token/i.test(r.route));
		expect(apiCalls).toHaveLength(0);
	});
});
