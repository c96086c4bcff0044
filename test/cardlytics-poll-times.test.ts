// The Trigger's Poll Times default, after n8n's own loader has added its common polling fields.
import { DirectoryLoader } from 'n8n-core/dist/nodes-loader/directory-loader';
import { NodeHelpers, type INodeType } from 'n8n-workflow';
import { requireFromRoot } from './harness/root';
import type * as Trigger from '../nodes/Cardlytics/CardlyticsTrigger.node';

/** The loader's step that adds the common polling fields: private in n8n-core's types. */
interface SpecialParameters {
	applySpecialNodeParameters(this: unknown, nodeType: INodeType): void;
}

test('Cardlytics Trigger polls once a day by default, with one Poll Times field after n8n loads it', () => {
	const { CardlyticsTrigger } = requireFromRoot<typeof Trigger>(
		'dist',
		'nodes',
		'Cardlytics',
		'CardlyticsTrigger.node.js',
	);
	const node = new CardlyticsTrigger();
	(DirectoryLoader.prototype as unknown as SpecialParameters).applySpecialNodeParameters.call(
		{},
		node,
	);
	const fields = node.description.properties.filter((p) => p.name === 'pollTimes');
	expect(fields).toHaveLength(1);
	const params = NodeHelpers.getNodeParameters(
		node.description.properties,
		{},
		true,
		false,
		null,
		node.description,
	);
	expect(params?.pollTimes).toEqual({ item: [{ mode: 'everyDay', hour: 6, minute: 0 }] });
});
