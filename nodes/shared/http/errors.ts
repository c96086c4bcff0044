import type { JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import type { Failure } from './failure';
import { requestIdOf } from './failure';
import type { Provider, RequestContext, RequestSpec } from './types';

/** Milliseconds a request may take before it is abandoned, unless the provider says otherwise. */
export const DEFAULT_TIMEOUT_MS = 60_000;

/** What every message about one request says: which node, item, credential and request. */
interface Subject {
	ctx: RequestContext;
	provider: Provider;
	spec: RequestSpec;
	itemText: string;
	credentialText: string;
	where: string;
	retried: string;
}

function subjectOf(
	ctx: RequestContext,
	provider: Provider,
	spec: RequestSpec,
	attempts: number,
): Subject {
	const credentialName = ctx.getNode().credentials?.[provider.credentialType]?.name;
	return {
		ctx,
		provider,
		spec,
		itemText: spec.itemIndex !== undefined ? ` (item ${spec.itemIndex})` : '',
		credentialText: credentialName ? `the "${credentialName}" credential` : 'the credential',
		where: `${spec.method} ${spec.url.replace(/^https?:\/\/[^/]+/, '').split('?')[0]}`,
		retried: attempts > 1 ? ` after ${attempts} attempts` : '',
	};
}

/**
 * The one error mapper: a failed request as a NodeApiError that says what the provider said, the HTTP
 * status, the provider's request id, which item, and what to do. It never copies the request (whose
 * headers hold the token) into the error.
 */
export function toNodeApiError(
	ctx: RequestContext,
	provider: Provider,
	spec: RequestSpec,
	failure: Failure,
	attempts: number,
): NodeApiError {
	const subject = subjectOf(ctx, provider, spec, attempts);
	if (failure.credentialFailure) return credentialError(subject, failure);
	if (failure.status === undefined) return networkError(subject, failure);
	return statusError(subject, failure, failure.status);
}

function credentialError(s: Subject, failure: Failure): NodeApiError {
	const parsed = s.provider.parseError(failure.body);
	const reason =
		failure.credentialReason ??
		parsed.code ??
		parsed.message ??
		'the token endpoint refused the client';
	const said =
		!failure.credentialReason && parsed.message && parsed.message !== reason
			? `: ${parsed.message}`
			: '.';
	const answered = failure.status ? ` HTTP ${failure.status}` : '';
	return new NodeApiError(
		s.ctx.getNode(),
		{ message: `Could not get an access token from ${s.provider.name}: ${reason}` } as JsonObject,
		{
			message: `${s.provider.name} refused the credential: could not get an access token (${reason})`,
			description: `Check the client ID, the client secret and the base URL or environment in ${s.credentialText}. The token endpoint answered${answered}${said}`,
			httpCode: String(failure.status ?? 401),
			itemIndex: s.spec.itemIndex,
		},
	);
}

function networkError(s: Subject, failure: Failure): NodeApiError {
	const name = s.provider.name;
	const timedOut =
		failure.code === 'ECONNABORTED' ||
		failure.code === 'ETIMEDOUT' ||
		/timeout/i.test(failure.message);
	const seconds = (s.provider.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000;
	const malformed = failure.code === 'MALFORMED_JSON';
	const what = malformed
		? failure.message
		: timedOut
			? `no answer within ${seconds} s`
			: failure.code === 'ECONNRESET'
				? 'the connection was reset before the answer was complete'
				: (failure.code ?? failure.message);
	const headline = malformed ? `Unreadable answer from ${name}` : `Could not reach ${name}`;
	const notRetried =
		s.spec.idempotent === false
			? ` This write was not retried, because ${name} offers no way to make it safe to repeat: check in ${name} whether it took effect before running it again.`
			: '';
	// The transport code goes under another key: n8n would replace the message with a generic one for it.
	return new NodeApiError(
		s.ctx.getNode(),
		{ message: failure.message, transportCode: failure.code ?? null } as JsonObject,
		{
			message: `${headline}${s.itemText}${s.retried}: ${what}`,
			description: `${s.where} failed before an answer arrived (${failure.message}). Check the base URL in ${s.credentialText} and the network.${notRetried}`,
			itemIndex: s.spec.itemIndex,
		},
	);
}

function statusError(s: Subject, failure: Failure, status: number): NodeApiError {
	const name = s.provider.name;
	const requestId = requestIdOf(s.provider, failure.headers);
	const parsed = failure.body !== undefined ? s.provider.parseError(failure.body) : {};
	const idText = requestId ? ` [request ID ${requestId}]` : '';
	const providerMessage =
		parsed.message ??
		(typeof failure.body === 'string' && failure.body.length < 300 ? failure.body : undefined);
	const codeText = parsed.code && parsed.code !== providerMessage ? ` (${parsed.code})` : '';
	const envelope = status >= 200 && status < 300;
	const headline = envelope
		? `${name} reported an error${s.itemText}: ${providerMessage ?? 'no message'}${codeText}${idText}`
		: providerMessage
			? `${name} answered HTTP ${status}${s.itemText}: ${providerMessage}${codeText}${idText}`
			: `${name} answered HTTP ${status}${s.itemText}${s.retried}${idText}`;

	const hints: string[] = [];
	if (envelope)
		hints.push(`The HTTP status was ${status}, but ${name}'s answer says the operation failed.`);
	const hint = s.provider.hints?.[status] ?? defaultHint(status, name, s.credentialText);
	if (hint) hints.push(hint);
	if (status >= 500 && s.spec.idempotent === false) {
		hints.push(
			`This write was not retried, because repeating it could apply it twice: check in ${name} whether it took effect before running it again.`,
		);
	} else if (s.retried) {
		hints.push(`Gave up${s.retried}.`);
	}
	hints.push(`Request: ${s.where}.`);
	if (requestId) hints.push(`${name} request ID: ${requestId} (quote it to their support).`);

	return new NodeApiError(
		s.ctx.getNode(),
		{
			message: providerMessage ?? `HTTP ${status}`,
			httpCode: String(status),
			...(requestId ? { requestId } : {}),
			...(parsed.code ? { providerCode: parsed.code } : {}),
		} as JsonObject,
		{
			message: headline,
			description: hints.join(' '),
			httpCode: String(status),
			itemIndex: s.spec.itemIndex,
		},
	);
}

/** What to do about a status, when the provider has no hint of its own. */
export function defaultHint(
	status: number,
	providerName: string,
	credentialText: string,
): string | undefined {
	switch (status) {
		case 400:
		case 422:
			return `${providerName} rejected the input: correct the field it names.`;
		case 401:
			return `${providerName} rejected the access token even after n8n fetched a new one: check ${credentialText} (client id, secret, environment).`;
		case 403:
			return `${providerName} refused access: the credential lacks a permission, or your IP address is not allow-listed.`;
		case 404:
			return `Nothing was found at this ID: check the ID, and that it belongs to this account.`;
		case 409:
			return `It already exists in ${providerName}.`;
		case 429:
			return `${providerName} kept answering "too many requests": lower the batch size or run the workflow later.`;
		default:
			return status >= 500 ? `${providerName} had a server error: try again later.` : undefined;
	}
}
