/** Every string in a value, flattened: for scanning outputs and errors for secrets. */
export function allText(value: unknown, seen: Set<unknown> = new Set()): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value !== 'object') return String(value);
	if (seen.has(value)) return '';
	seen.add(value);
	if (Buffer.isBuffer(value)) return value.toString('utf8');
	if (value instanceof Error) {
		const { description } = value as Error & { description?: unknown };
		return [value.message, description, value.stack, allText({ ...value }, seen)].join('\n');
	}
	return Object.entries(value)
		.map(([k, v]) => `${k}: ${allText(v, seen)}`)
		.join('\n');
}
