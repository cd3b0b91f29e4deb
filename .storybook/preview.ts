import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import customElements from '@session-lens/elements/custom-elements.json';
// Registers every element under its default tag (the built package: run `pnpm build` first).
import '@session-lens/elements/define.js';
// German is an opt-in pack (define.js speaks English): the stories with `lang: 'de'` read it.
import '@session-lens/elements/locales/de.js';

// Autodocs read attributes, properties, events, parts and CSS properties from the manifest the
// analyzer writes from each element's JSDoc.
setCustomElementsManifest(customElements);

/** The page behind the elements in each theme (the elements' own surfaces sit on top). */
const PAGE = {
  dark: { background: '#0d0f13', color: '#e7e9ee' },
  light: { background: '#ffffff', color: '#161a22' },
} as const;

const preview: Preview = {
  tags: ['autodocs'],
  globalTypes: {
    theme: {
      description: 'The elements’ theme: the `theme` attribute on the wrapper around each story.',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'dark', title: 'Dark (default)' },
          { value: 'light', title: 'Light' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'dark' },
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true },
    // Every story must pass axe-core: a violation fails its story test.
    a11y: { test: 'error' },
  },
  decorators: [
    // The wrapper carries the theme, and the story's `lang` and `dir` (parameters): the elements
    // read the closest `lang` for their words and formats.
    (story, context) => {
      const theme = context.globals['theme'] === 'light' ? 'light' : 'dark';
      const { lang = 'en', dir = 'ltr' } = context.parameters as { lang?: string; dir?: string };
      return html`<div
        class="lens-story"
        theme=${theme}
        lang=${lang}
        dir=${dir}
        style=${styleMap({ ...PAGE[theme], padding: '1rem', minHeight: '100%', boxSizing: 'border-box' })}
      >
        ${story()}
      </div>`;
    },
  ],
};

export default preview;
