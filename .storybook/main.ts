import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StorybookConfig } from '@storybook/web-components-vite';
import type { Plugin } from 'vite';

/**
 * Where the Live stories' `/v1` requests go: the reference server `pnpm start` runs (it listens
 * on 127.0.0.1:4400 unless told otherwise). The server sends no CORS headers, so the browser
 * reaches it same-origin, through the dev server's proxy.
 */
const lensUrl = process.env.SESSION_LENS_URL || 'http://127.0.0.1:4400';

/**
 * `GET /__lens/live.json` on the dev server: where `/v1` is proxied and the token from
 * `SESSION_LENS_TOKEN`. Served by the dev server only, so no token is ever written into
 * `storybook-static/`.
 */
const liveInfo: Plugin = {
  name: 'session-lens-live-info',
  configureServer(server) {
    server.middlewares.use('/__lens/live.json', (_request: IncomingMessage, response: ServerResponse) => {
      response.setHeader('content-type', 'application/json');
      response.setHeader('cache-control', 'no-store');
      response.end(JSON.stringify({ target: lensUrl, token: process.env.SESSION_LENS_TOKEN ?? '' }));
    });
  },
};

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import('vite');
    return mergeConfig(viteConfig, {
      plugins: [liveInfo],
      server: {
        proxy: {
          // Streams included: the proxy pipes the response as it arrives.
          '/v1': { target: lensUrl, changeOrigin: true },
        },
      },
    });
  },
};

export default config;
