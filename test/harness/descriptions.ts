// Reading the nodes' own descriptions, for test matrices generated from them (bad input, path IDs).
import type {
	IDataObject,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IRun,
	NodeParameterValueType,
} from 'n8n-workflow';
import { Engine, type NodeResult } from './engine';
import { requireFromRoot } from './root';
import { demoCredentials, type Simulator } from './sandbox';

/** An action node, with the credential its matrix cases run with. */
export interface NodeSpec {
	file: string;
	credential: string;
	base?: INodeParameters;
}

/** The action nodes, with the credential their matrix cases run with. */
export const NODES: NodeSpec[] = [
	{ file: 'Cardlytics/Cardlytics', credential: 'cardlyticsOAuth2Api' },
	{
		file: 'LoyaltyLion/LoyaltyLion',
		credential: 'loyaltyLionApi',
		base: { authentication: 'apiToken' },
	},
	{ file: 'Loyalife/Loyalife', credential: 'loyalifeApi' },
	{ file: 'Loyalistic/Loyalistic', credential: 'loyalisticOAuth2Api' },
	{ file: 'Frederick/Frederick', credential: 'frederickApi' },
];

/** A node's description, as n8n loads it from dist/. */
export function descriptionOf(spec: NodeSpec): INodeTypeDescription {
	const mod = requireFromRoot<Record<string, new () => INodeType>>(
		'dist',
		'nodes',
		`${spec.file}.node.js`,
	);
	return new (Object.values(mod)[0])().description;
}

/** One case of a matrix: a node, its description and the parameters to run it with. */
export interface MatrixCase {
	spec: NodeSpec;
	description: INodeTypeDescription;
	parameters: INodeParameters;
	/** The node version to run (a field shown only from some version runs there); else 1. */
	typeVersion?: number;
}

/** Runs one matrix case on a fresh engine with the demo credential, over two items or one. */
export async function runAction(
	sim: Simulator,
	c: MatrixCase,
	items: IDataObject[] = [{ x: 1 }],
): Promise<NodeResult & { run: IRun; items: INodeExecutionData[] }> {
	const engine = new Engine();
	const credential = demoCredentials(sim.baseUrl).find((x) => x.type === c.spec.credential);
	if (!credential) throw new Error(`No demo credential of type ${c.spec.credential}`);
	const credentials = engine.addCredential(
		credential.id,
		credential.type,
		credential.data as IDataObject,
		credential.name,
	);
	return await engine.runNode({
		type: c.description.name,
		credentials,
		parameters: c.parameters,
		items,
		typeVersion: c.typeVersion,
	});
}

/** A valid value for a field, by its name and type, so that only the field under test is wrong. */
export function validValue(field: Pick<INodeProperties, 'name' | 'type'>): string | number {
	const n = field.name.toLowerCase();
	if (field.type === 'dateTime')
		return n.includes('to') && !n.includes('date') ? '2026-01-31' : '2026-01-01';
	if (field.type === 'number') return 5;
	if (n.includes('email')) return 'someone@example.com';
	if (n.includes('categorycode')) return '5814';
	if (n.includes('url')) return 'https://example.com/logo.png';
	if (['total', 'totalrefunded', 'totalpaid', 'totalshipping'].includes(n)) return '10.00';
	if (
		['contactid', 'companyid', 'listid', 'rewardid', 'claimedrewardid', 'siteid'].includes(n) ||
		n === 'contactids'
	)
		return '12';
	return 'value-1';
}

/** Field types a matrix fills in: text, numbers, dates, and resource locators (filled By ID). */
export const FILLABLE: string[] = ['string', 'number', 'dateTime', 'resourceLocator'];

/** A value (or expression) as the field takes it: a resource locator gets it as its By ID value. */
export function asParameter(
	field: Pick<INodeProperties, 'type'>,
	value: string | number,
): NodeParameterValueType {
	return field.type === 'resourceLocator' ? { __rl: true, mode: 'id', value } : value;
}

/**
 * Parameters that make an operation valid: every required field a matrix fills, with a valid value, and each
 * required multi-option list without a preset (e.g. Cardlytics' Payment Channels) with its first option.
 */
export function requiredParameters(
	fields: INodeProperties[],
): Record<string, NodeParameterValueType> {
	const valid: Record<string, NodeParameterValueType> = {};
	for (const f of fields) {
		if (f.required && FILLABLE.includes(f.type)) valid[f.name] = asParameter(f, validValue(f));
		const preset = Array.isArray(f.default) && f.default.length > 0;
		if (f.required && f.type === 'multiOptions' && !preset && f.options?.length)
			valid[f.name] = [(f.options[0] as { value: string }).value];
	}
	return valid;
}

/** One operation of a node and the fields shown for it (Return All/Limit aside). */
export interface OperationFields {
	resource: string;
	operation: string;
	fields: INodeProperties[];
}

function optionValues(property: INodeProperties | undefined, what: string): string[] {
	if (!property?.options) throw new Error(`The description has no ${what} options`);
	return property.options.map((o) => String((o as { value: unknown }).value));
}

export function operationsOf(description: INodeTypeDescription): OperationFields[] {
	const resources = optionValues(
		description.properties.find((p) => p.name === 'resource'),
		'resource',
	);
	const shownFor = (p: INodeProperties, key: string, value: string): boolean =>
		(p.displayOptions?.show?.[key] as unknown[] | undefined)?.includes(value) ?? false;
	const out: OperationFields[] = [];
	for (const resource of resources) {
		const operationProperty = description.properties.find(
			(p) => p.name === 'operation' && shownFor(p, 'resource', resource),
		);
		for (const operation of optionValues(operationProperty, `${resource} operation`)) {
			const fields = description.properties.filter(
				(p) =>
					shownFor(p, 'resource', resource) &&
					shownFor(p, 'operation', operation) &&
					!p.displayOptions?.show?.returnAll,
			);
			out.push({ resource, operation, fields });
		}
	}
	return out;
}
