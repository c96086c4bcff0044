/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test tooling run by jest, never loaded by n8n */
// Secret hygiene for the whole suite. Every secret in play is registered here: the password-typed fields of
// every credential a test stores, and every token the simulators issue. Every engine run's output and error
// are scanned for all of them (scan-after-each-file fails the test file if anything leaked).

export interface Leak {
	where: string;
	/** The secret's first characters and its length, never the whole of it. */
	secret: string;
}

export interface SecretRegistry {
	secrets: Set<string>;
	leaks: Leak[];
}

declare global {
	// One registry per process, shared by every copy of this module jest loads.
	var __loyaltySecrets: SecretRegistry | undefined;
}

export const registry: SecretRegistry = (globalThis.__loyaltySecrets ??= {
	secrets: new Set(),
	leaks: [],
});

/** Registers a secret value (ignores short or empty ones, which would match by accident). */
export function registerSecret(value: unknown): void {
	if (typeof value === 'string' && value.length >= 8) registry.secrets.add(value);
}

/** Scans a run's data and error text; records every secret found, with where it was seen. */
export function scan(where: string, text: string): void {
	for (const secret of registry.secrets) {
		if (text.includes(secret))
			registry.leaks.push({ where, secret: `${secret.slice(0, 4)}…(${secret.length} chars)` });
	}
}
