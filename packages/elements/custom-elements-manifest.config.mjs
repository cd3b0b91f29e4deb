/**
 * Custom-elements manifest settings. The JSDoc `@fires` tags are the source of truth for events;
 * the analyzer also guesses events from `dispatchEvent(new SomeEvent(arg))` calls and names them
 * after the argument, so those guesses (names that are not kebab-case event names) are dropped.
 */
const EVENT_NAME = /^[a-z]+(-[a-z]+)+$/;

/** @type {import('@custom-elements-manifest/analyzer').Config} */
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/test/**'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      name: 'session-lens-documented-events-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules ?? []) {
          for (const declaration of module.declarations ?? []) {
            if (!declaration.events) continue;
            declaration.events = declaration.events.filter(
              (event) => EVENT_NAME.test(event.name ?? '') && event.description,
            );
          }
        }
      },
    },
  ],
};
