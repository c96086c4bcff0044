/**
 * The one way an id gets into a request path. Every provider's PATHS use `buildPath`, so no input can steer a
 * request somewhere else: each value is encoded as one path segment, and the values that would still change
 * the path after encoding (empty, `.`, `..`, resolved by the URL parser) are refused before anything is sent,
 * as are values no provider uses as an id (objects, very long strings).
 */

/** Longer ids are refused up front: no provider documents ids anywhere near this long. */
export const MAX_SEGMENT_LENGTH = 256;

/** An id that cannot go into a request path; `reason` says why, in words a workflow builder can act on. */
export class PathSegmentError extends Error {
	constructor(
		readonly placeholder: string,
		readonly value: unknown,
		readonly reason: string,
	) {
		super(`${reason} (the path's {${placeholder}})`);
		this.name = 'PathSegmentError';
	}
}

function describe(value: unknown): string {
	const text = typeof value === 'string' ? value : String(value);
	return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/** Why a value cannot be a path segment, or undefined when it can. */
export function segmentProblem(value: unknown): string | undefined {
	if (value === undefined || value === null) return 'is empty';
	if (typeof value === 'number') return Number.isFinite(value) ? undefined : `must be an ID, got ${String(value)}`;
	if (typeof value !== 'string') return `must be an ID (text or a number), got ${Array.isArray(value) ? 'a list' : typeof value}`;
	if (value.trim() === '') return 'is empty';
	if (value === '.' || value === '..') return `cannot be "${value}": it would change which address the request goes to`;
	if (value.length > MAX_SEGMENT_LENGTH) return `is ${value.length} characters long, more than the ${MAX_SEGMENT_LENGTH} an ID can have`;
	return undefined;
}

/**
 * Fills a path template such as `/customers/{merchant_id}/points` with values, each checked and encoded as
 * exactly one segment. A placeholder without a value is a programming error and throws too.
 */
export function buildPath(template: string, values: Record<string, string | number>): string {
	return template.replace(/\{([A-Za-z0-9_]+)\}/g, (_, name: string) => {
		if (!(name in values)) throw new PathSegmentError(name, undefined, `no value given for {${name}}`);
		const value = values[name];
		const problem = segmentProblem(value);
		if (problem) throw new PathSegmentError(name, value, `The ID ${describe(value)} ${problem}`);
		return encodeURIComponent(String(value));
	});
}

/** A URL a provider named (a next page, a job to poll) that points away from the credential's own origin. */
export class ForeignOriginError extends Error {
	readonly foundOrigin: string;

	constructor(
		readonly url: string,
		readonly expectedOrigin: string,
	) {
		super(`The address is on another host (${safeOrigin(url)}), not ${expectedOrigin}`);
		this.name = 'ForeignOriginError';
		this.foundOrigin = safeOrigin(url);
	}
}

function safeOrigin(url: string): string {
	try {
		return new URL(url).origin;
	} catch {
		return JSON.stringify(url.slice(0, 60));
	}
}

/**
 * Resolves a URL the provider gave (absolute, or relative to the base) and returns it only if it is on the
 * base's own origin: credentials are only ever sent to the credential's own host.
 */
export function followOnOrigin(base: string, url: string): string {
	const expected = new URL(base).origin;
	let resolved: URL;
	try {
		resolved = new URL(url, `${expected}/`);
	} catch {
		throw new ForeignOriginError(url, expected);
	}
	if (resolved.origin !== expected) throw new ForeignOriginError(url, expected);
	return resolved.toString();
}

/** base + path, refused when the result is not on the base's origin (a path such as "@other.host/x"). */
export function joinOnOrigin(base: string, path: string): string {
	const url = base + path;
	let origin: string | undefined;
	try {
		origin = new URL(url).origin;
	} catch {
		origin = undefined;
	}
	const expected = new URL(base).origin;
	if (origin !== expected) throw new ForeignOriginError(url, expected);
	return url;
}
