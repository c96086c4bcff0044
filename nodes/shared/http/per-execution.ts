import type { ICredentialDataDecryptedObject, ICredentialsDecrypted } from 'n8n-workflow';
import type { RequestContext } from './types';

/**
 * One value per execution (an n8n context object) and key, made on first use: what the request core and
 * the transports read once per execution rather than once per request.
 */
export function perExecution<T>(
	store: WeakMap<object, Map<string, T>>,
	ctx: object,
	key: string,
	make: () => T,
): T {
	let perKey = store.get(ctx);
	if (!perKey) {
		perKey = new Map();
		store.set(ctx, perKey);
	}
	if (!perKey.has(key)) perKey.set(key, make());
	return perKey.get(key) as T;
}

/** A per-execution cache of one kind of value: `once(ctx, key, make)`. */
export function executionCache<T>(): (ctx: object, key: string, make: () => T) => T {
	const store = new WeakMap<object, Map<string, T>>();
	return (ctx, key, make) => perExecution(store, ctx, key, make);
}

/**
 * What a transport derives from its stored credential (API base, program, rate), read once per execution and
 * credential type rather than once per item: `settingsOf(ctx, credentialType)`. A failed derivation (a field
 * the transport refuses) fails every request of the execution the same way.
 */
export function credentialSettings<T, C extends RequestContext = RequestContext>(
	derive: (credentials: ICredentialDataDecryptedObject, ctx: C) => T,
): (ctx: C, credentialType: string) => Promise<T> {
	const once = executionCache<Promise<T>>();
	return async (ctx, credentialType) =>
		await once(ctx, credentialType, () =>
			ctx.getCredentials(credentialType).then((credentials) => derive(credentials, ctx)),
		);
}

const decrypted = executionCache<Promise<ICredentialsDecrypted | undefined>>();

/**
 * Credentials decrypted once per execution, for credential types that are not OAuth2 (n8n's OAuth2 path
 * always reads them itself). When n8n renews an expirable token (preAuthentication after a 401) it writes
 * the new token into this same object, so later requests of the execution use it.
 */
export async function decryptedOnce(
	ctx: RequestContext,
	credentialType: string,
): Promise<ICredentialsDecrypted | undefined> {
	return await decrypted(ctx, credentialType, () => {
		const reference = ctx.getNode().credentials?.[credentialType];
		return reference?.id
			? ctx
					.getCredentials(credentialType)
					.then((data) => ({ id: reference.id!, name: reference.name, type: credentialType, data }))
			: Promise.resolve(undefined);
	});
}

const firstRequests = executionCache<{ answered: Promise<void>; release?: () => void }>();

/**
 * Lets the first request of an execution per credential type through at once and holds the others until
 * it is answered (it is the one that makes n8n fetch a token). Returns the function that ends the hold
 * (for the first request), or undefined.
 */
export async function firstRequestGate(
	ctx: RequestContext,
	credentialType: string,
): Promise<(() => void) | undefined> {
	let first = false;
	const gate = firstRequests(ctx, credentialType, () => {
		first = true;
		const made: { answered: Promise<void>; release?: () => void } = { answered: Promise.resolve() };
		made.answered = new Promise<void>((resolve) => (made.release = resolve));
		return made;
	});
	if (first) return gate.release;
	await gate.answered;
	return undefined;
}

const maxRates = executionCache<Promise<number | undefined>>();

/** The credential's Max Requests per Second (the ceiling of an adaptive flow), read once per execution. */
export async function maxRateOf(
	ctx: RequestContext,
	credentialType: string,
): Promise<number | undefined> {
	return await maxRates(ctx, credentialType, () =>
		ctx.getCredentials(credentialType).then(
			(data) => {
				const value = Number(data.maxRequestsPerSecond);
				return Number.isFinite(value) && value > 0 ? value : undefined;
			},
			() => undefined, // no stored credential (a test request): the default ceiling
		),
	);
}

const credentialKeys = executionCache<string>();

/** Which stored credential a request goes out with: rate limits are per credential. Read once per
 * execution (getNode() copies the whole node each time). */
export function credentialKey(ctx: RequestContext, credentialType: string): string {
	return credentialKeys(
		ctx,
		credentialType,
		() => ctx.getNode().credentials?.[credentialType]?.id ?? credentialType,
	);
}
