/**
 * The Sessions API contract: zod schemas that are the single definition of every wire type
 * (S10). Each schema and its inferred type share a name.
 */
export * from './status.js';
export * from './money.js';
export * from './cost.js';
export * from './session.js';
export * from './transcript.js';
export * from './assessment.js';
export * from './member.js';
export * from './problem.js';
export * from './time-range.js';
export * from './time-range-validation.js';
export * from './content-search.js';
export * from './requests.js';
export * from './views.js';
export * from './responses.js';
export * from './bulk-result.js';
export * from './export-columns.js';
export * from './events.js';
export * from './endpoints.js';
export * from './routes.js';
