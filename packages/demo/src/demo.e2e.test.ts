import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startTestDemo, type TestDemo } from './test/harness.js';

/**
 * The demo host end to end: the real host server, the real reference server on real PGlite, the
 * built pages in headless Chromium. What a newcomer sees after `pnpm start`.
 */
describe('demo host app in Chromium', () => {
  let demo: TestDemo;
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    [demo, browser] = await Promise.all([startTestDemo(), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
  });

  async function open(path: string, user?: 'admin' | 'member' | 'reviewer'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    if (user) {
      const answer = await context.request.post(`${demo.url}/host/user`, { data: { user } });
      expect(answer.status()).toBe(200);
    }
    await page.goto(`${demo.url}${path}`);
    return page;
  }

  /** A write through the real API, as an agent runtime or a person would make it. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test-only convenience
  async function api(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const token = demo.server.tokens.demo?.member as string;
    const response = await fetch(`${demo.server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: await response.json() };
  }

  it('opens the initiative page with live rows, a live update, and a row opened inline with its transcript', async () => {
    const page = await open('/initiatives/init_checkout');
    expect(await page.locator('h1').textContent()).toBe('Checkout v2');
    expect(await page.locator('#tab-sessions').getAttribute('aria-selected')).toBe('true');

    const rows = page.locator('session-tab session-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(3);
    // The admin's embed token carries spend: cost captions show.
    await page.locator('session-tab session-row [part="cost"]').first().waitFor();

    // A live update: a session started through the API for this initiative appears on its own.
    const title = `Live from the e2e test ${Date.now()}`;
    const started = await api('POST', '/v1/sessions', {
      kind: 'task',
      title,
      links: { initiative: { id: 'init_checkout', title: 'Checkout v2' } },
    });
    expect(started.status).toBe(201);
    const row = page.locator('session-tab session-row', { hasText: title });
    await row.waitFor({ timeout: 15_000 });

    // Its transcript grows, then the row opens inline and the transcript reads.
    const line = 'Rebased the payments client on the v2 API; 14 tests pass.';
    const activity = await api('POST', `/v1/sessions/${started.body.id}/activity`, {
      transcript: [{ type: 'message', role: 'assistant', text: line }],
    });
    expect(activity.status).toBe(200);
    await row.click();
    const detail = page.locator('session-tab session-detail');
    await detail.waitFor();
    await detail.getByText(line).waitFor({ timeout: 15_000 });
    expect(await detail.getByText(title).count()).toBeGreaterThan(0);

    // A record the host does not have gets no token; a token the browser holds cannot mint.
    const probes = await page.evaluate(async () => {
      const unknown = await fetch('/host/embed-token?record=initiative:init_nope');
      const malformed = await fetch('/host/embed-token?record=anything');
      const session = (await (await fetch('/host/session')).json()) as { token: string };
      const mint = await fetch('/v1/embed-tokens', {
        method: 'POST',
        headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ scope: 'initiative:init_checkout' }),
      });
      return { unknown: unknown.status, malformed: malformed.status, mint: mint.status };
    });
    expect(probes).toEqual({ unknown: 404, malformed: 400, mint: 403 });
    await page.context().close();
  });

  it('shows no cost to the member without spend, after switching user in the header', async () => {
    const page = await open('/initiatives/init_checkout');
    await page.locator('session-tab session-row').first().waitFor();
    await Promise.all([page.waitForEvent('load'), page.selectOption('#user-switcher', 'member')]);
    await page.locator('.user-name', { hasText: 'Ben Okafor' }).waitFor();
    const rows = page.locator('session-tab session-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(3);
    expect(await page.locator('session-tab session-row [part="cost"]').count()).toBe(0);

    // The embed token minted for this user holds no spend scope, so the server never sends cost.
    const me = await page.evaluate(async () => {
      const { token } = (await (await fetch('/host/embed-token?record=initiative:init_checkout')).json()) as {
        token: string;
      };
      return (await (await fetch('/v1/me', { headers: { authorization: `Bearer ${token}` } })).json()) as {
        scopes: string[];
        member: { id: string };
      };
    });
    expect(me.member.id).toBe('m_ben');
    expect(me.scopes).not.toContain('spend:read');

    // The workspace-wide Sessions page reads with the user's own token: no cost there either.
    await page.goto(`${demo.url}/sessions`);
    await page.locator('session-list.workspace-sessions session-row').first().waitFor();
    expect(await page.locator('session-list session-row [part="cost"]').count()).toBe(0);
    await page.context().close();
  });

  it('opens the Command Center drawer from any page as a modal dialog, live, and closes it with Escape', async () => {
    const page = await open('/assessments');
    await page.locator('session-list.assessments session-row').first().waitFor();
    const drawer = page.locator('#command-center-drawer');
    expect(await drawer.isVisible()).toBe(false);
    // The button shows how many sessions need the user (E7), before the drawer was ever opened.
    await expect
      .poll(async () => Number((await page.locator('#command-center-count').textContent()) || 0), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
    await page.click('#command-center-toggle');
    await drawer.waitFor({ state: 'visible' });
    const started = await api('POST', '/v1/sessions', { kind: 'chat', title: `Drawer check ${Date.now()}` });
    expect(started.status).toBe(201);
    await drawer
      .locator('command-center session-row', { hasText: started.body.title })
      .waitFor({ timeout: 15_000 });

    // Focus moved in, and Tab stays inside: the page under the dialog is inert.
    const focusInDrawer = () =>
      page.evaluate(() => {
        const dialog = document.getElementById('command-center-drawer')!;
        let active = document.activeElement;
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
        // Inside the dialog, through any shadow roots on the way.
        for (
          let node: Node | null = active;
          node;
          node = node.parentNode ?? (node as ShadowRoot).host ?? null
        ) {
          if (node === dialog) return true;
        }
        return false;
      });
    expect(await focusInDrawer()).toBe(true);
    for (let press = 0; press < 8; press++) {
      await page.keyboard.press('Tab');
      expect(await focusInDrawer(), `Tab ${press + 1}`).toBe(true);
    }
    // Nothing under it takes focus, even from script.
    const focusedUnder = await page.evaluate(() => {
      const toggle = document.getElementById('command-center-toggle')!;
      toggle.focus();
      return document.activeElement === toggle;
    });
    expect(focusedUnder).toBe(false);

    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('command-center-toggle');
    // The dialog's close event, which resets the button, is dispatched in a task after it hides.
    await page.waitForFunction(
      () => document.getElementById('command-center-toggle')?.getAttribute('aria-expanded') === 'false',
      undefined,
      { timeout: 2_000 },
    );
    await page.context().close();
  });

  it('on a phone (375 px, touch): a swipe scrolls the Sessions list, rows keep title, status and time', async () => {
    const context = await browser.newContext({
      viewport: { width: 375, height: 740 },
      hasTouch: true,
      isMobile: true,
      deviceScaleFactor: 2,
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${demo.url}/sessions`);
    const list = page.locator('session-list.workspace-sessions');
    await list.locator('session-row').nth(5).waitFor();
    const scroller = async () =>
      list.evaluate((el) => {
        const box = el.shadowRoot!.querySelector('.scroller')!;
        box.scrollIntoView({ block: 'nearest' });
        const rect = box.getBoundingClientRect();
        const bottom = Math.min(rect.bottom, innerHeight) - 20;
        return { top: box.scrollTop, x: rect.left + rect.width / 2, y: bottom, pageY: scrollY };
      });
    const before = await scroller();
    expect(before.top).toBe(0);
    // A real touch swipe upwards, through Chromium's input pipeline (touch events, not a wheel).
    const cdp = await context.newCDPSession(page);
    const at = (y: number) => [{ x: Math.round(before.x), y: Math.round(y) }];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(before.y) });
    for (let step = 1; step <= 30; step++) {
      await cdp.send('Input.dispatchTouchEvent', {
        type: 'touchMove',
        touchPoints: at(before.y - step * 10),
      });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await expect.poll(async () => (await scroller()).top, { timeout: 10_000 }).toBeGreaterThan(100);
    // The rows at 375 px: title, status and time inside the row.
    const cells = await list
      .locator('session-row')
      .first()
      .evaluate((row) => {
        const box = row.getBoundingClientRect();
        return ['open', 'pill', 'time'].map((name) => {
          const rect = row.shadowRoot!.querySelector(`[part~=${name}]`)!.getBoundingClientRect();
          return rect.width > 10 && rect.right <= box.right + 0.5 && rect.left >= box.left - 0.5;
        });
      });
    expect(cells).toEqual([true, true, true]);
    await context.close();
  });

  it('maps each user of the switcher to real tokens with the matching scopes', async () => {
    const expected = {
      admin: { member: 'm_ana', has: ['sessions:admin', 'spend:read'], lacks: ['embed:mint'] },
      member: {
        member: 'm_ben',
        has: ['sessions:write'],
        lacks: ['spend:read', 'sessions:admin', 'embed:mint'],
      },
      reviewer: {
        member: 'm_dev',
        has: ['sessions:review'],
        lacks: ['spend:read', 'sessions:write', 'sessions:admin', 'embed:mint'],
      },
    } as const;
    for (const [user, want] of Object.entries(expected)) {
      const switched = await fetch(`${demo.url}/host/user`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user }),
      });
      expect(switched.status).toBe(200);
      const cookie = (switched.headers.get('set-cookie') ?? '').split(';')[0] as string;
      const session = (await (await fetch(`${demo.url}/host/session`, { headers: { cookie } })).json()) as {
        user: { id: string };
        token: string;
      };
      expect(session.user.id).toBe(user);
      const me = (await (
        await fetch(`${demo.url}/v1/me`, { headers: { authorization: `Bearer ${session.token}` } })
      ).json()) as { member: { id: string }; scopes: string[] };
      expect(me.member.id).toBe(want.member);
      for (const scope of want.has) expect(me.scopes).toContain(scope);
      for (const scope of want.lacks) expect(me.scopes).not.toContain(scope);
      const minted = await fetch(`${demo.url}/host/embed-token?record=plan:plan_checkout_api`, {
        headers: { cookie },
      });
      expect(minted.status).toBe(200);
    }
    const bad = await fetch(`${demo.url}/host/user`, { method: 'POST', body: '{"user":"root"}' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { detail: string }).detail).toContain('"reviewer"');
  });

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});
