import type { INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';
import type { NodeActions } from '../../nodes/shared/execution/operation';
import { actions as cardlytics } from '../../nodes/Cardlytics/actions';
import { Cardlytics } from '../../nodes/Cardlytics/Cardlytics.node';
import { actions as frederick } from '../../nodes/Frederick/actions';
import { Frederick } from '../../nodes/Frederick/Frederick.node';
import { actions as loyalife } from '../../nodes/Loyalife/actions';
import { Loyalife } from '../../nodes/Loyalife/Loyalife.node';
import { actions as loyalistic } from '../../nodes/Loyalistic/actions';
import { Loyalistic } from '../../nodes/Loyalistic/Loyalistic.node';
import { actions as loyaltyLion } from '../../nodes/LoyaltyLion/actions';
import { LoyaltyLion } from '../../nodes/LoyaltyLion/LoyaltyLion.node';

const nodes: Array<[string, INodeType, NodeActions]> = [
	['Cardlytics', new Cardlytics(), cardlytics],
	['Frederick', new Frederick(), frederick],
	['Loyalife', new Loyalife(), loyalife],
	['Loyalistic', new Loyalistic(), loyalistic],
	['LoyaltyLion', new LoyaltyLion(), loyaltyLion],
];

const values = (p: INodeProperties) =>
	(p.options as INodePropertyOptions[]).map((o) => String(o.value));

describe.each(nodes)('%s node', (_name, node, actions) => {
	const properties = node.description.properties;
	const resources = values(properties.find((p) => p.name === 'resource')!);
	const selectors = properties.filter((p) => p.name === 'operation');

	test('every Operation option has a handler, and every handler an option', () => {
		const offered = selectors.flatMap((selector) => {
			const [resource] = selector.displayOptions!.show!.resource as string[];
			return values(selector).map((operation) => `${resource}:${operation}`);
		});
		const handled = actions.resources.flatMap((r) =>
			r.operations.map((o) => `${r.value}:${o.value}`),
		);
		expect(offered.sort()).toEqual(handled.sort());
		for (const key of offered) {
			const [resource, operation] = key.split(':');
			expect(actions.handler(resource, operation)).toBeDefined();
		}
		expect(resources.sort()).toEqual(actions.resources.map((r) => r.value).sort());
	});

	test('every operation field shows under its own resource and operation only', () => {
		for (const resource of actions.resources) {
			for (const operation of resource.operations) {
				for (const field of operation.fields) {
					const shown = properties.filter(
						(p) =>
							p.name === field.name &&
							(p.displayOptions?.show?.resource as string[] | undefined)?.includes(
								resource.value,
							) &&
							(p.displayOptions?.show?.operation as string[] | undefined)?.includes(
								operation.value,
							),
					);
					expect(shown.length).toBeGreaterThan(0);
					for (const p of shown) {
						expect(p.displayOptions!.show!.resource).toEqual([resource.value]);
						expect(p.displayOptions!.show!.operation).toEqual([operation.value]);
					}
				}
			}
		}
	});

	test('options are sorted by name, as n8n lints them', () => {
		for (const p of [...selectors, properties.find((x) => x.name === 'resource')!]) {
			const names = (p.options as INodePropertyOptions[]).map((o) => o.name);
			expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		}
	});
});
