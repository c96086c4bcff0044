import type { IDataObject } from 'n8n-workflow';
import { defineOperation } from '../../../shared/execution/operation';
import { loyaltyLionRequest, PATHS } from '../../transport';

// developers.loyaltylion.com/api-reference/v2/resources/whoami: 200 {identity: {kind, account_id,
// program_id, scopes, integration}}; an older rendering shows the identity unwrapped, so both are read.
export default defineOperation({
	value: 'whoami',
	name: 'Get',
	action: 'Get the identity of the credential',
	description: 'Which account and program the credential reaches, and the scopes it has',
	kind: 'read',
	fields: [],
	async execute(i) {
		const { body } = await loyaltyLionRequest<IDataObject>(this, i, 'GET', PATHS.whoami);
		return (body?.identity as IDataObject | undefined) ?? body ?? {};
	},
});
