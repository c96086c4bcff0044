// Reference texts several Frederick routes share in SOURCES.
export const SYNC_PAGE =
	'https://developers.hirefrederick.com/api-docs/syncing-data (path only; method, body, limits and answer assumed)';
export const V2 =
	"assumed: Frederick's own client (github.com/HireFrederick/frederick_api_gem), V2 not yet public";
