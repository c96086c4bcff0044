'use strict';

/** Every string in a value, flattened: for scanning outputs and errors for secrets. */
function allText(value, seen = new Set()) {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value !== 'object') return String(value);
	if (seen.has(value)) return '';
	seen.add(value);
	if (Buffer.isBuffer(value)) return value.toString('utf8');
	if (value instanceof Error) {
		return [value.message, value.description, value.stack, allText({ ...value }, seen)].join('\n');
	}
	return Object.entries(value)
		.map(([k, v]) => `${k}: ${allText(v, seen)}`)
		.join('\n');
}

module.exports = { allText };
