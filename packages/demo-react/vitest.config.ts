// The same end-to-end setup as the plain-HTML demo's.
export { default } from '../demo/vitest.config.ts';
