import { UserError } from 'n8n-workflow';

/**
 * The error a credential's preAuthentication throws when the provider refuses to issue a token. n8n wraps it
 * in a NodeApiError; the shared transport finds the marker on the cause and reports it as a credential
 * problem (what the provider said, and which fields to check), never as a network failure.
 */
export class CredentialRefusedError extends UserError {
	readonly credentialRefused = true;

	constructor(
		readonly providerName: string,
		readonly reason: string,
		readonly httpStatus?: number,
	) {
		super(`${providerName} refused the credential: ${reason}`);
	}
}

export function isCredentialRefused(error: unknown): error is CredentialRefusedError {
	return Boolean(
		error &&
			typeof error === 'object' &&
			(error as { credentialRefused?: boolean }).credentialRefused === true,
	);
}
