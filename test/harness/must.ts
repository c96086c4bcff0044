/** A value a test goes on to read: missing, the test fails here (not later, or not at all, through `?.`). */
export function must<T>(value: T | null | undefined, what: string): T {
	if (value === null || value === undefined) throw new Error(`${what} is missing`);
	return value;
}
