// The API of n8n's scanner (@n8n/scan-community-package ships no types), as far as scan.mts uses it.
declare module '@n8n/scan-community-package/scanner/scanner.mjs' {
	import type { Linter } from 'eslint';

	/** The source files n8n's verification lints: package.json and the nodes' and credentials' sources. */
	export const SOURCE_FILE_PATTERNS: string[];
	/** The flat ESLint config n8n's verification lints a package with. */
	export function buildScanConfig(): Promise<Linter.Config[]>;
}
