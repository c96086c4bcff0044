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

export class Loyalife implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Loyalife',
		name: 'loyalife',
		icon: { light: 'file:../../icons/loyalife.svg', dark: 'file:../../icons/loyalife.dark.svg' },
		group: ['transform'],
		// The node's section of the README (the service packages' READMEs are made from it).
		documentationUrl: 'https://github.com/n8n-nodes-loyalty/n8n-nodes-loyalty#loyalife-1',
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Look up and change Loyalife (Xoxoday) members by their relation reference: profile, points, redemptions and transactions',
		defaults: { name: 'Loyalife' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'loyalifeApi', required: true }],
		properties: [...actions.properties],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems.call(this, actions);
	}
}
