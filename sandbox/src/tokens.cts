// Bearer tokens that really expire and can be revoked; shared by every provider module that issues tokens.
import type { IncomingHttpHeaders } from 'node:http';
import { randomId } from './core.cjs';

/** What `check` answers: the subject of a live token, or why the token is not live. */
type TokenCheck<Subject> =
	| { ok: true; subject: Subject; reason?: undefined }
	| { ok: false; reason: 'unknown' | 'revoked' | 'expired'; subject?: undefined };

// `Subject` is what each provider records per token; `any` by default, for the providers that do not name it.
class TokenStore<Subject = any> {
	onIssue: (token: string) => void;
	lifetimeSeconds: number;
	prefix: string;
	tokens: Map<string, { subject: Subject; expiresAt: number; revoked: boolean }>;
	issued: number;

	/**
	 * @param {object} o
	 * @param {number} o.lifetimeSeconds  how long a new token lives
	 * @param {string} [o.prefix]         token prefix, to tell providers apart in logs
	 */
	constructor({
		lifetimeSeconds,
		prefix = 'tok_',
		onIssue = (_token: string) => {},
	}: {
		lifetimeSeconds: number;
		prefix?: string;
		onIssue?: (token: string) => void;
	}) {
		this.onIssue = onIssue;
		this.lifetimeSeconds = lifetimeSeconds;
		this.prefix = prefix;
		this.tokens = new Map();
		this.issued = 0;
	}
	issue(subject: Subject, lifetimeSeconds = this.lifetimeSeconds) {
		const token = randomId(this.prefix, 24);
		const expiresAt = lifetimeSeconds > 0 ? Date.now() + lifetimeSeconds * 1000 : Infinity;
		this.tokens.set(token, { subject, expiresAt, revoked: false });
		this.issued++;
		this.onIssue(token);
		return { token, expiresAt, expiresIn: lifetimeSeconds };
	}
	/** Returns the subject of a live token, or a reason it is not live. */
	check(token: string | undefined): TokenCheck<Subject> {
		const entry = token && this.tokens.get(token);
		if (!entry) return { ok: false, reason: 'unknown' };
		if (entry.revoked) return { ok: false, reason: 'revoked' };
		if (Date.now() >= entry.expiresAt) return { ok: false, reason: 'expired' };
		return { ok: true, subject: entry.subject };
	}
	/** Makes every live token expire now (or only those matching `filter(subject)`). */
	expireAll(filter: (subject: Subject) => boolean = () => true) {
		let n = 0;
		for (const entry of this.tokens.values()) {
			if (filter(entry.subject) && entry.expiresAt > Date.now()) {
				entry.expiresAt = Date.now() - 1;
				n++;
			}
		}
		return n;
	}
	revokeAll(filter: (subject: Subject) => boolean = () => true) {
		let n = 0;
		for (const entry of this.tokens.values()) {
			if (filter(entry.subject) && !entry.revoked) {
				entry.revoked = true;
				n++;
			}
		}
		return n;
	}
}

/** Reads a Bearer token from the Authorization header (scheme case-insensitive). */
function bearerOf(headers: IncomingHttpHeaders) {
	const value = headers.authorization;
	if (!value) return undefined;
	const m = /^bearer\s+(.+)$/i.exec(value);
	return m ? m[1].trim() : undefined;
}

export { TokenStore, bearerOf };
