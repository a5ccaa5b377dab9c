/** Names the build and the loader share for a deal's archives (see src/node/publish/gated-deal.ts). */

/** The encrypted archive of a gated deal's downloadable files (calendars), under the deal's folder. */
export const FILES_ARCHIVE = 'files.enc';
/** The encrypted archive of a gated deal's search index, under the deal's folder. */
export const SEARCH_ARCHIVE = 'search.enc';
/** A public deal's files archive, packed but not encrypted. */
export const PUBLIC_FILES_ARCHIVE = 'files.bin';
/** A public deal's search archive, packed but not encrypted. */
export const PUBLIC_SEARCH_ARCHIVE = 'search.bin';
/** Id of the script element that marks a public deal page and holds its deal id. */
export const PUBLIC_DEAL_ID = 'mapsite-public-deal';
