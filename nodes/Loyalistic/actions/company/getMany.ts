import { limitOf, returnAllFields } from '../../../shared/descriptions/list';
import { defineOperation } from '../../../shared/execution/operation';
import { loyalisticList, PATHS } from '../../transport';

export default defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many companies',
	description: 'List companies, page by page',
	kind: 'read',
	fields: [...returnAllFields()],
	async execute(i) {
		return await loyalisticList(this, i, PATHS.companies, {}, limitOf(this, i));
	},
});
