import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import type { RetryPolicy } from './retry';

/** Any n8n context that can send an authenticated request. */
export type RequestContext =
	| IExecuteFunctions
	| IHookFunctions
	| ILoadOptionsFunctions
	| IWebhookFunctions
	| IPollFunctions;

/** What a provider's error body (or success envelope) says went wrong. */
export interface ProviderError {
	message?: string;
	code?: string;
}

/** A request rate: `requests` in any `perMs` milliseconds. */
export interface Rate {
	requests: number;
	perMs: number;
}

/**
 * Everything the request core needs to know about one provider. Each provider's transport builds one;
 * nothing provider-specific lives in the shared core.
 */
export interface Provider {
	/** Shown to the user in every message, e.g. "Cardlytics". */
	name: string;
	/** Name of the credential type the node authenticates with. */
	credentialType: string;
	/** Response headers that carry the provider's request id, lower case. */
	requestIdHeaders?: string[];
	/** Reads the provider's error body; returns what it could find. */
	parseError(body: unknown): ProviderError;
	/** Providers that answer HTTP 200 with an error envelope: return the error, or undefined if all is well. */
	envelopeError?(body: unknown): ProviderError | undefined;
	/** What the user should do, by HTTP status. */
	hints?: Partial<Record<number, string>>;
	/** Retry policy override (the fault tests shorten the waits). */
	retry?: Partial<RetryPolicy>;
	/** Milliseconds before a request is abandoned (and, if safe, retried); 60 s unless set. */
	timeoutMs?: number;
	/** Its credential type extends oAuth2Api (n8n then reads the credential itself on every request). */
	oauth2?: boolean;
	/** The provider's documented request rate, kept client-side so a run does not provoke 429s. */
	rateLimit?: Rate;
}

export interface RequestSpec {
	method: IHttpRequestMethods;
	/** Absolute URL. */
	url: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[] | string;
	headers?: Record<string, string>;
	/** Return the body as a Buffer (file downloads). */
	binary?: boolean;
	/**
	 * Whether sending the request twice has the same effect as once. Defaults to true for GET, HEAD, PUT and
	 * DELETE. Only idempotent requests are retried after a 5xx or a broken connection; a 429 is always retried
	 * because the provider refused it before doing anything.
	 */
	idempotent?: boolean;
	/** The input item this request serves, named in errors. */
	itemIndex?: number;
	/** Send without credentials (pre-signed URLs). */
	unauthenticated?: boolean;
	/** Credential type to send with, when the node lets the user choose one (else the provider's). */
	credentialType?: string;
	/** Rate to keep for this credential, when the user can set it (else the provider's documented one). */
	rateLimit?: Rate;
	/** The credential type extends oAuth2Api: n8n reads it itself on every request. */
	oauth2?: boolean;
	/**
	 * Answer a 3xx as it is instead of following it: n8n would follow it to any host with the credential's
	 * headers, so a provider that redirects to results follows the Location itself, on its own origin only.
	 */
	manualRedirects?: boolean;
	/**
	 * Whether a 401 makes n8n fetch a new token and send once more (credentials with preAuthentication;
	 * default true). Off for an endpoint whose 401 is a business answer (wrong member password).
	 */
	refreshOn401?: boolean;
}

/** The one return shape of every provider transport. */
export interface ApiResponse<T = unknown> {
	statusCode: number;
	headers: Record<string, string>;
	body: T;
	requestId?: string;
	/** Attempts it took, 1 when the first one succeeded. */
	attempts: number;
}
