/**
 * Credential redaction (PRODUCT.md X4): secrets in transcript entries are replaced by
 * `[REDACTED:<kind>]` before the entries are stored. See README.md for the rule set and its
 * coverage.
 *
 * @packageDocumentation
 */
export { redactText, marker } from './redact-text.js';
export { redactEntry, redactJson } from './redact-entry.js';
