import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, render, type TemplateResult } from 'lit';

/**
 * Stories against a running reference server (`pnpm start`). Storybook's dev server proxies
 * `/v1` to `SESSION_LENS_URL` (default http://127.0.0.1:4400), so the browser reaches the API
 * on its own origin; the token comes from the `token` control, else from `SESSION_LENS_TOKEN`
 * in the dev server's environment. Story tests skip these (`!test`): they need a live server.
 */
type Args = { token: string; scope: string };

type LiveInfo = { target: string; token: string };

/** What the dev server says about the proxy; nothing in a static build. */
async function liveInfo(): Promise<LiveInfo | undefined> {
  try {
    const response = await fetch('/__lens/live.json', { cache: 'no-store' });
    return response.ok ? ((await response.json()) as LiveInfo) : undefined;
  } catch {
    return undefined;
  }
}

function notice(title: string, body: TemplateResult): TemplateResult {
  return html`<div role="status" style="max-width:42rem;line-height:1.5">
    <h2 style="margin-top:0">${title}</h2>
    ${body}
  </div>`;
}

/**
 * Renders `content(token)` once a server answers `/v1/me` with the token, or a notice that says
 * what is missing: a server, or a token it accepts.
 */
function live(args: Args, content: (token: string) => TemplateResult): HTMLElement {
  const container = document.createElement('div');
  render(notice('Connecting…', html`<p>Asking <code>/v1/me</code>…</p>`), container);
  void (async () => {
    const info = await liveInfo();
    const target = info?.target ?? 'the address in SESSION_LENS_URL';
    const token = args.token || info?.token || '';
    let status = 0;
    let json = false;
    try {
      const response = await fetch('/v1/me', {
        headers: token ? { authorization: `Bearer ${token}` } : {},
        cache: 'no-store',
      });
      status = response.status;
      json = (response.headers.get('content-type') ?? '').includes('json');
    } catch {
      status = 0;
    }
    const start = html`<p>
      Start one with <code>pnpm start</code> (it prints its URL and tokens), then run Storybook with
      <code>SESSION_LENS_URL=&lt;url&gt; SESSION_LENS_TOKEN=&lt;token&gt; pnpm storybook</code>, or paste a
      token into the <code>token</code> control.
    </p>`;
    if (!json || status === 0 || status >= 500) {
      render(
        notice(
          'No Session Lens server answers',
          html`<p>
              Nothing answered <code>/v1/me</code>${info ? html` (proxied to <code>${target}</code>)` : ''}
              ${info ? '' : html`; a static build has no proxy: use <code>pnpm storybook</code>`}.
            </p>
            ${start}`,
        ),
        container,
      );
      return;
    }
    if (status === 401 || status === 403) {
      render(
        notice(
          token ? 'The server refused the token' : 'No token',
          html`<p>
              The server at <code>${target}</code> answers, but
              ${token ? 'not for this token' : 'needs a token'}.
            </p>
            ${start}`,
        ),
        container,
      );
      return;
    }
    render(content(token), container);
  })();
  return container;
}

const meta = {
  title: 'Live/Reference server',
  tags: ['!test', '!autodocs'],
  args: { token: '', scope: 'initiative:init_checkout' },
  argTypes: {
    token: { control: 'text', description: 'A bearer token; SESSION_LENS_TOKEN when empty.' },
    scope: { control: 'text', description: 'The record of the Sessions tab story.' },
  },
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

const provider = (token: string, content: TemplateResult) =>
  html`<session-lens-provider base-url=${location.origin} token=${token}>${content}</session-lens-provider>`;

/** The live index of the whole workspace, with search and the status filter. */
export const SessionList: Story = {
  render: (args) =>
    live(args, (token) => provider(token, html`<session-list search status-filter></session-list>`)),
};

/** Active Now and Recent, live. */
export const CommandCenter: Story = {
  render: (args) => live(args, (token) => provider(token, html`<command-center></command-center>`)),
};

/** One record's Sessions tab, with inline detail (the demo seed's checkout initiative by default). */
export const SessionTab: Story = {
  render: (args) =>
    live(args, (token) => provider(token, html`<session-tab scope=${args.scope}></session-tab>`)),
};
