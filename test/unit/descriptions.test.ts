import type { INodeProperties } from 'n8n-workflow';
import { fieldsFor } from '../../nodes/shared/descriptions/display';
import { returnAllFields } from '../../nodes/shared/descriptions/list';

describe('descriptions', () => {
	test("fieldsFor keeps a field's own displayOptions and adds its resource and operation", () => {
		const [, limit] = fieldsFor('customer', 'getMany', returnAllFields(500));
		expect(limit.displayOptions).toEqual({
			show: { returnAll: [false], resource: ['customer'], operation: ['getMany'] },
		});
	});

	test("fieldsFor keeps a field's hide conditions", () => {
		const field: INodeProperties = {
			displayName: 'X',
			name: 'x',
			type: 'string',
			default: '',
			displayOptions: { hide: { mode: ['raw'] } },
		};
		expect(fieldsFor('r', 'o', [field])[0].displayOptions).toEqual({
			hide: { mode: ['raw'] },
			show: { resource: ['r'], operation: ['o'] },
		});
	});
});
