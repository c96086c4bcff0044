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
	if (typeof value === 'number')
		return Number.isFinite(value) ? undefined : `must be an ID, got ${String(value)}`;
	if (typeof value !== 'string')
		return `must be an ID (text or a number), got ${Array.isArray(value) ? 'a list' : typeof value}`;
	if (value.trim() === '') return 'is empty';
	if (value === '.' || value === '..')
		return `cannot be "${value}": it would change which address the request goes to`;
	if (value.length > MAX_SEGMENT_LENGTH)
		return `is ${value.length} characters long, more than the ${MAX_SEGMENT_LENGTH} an ID can have`;
	return undefined;
}

/**
 * Fills a path template such as `/customers/{merchant_id}/points` with values, each checked and encoded as
 * exactly one segment. A placeholder without a value is a programming error and throws too.
 */
export function buildPath(template: string, values: Record<string, string | number>): string {
	return template.replace(/\{([A-Za-z0-9_]+)\}/g, (_, name: string) => {
		if (!(name in values))
			throw new PathSegmentError(name, undefined, `no value given for {${name}}`);
		const value = values[name];
		const problem = segmentProblem(value);
		if (problem) throw new PathSegmentError(name, value, `The ID ${describe(value)} ${problem}`);
		return encodeURIComponent(String(value));
	});
}

function originOf(url: string): string | undefined {
	try {
		return new URL(url).origin;
	} catch {
		return undefined;
	}
}

/** Where a URL leads: `url` when it is on the expected origin, else only the origin it names. */
export interface OriginCheck {
	url?: string;
	foundOrigin: string;
	expectedOrigin: string;
}

/**
 * Resolves a URL the provider gave (absolute, or relative to the base's origin) and keeps it only if it is on
 * the base's own origin: credentials are only ever sent to the credential's own host. The caller turns a
 * refusal into a node error.
 */
export function followOnOrigin(base: string, url: string): OriginCheck {
	const expectedOrigin = new URL(base).origin;
	let resolved: URL | undefined;
	try {
		resolved = new URL(url, `${expectedOrigin}/`);
	} catch {
		resolved = undefined;
	}
	const foundOrigin = resolved?.origin ?? JSON.stringify(url.slice(0, 60));
	return {
		url: resolved && foundOrigin === expectedOrigin ? resolved.toString() : undefined,
		foundOrigin,
		expectedOrigin,
	};
}

/** base + path when the result stays on the base's origin (a path such as "@other.host/x" does not). */
export function joinOnOrigin(base: string, path: string): OriginCheck {
	const expectedOrigin = new URL(base).origin;
	const foundOrigin = originOf(base + path) ?? JSON.stringify((base + path).slice(0, 60));
	return {
		url: foundOrigin === expectedOrigin ? base + path : undefined,
		foundOrigin,
		expectedOrigin,
	};
}
