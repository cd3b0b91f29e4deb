/**
 * `@session-lens/sdk`: the typed contract of the Sessions API, pure helpers for any UI, and
 * (soon) the client.
 *
 * @packageDocumentation
 */
export * from './contract/index.js';
export * from './helpers/index.js';
