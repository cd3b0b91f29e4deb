/** The SDK's error hierarchy and its cross-realm type guards. */
export { SessionLensError, isSessionLensError, type ErrorKind } from './session-lens-error.js';
export * from './api-error.js';
export * from './connection-error.js';
export * from './response-validation-error.js';
export * from './stream-parse-error.js';
export * from './stream-response-error.js';
