import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { routeItems } from '../shared/execution/router';
import { actions } from './actions';

export class Cardlytics implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cardlytics',
		name: 'cardlytics',
		icon: {
			light: 'file:../../icons/cardlytics.svg',
			dark: 'file:../../icons/cardlytics.dark.svg',
		},
		group: ['transform'],
		// The node's section of the README (the service packages' READMEs are made from it).
		documentationUrl: 'https://github.com/n8n-nodes-loyalty/n8n-nodes-loyalty#cardlytics-1',
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Create, update or delete Cardlytics card-linked offers and merchants by their external IDs; get merchant reports and daily redemption files by date',
		defaults: { name: 'Cardlytics' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'cardlyticsOAuth2Api', required: true }],
		properties: [...actions.properties],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems.call(this, actions);
	}
}
