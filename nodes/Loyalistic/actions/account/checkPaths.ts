import type { IDataObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { defineOperation } from '../../../shared/execution/operation';
import { comparePaths, documentedOperations } from '../../swaggerCheck';
import { baseUrl, ENDPOINTS, loyalisticRequest, PATHS } from '../../transport';

export default defineOperation({
	value: 'checkPaths',
	name: 'Check API Paths',
	action: 'Check the API paths the node assumes',
	description:
		"Read Loyalistic's Swagger document (with your credential) and report which of the node's assumed paths, methods and query parameter names it does not have, and the nearest ones it has",
	kind: 'read',
	fields: [
		{
			displayName:
				"Loyalistic publishes its resource API only in its Swagger document. This operation reads it and tells you whether the node's paths, methods and query parameter names are in it (body fields and answers are not compared).",
			name: 'checkNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Fail If Paths Differ',
					name: 'failOnMismatch',
					type: 'boolean',
					default: false,
					description:
						'Whether to stop the workflow with the report as its error when any path, method or query parameter is missing, instead of outputting the report',
				},
			],
		},
	],
	async execute(i) {
		const base = await baseUrl(this);
		const url = base + PATHS.swagger;
		const { body } = await loyalisticRequest<unknown>(this, i, 'GET', PATHS.swagger);
		const parsed = documentedOperations(body);
		if (!parsed) {
			throw new NodeApiError(
				this.getNode(),
				{ message: 'Not an API description' },
				{
					message: `The answer at ${url} is not a Swagger or OpenAPI document (it has no "paths") (item ${i})`,
					description: `Check the API Base URL in the Loyalistic credential: the Swagger document lives at <API Base URL>${PATHS.swagger}.`,
					itemIndex: i,
				},
			);
		}
		const report = comparePaths(ENDPOINTS, parsed.operations, new URL(base).pathname);
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		if (!report.fits && options.failOnMismatch === true)
			throw new NodeOperationError(this.getNode(), report.summary, {
				description: `Compared with ${url}.`,
				itemIndex: i,
			});
		return {
			fits: report.fits,
			summary: report.summary,
			swaggerUrl: url,
			format: parsed.format,
			apiTitle: parsed.title ?? null,
			apiVersion: parsed.version ?? null,
			documentedOperations: parsed.operations.length,
			checked: report.checked,
			found: report.found,
			missing: report.missing,
		};
	},
});
