'use strict';
// Reading the nodes' own descriptions, for test matrices generated from them (bad input, path IDs).

/** A valid value for a field, by its name and type, so that only the field under test is wrong. */
function validValue(field) {
	const n = field.name.toLowerCase();
	if (field.type === 'dateTime') return n.includes('to') && !n.includes('date') ? '2026-01-31' : '2026-01-01';
	if (field.type === 'number') return 5;
	if (n.includes('email')) return 'someone@example.com';
	if (n.includes('categorycode')) return '5814';
	if (n.includes('url')) return 'https://example.com/logo.png';
	if (['total', 'totalrefunded', 'totalpaid', 'totalshipping'].includes(n)) return '10.00';
	if (['contactid', 'companyid', 'listid'].includes(n) || n === 'contactids') return '12';
	return 'value-1';
}

function operationsOf(description) {
	const resources = description.properties.find((p) => p.name === 'resource').options.map((o) => o.value);
	const out = [];
	for (const resource of resources) {
		const operationProperty = description.properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource));
		for (const { value: operation } of operationProperty.options) {
			const fields = description.properties.filter(
				(p) => p.displayOptions?.show?.resource?.includes(resource) && p.displayOptions?.show?.operation?.includes(operation) && !p.displayOptions?.show?.returnAll,
			);
			out.push({ resource, operation, fields });
		}
	}
	return out;
}

module.exports = { validValue, operationsOf };
