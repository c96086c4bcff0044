'use strict';
// The wire cases of wire.cases.json as the tests use them: a string "{{daysAgo:N}}" anywhere in a case is the
// UTC day N days before today (YYYY-MM-DD), for inputs that must stay inside a moving window (e.g. a two-year
// look-back). A string "{{matches:<regular expression>}}" stands for any string it matches (jest's
// expect.stringMatching), for a value the node takes from the clock (a trigger's DateTo: now).

const daysAgo = (n) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/** The value with each "{{daysAgo:N}}" string replaced by its day, each "{{matches:...}}" by its matcher. */
function resolve(value) {
	if (typeof value === 'string') {
		const m = /^\{\{daysAgo:(\d+)\}\}$/.exec(value);
		if (m) return daysAgo(Number(m[1]));
		const pattern = /^\{\{matches:(.+)\}\}$/.exec(value);
		return pattern && typeof expect === 'function'
			? expect.stringMatching(new RegExp(pattern[1]))
			: value;
	}
	if (Array.isArray(value)) return value.map(resolve);
	if (value && typeof value === 'object')
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
	return value;
}

module.exports = { CASES: require('./wire.cases.json').map(resolve), resolve, daysAgo };
