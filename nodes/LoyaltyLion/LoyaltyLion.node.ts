import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { routeItems } from '../shared/execution/router';
import { actions } from './actions';
import { listSearch, loadOptions } from './search';
import { authenticationProperties, credentialsDescription } from './transport';

export class LoyaltyLion implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LoyaltyLion',
		name: 'loyaltyLion',
		icon: {
			light: 'file:../../icons/loyaltylion.svg',
			dark: 'file:../../icons/loyaltylion.dark.svg',
		},
		group: ['transform'],
		// The node's section of the README (the service packages' READMEs are made from it).
		documentationUrl: 'https://github.com/n8n-nodes-loyalty/n8n-nodes-loyalty#loyaltylion-1',
		// 1.2: the Output option (Simplified, Raw, Selected Fields) where 1.1 has Simplify.
		version: [1, 1.1, 1.2],
		defaultVersion: 1.2,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Look up and change LoyaltyLion customers (by email or by their ID in your store), their points and rewards, orders and activities',
		defaults: { name: 'LoyaltyLion' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: credentialsDescription,
		properties: [...authenticationProperties, ...actions.properties],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		// Items go several at a time (shared/router.ts); the transport keeps the credential's requests per second.
		return await routeItems.call(this, actions);
	}
}
