import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Problem } from '@session-lens/sdk';
import { signEmbedPayload, verifyEmbedToken } from './auth/embed-token.js';
import { ADMIN, SseClient, startTestServer, type TestServer } from './test/harness.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The token with the lowest bit of its last character flipped (an unused bit of the digest). */
function flipLastBit(token: string): string {
  const last = token.at(-1)!;
  return `${token.slice(0, -1)}${ALPHABET[ALPHABET.indexOf(last) ^ 1]}`;
}

/** Spellings of a minted token that decode to the same bytes or carry extra text. */
function malleations(token: string): Record<string, string> {
  const [body, signature] = token.slice('sle.'.length).split('.') as [string, string];
  return {
    'a trailing =': `${token}=`,
    'a trailing !!': `${token}!!`,
    'an extra segment': `${token}.extra`,
    'an empty extra segment': `${token}.`,
    'the last bit of the signature flipped': flipLastBit(token),
    'a stray character inside the payload': `sle.${body.slice(0, 5)}!${body.slice(5)}.${signature}`,
    'padding on the payload': `sle.${body}==.${signature}`,
  };
}

describe('embed token verification (unit)', () => {
  const secret = Buffer.alloc(32, 7);
  const payload = {
    sub: 'm_ana',
    scope: 'initiative:init_checkout',
    scopes: ['sessions:read' as const],
    exp: 2e9,
  };

  it('verifies the minted form and nothing else', () => {
    const token = signEmbedPayload(secret, payload);
    expect(verifyEmbedToken(secret, token, Date.now())).toEqual(payload);
    for (const [what, forged] of Object.entries(malleations(token))) {
      expect(verifyEmbedToken(secret, forged, Date.now()), what).toBeUndefined();
    }
  });

  it('refuses a payload of the wrong shape even when signed', () => {
    const bad = signEmbedPayload(secret, { ...payload, scope: 'team:x' } as never);
    expect(verifyEmbedToken(secret, bad, Date.now())).toBeUndefined();
    const expired = signEmbedPayload(secret, { ...payload, exp: 1 });
    expect(verifyEmbedToken(secret, expired, Date.now())).toBeUndefined();
  });
});

describe('embed tokens against the real server', () => {
  let server: TestServer;
  const clients: SseClient[] = [];
  const HOST = 'https://app.example.com';

  beforeAll(async () => {
    server = await startTestServer({ seedSessions: 30 });
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await server?.stop();
  });

  async function mint(body: Record<string, unknown> = {}): Promise<string> {
    const res = await server.api('POST', '/v1/embed-tokens', ADMIN, {
      scope: 'initiative:init_checkout',
      ...body,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.token as string;
  }

  it('401 for every malleated spelling of a minted token', async () => {
    const token = await mint();
    expect((await server.api('GET', '/v1/me', token)).status).toBe(200);
    for (const [what, forged] of Object.entries(malleations(token))) {
      const res = await server.api('GET', '/v1/me', forged);
      expect(res.status, what).toBe(401);
    }
  });

  it('an origin-bound token works from its origins and without Origin, and is 403 from another', async () => {
    const token = await mint({ origins: [HOST, 'http://127.0.0.1:5173'] });
    const me = await server.api('GET', '/v1/me', token, undefined, { origin: HOST });
    expect(me.status).toBe(200);
    expect(me.body.embed.origins).toEqual([HOST, 'http://127.0.0.1:5173']);
    expect(
      (await server.api('GET', '/v1/sessions', token, undefined, { origin: 'http://127.0.0.1:5173' })).status,
    ).toBe(200);
    expect((await server.api('GET', '/v1/sessions', token)).status).toBe(200);

    const foreign = await server.api('GET', '/v1/sessions', token, undefined, {
      origin: 'https://evil.example',
    });
    expect(foreign.status).toBe(403);
    expect(Problem.parse(foreign.body).detail).toContain('https://evil.example');
    // The port is part of the origin.
    expect(
      (await server.api('GET', '/v1/me', token, undefined, { origin: 'http://127.0.0.1:5174' })).status,
    ).toBe(403);

    // The stream too, with access_token as a native EventSource sends it.
    const url = `${server.url}/v1/stream?access_token=${encodeURIComponent(token)}`;
    const refused = new SseClient(url, { origin: 'https://evil.example' });
    const allowed = new SseClient(url, { origin: HOST });
    clients.push(refused, allowed);
    await refused.until(() => refused.status !== 0, 10_000, 'an answer');
    expect(refused.status).toBe(403);
    await allowed.until(() => allowed.retry !== undefined, 10_000, 'connect');
    expect(allowed.status).toBe(200);
  });

  it('a token minted without origins is not bound', async () => {
    const token = await mint();
    const me = await server.api('GET', '/v1/me', token, undefined, { origin: 'https://anywhere.example' });
    expect(me.status).toBe(200);
    expect(me.body.embed.origins).toBeUndefined();
  });

  it('refuses origins that are not exact origins with 400 and the path', async () => {
    for (const origin of [
      'https://app.example.com/',
      'https://app.example.com/page',
      '*',
      'app.example.com',
      'HTTPS://APP.EXAMPLE.COM',
    ]) {
      const res = await server.api('POST', '/v1/embed-tokens', ADMIN, {
        scope: 'initiative:init_checkout',
        origins: [origin],
      });
      expect(res.status, origin).toBe(400);
      expect(Problem.parse(res.body).errors?.[0]?.path).toBe('body.origins.0');
    }
    const empty = await server.api('POST', '/v1/embed-tokens', ADMIN, {
      scope: 'initiative:init_checkout',
      origins: [],
    });
    expect(empty.status).toBe(400);
  });
});
