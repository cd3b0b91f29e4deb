/**
 * Custom-elements manifest settings. The JSDoc `@fires` tags are the source of truth for events;
 * the analyzer also guesses events from `dispatchEvent(new SomeEvent(arg))` calls and names them
 * after the argument, so those guesses (names that are not kebab-case event names) are dropped.
 * The analyzer also reads every entry of `static properties` as an attribute, the internal
 * `{ state: true }` ones too: attributes of private fields are dropped (Lit gives a state none).
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
            if ('attributes' in declaration && 'members' in declaration) {
              const internal = new Set(
                (declaration.members ?? [])
                  .filter((member) => member.privacy === 'private' || member.privacy === 'protected')
                  .map((member) => member.name),
              );
              for (const member of declaration.members ?? []) {
                if (internal.has(member.name) && 'attribute' in member) delete member.attribute;
              }
              declaration.attributes = declaration.attributes?.filter(
                (attribute) => !internal.has(attribute.fieldName ?? ''),
              );
              if (declaration.attributes?.length === 0) delete declaration.attributes;
            }
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
