/**
 * `@session-lens/server/demo`: the demo workspace — a seed that builds members, initiatives,
 * agents and thousands of sessions, a simulator that makes live activity through the API, and a
 * plain live page for `/`. `startServer({ seed: 'demo', simulate: true })` uses them; import them
 * from here to drive a demo of your own.
 *
 * @packageDocumentation
 */
export { seedDemo, type SeedDemoOptions } from './seed/demo.js';
export { demoToken, ensureDemoTokens, type DemoTokens } from './seed/demo-tokens.js';
export { DEMO_PERSONAS } from './seed/workspace-data.js';
export { Simulator, type SimulatorOptions } from './simulator/simulator.js';
export { indexPage, type IndexPageOptions } from './page/index-page.js';
