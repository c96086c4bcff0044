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

export class Loyalistic implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Loyalistic',
		name: 'loyalistic',
		icon: {
			light: 'file:../../icons/loyalistic.svg',
			dark: 'file:../../icons/loyalistic.dark.svg',
		},
		group: ['transform'],
		// The node's section of the README (the service packages' READMEs are made from it).
		documentationUrl: 'https://github.com/n8n-nodes-loyalty/n8n-nodes-loyalty#loyalistic-1',
		// 1.1: the Output option (Simplified, Raw, Selected Fields) where 1 has Simplify.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Look up and change Loyalistic contacts (by ID or email), companies, static lists and activities',
		defaults: { name: 'Loyalistic' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'loyalisticOAuth2Api', required: true }],
		properties: [...actions.properties],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems.call(this, actions);
	}
}
