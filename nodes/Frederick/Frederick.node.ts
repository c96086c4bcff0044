import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { routeItems } from '../shared/execution/router';
import { actions } from './actions';
import { listSearch } from './search';

export class Frederick implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Frederick',
		name: 'frederick',
		icon: { light: 'file:../../icons/frederick.svg', dark: 'file:../../icons/frederick.dark.svg' },
		group: ['transform'],
		// The node's section of the README (the service packages' READMEs are made from it).
		documentationUrl: 'https://github.com/n8n-nodes-loyalty/n8n-nodes-loyalty#frederick-1',
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Look up and change the contacts, campaigns and contact lists of a Frederick location (by location ID), and sync records from your own system',
		defaults: { name: 'Frederick' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'frederickApi', required: true }],
		properties: [...actions.properties],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems.call(this, actions);
	}
}
