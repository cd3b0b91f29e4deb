import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { chromiumLaunchOptions, chromiumPath } from '../../../scripts/chromium.mjs';
import { startTestServer, type TestServer } from './test/harness.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ seedSessions: 60 });
  browser = await chromium.launch(chromiumLaunchOptions());
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe.skipIf(!existsSync(chromiumPath))('native EventSource in Chromium', () => {
  it('receives session events with the token in access_token, in sequence order', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/healthz`);
    const token = server.tokens.demo!.member;
    await page.evaluate((t) => {
      const w = window as unknown as {
        received: { type: string; id: string; data: string }[];
        source: EventSource;
      };
      w.received = [];
      w.source = new EventSource(`/v1/stream?kind=flow&access_token=${encodeURIComponent(t)}`);
      for (const type of ['session', 'session.removed', 'reset']) {
        w.source.addEventListener(type, (event) => {
          const message = event as MessageEvent<string>;
          w.received.push({ type, id: message.lastEventId, data: message.data });
        });
      }
      return new Promise<void>((resolve) =>
        w.source.addEventListener('open', () => resolve(), { once: true }),
      );
    }, token);
    const started = await server.api('POST', '/v1/sessions', token, {
      kind: 'flow',
      title: 'Seen by Chromium',
    });
    await server.api('POST', `/v1/sessions/${started.body.id}/cancel`, token);
    await page.waitForFunction(
      (id) =>
        (window as unknown as { received: { data: string }[] }).received.filter((e) => e.data.includes(id))
          .length >= 2,
      started.body.id,
      { timeout: 10_000 },
    );
    const received = await page.evaluate(
      () => (window as unknown as { received: { type: string; id: string; data: string }[] }).received,
    );
    const mine = received.filter((event) => event.data.includes(started.body.id));
    expect(mine.map((event) => JSON.parse(event.data).status)).toEqual(['running', 'cancelled']);
    expect(Number(mine[1]!.id)).toBeGreaterThan(Number(mine[0]!.id));
    await page.close();
  });

  it('the placeholder page at / lists sessions and updates live', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => document.getElementById('state')?.textContent === 'live', undefined, {
      timeout: 10_000,
    });
    expect(await page.locator('#rows tr').count()).toBeGreaterThan(10);
    await server.api('POST', '/v1/sessions', server.tokens.demo!.member, {
      kind: 'chat',
      title: 'A brand new live chat',
    });
    await page.getByText('A brand new live chat').waitFor({ timeout: 10_000 });
    expect(await page.textContent('body')).toContain('placeholder');
    await page.close();
  });
});
