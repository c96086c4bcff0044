import { defineOperation } from '../../../shared/execution/operation';
import { CALLS, PATHS, assumed, loyalisticRequest } from '../../transport';
import { companyIdField, idOf } from '../fields';

export default defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a company',
	description: assumed('Get a company by ID'),
	kind: 'read',
	fields: [companyIdField],
	async execute(i) {
		return (
			await loyalisticRequest(
				this,
				i,
				CALLS.companyGet.method,
				PATHS.company(idOf(this, i, 'companyId', 'Company ID')),
			)
		).body;
	},
});
