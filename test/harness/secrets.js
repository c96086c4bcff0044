'use strict';
// Secret hygiene for the whole suite. Every secret in play is registered here: the password-typed fields of
// every credential a test stores, and every token the simulators issue. Every engine run's output and error
// are scanned for all of them (test/harness/scan-after-each-file.js fails the test file if anything leaked).
const registry = (globalThis.__loyaltySecrets ??= { secrets: new Set(), leaks: [] });

/** Registers a secret value (ignores short or empty ones, which would match by accident). */
function registerSecret(value) {
	if (typeof value === 'string' && value.length >= 8) registry.secrets.add(value);
}

/** Scans a run's data and error text; records every secret found, with where it was seen. */
function scan(where, text) {
	for (const secret of registry.secrets) {
		if (text.includes(secret))
			registry.leaks.push({ where, secret: `${secret.slice(0, 4)}…(${secret.length} chars)` });
	}
}

module.exports = { registerSecret, scan, registry };
