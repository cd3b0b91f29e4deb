/// <reference types="mocha" />
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../define.js';
import type { SessionLensProvider } from './session-lens-provider.js';
import type { SessionRow } from '../session-row/session-row.js';
import { LensClock } from '../context/clock.js';
import { provideSessionLens } from '../context/provide.js';
import { fakeClient } from '../test/fake-client.js';
import { identities, sessions } from '../test/fixtures.js';

const actionOf = (row: SessionRow) => row.shadowRoot!.querySelector('[part~=action]');

describe('session-lens-provider', () => {
  it('provides the client, the identity from /v1/me and one clock to the elements inside', async () => {
    const client = fakeClient({ me: identities.admin, hold: true });
    const provider = await fixture<SessionLensProvider>(
      html`<session-lens-provider .client=${client}>
        <section>
          <session-row .session=${sessions.runningFlow}></session-row>
          <session-row .session=${sessions.openChat}></session-row>
        </section>
      </session-lens-provider>`,
    );
    const rows = [...provider.querySelectorAll('session-row')];
    await Promise.all(rows.map((row) => row.updateComplete));
    // Until /v1/me answers no scope is held: no gated action shows early.
    expect(provider.identity.status).to.equal('loading');
    expect(rows.map(actionOf)).to.deep.equal([null, null]);
    client.release();
    await waitUntil(() => provider.identity.status === 'ready');
    await Promise.all(rows.map((row) => row.updateComplete));
    expect(rows.map((row) => actionOf(row)?.textContent?.trim())).to.deep.equal(['Cancel', 'End']);
    expect(provider.clock.subscriberCount).to.equal(2);
    expect(getComputedStyle(provider).display).to.equal('contents');
    await expect(provider).to.be.accessible();
  });

  it('holds no scope when /v1/me fails', async () => {
    const provider = await fixture<SessionLensProvider>(
      html`<session-lens-provider .client=${fakeClient({})}>
        <session-row .session=${sessions.runningFlow}></session-row>
      </session-lens-provider>`,
    );
    await waitUntil(() => provider.identity.status === 'error');
    const row = provider.querySelector('session-row')!;
    await row.updateComplete;
    expect(actionOf(row)).to.equal(null);
  });

  it('builds a real client from base-url and token, and from getToken', async () => {
    const seen: Array<{ url: string; authorization: string | null }> = [];
    const original = window.fetch;
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      seen.push({ url: request.url, authorization: request.headers.get('authorization') });
      return new Response(JSON.stringify(identities.member), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    };
    try {
      const provider = await fixture<SessionLensProvider>(
        html`<session-lens-provider
          base-url="https://lens.example.com"
          token="tok_1"
        ></session-lens-provider>`,
      );
      await waitUntil(() => provider.identity.status === 'ready');
      expect(seen[0]).to.deep.equal({ url: 'https://lens.example.com/v1/me', authorization: 'Bearer tok_1' });
      expect(provider.identity.me!.member.name).to.equal('Tom Asare');
      expect([...provider.identity.scopes]).to.deep.equal(['sessions:read', 'flows:read']);
      provider.getToken = () => 'tok_fresh';
      await waitUntil(() => seen.length === 2);
      expect(seen[1]!.authorization).to.equal('Bearer tok_fresh');
    } finally {
      window.fetch = original;
    }
  });

  it('provides nothing until it has a base URL and a token', async () => {
    const provider = await fixture<SessionLensProvider>(
      html`<session-lens-provider></session-lens-provider>`,
    );
    expect(provider.currentClient).to.equal(undefined);
    expect(provider.identity.status).to.equal('loading');
  });
});

describe('provideSessionLens', () => {
  it('provides to a plain element, reloads identity with a new client, and disposes', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    try {
      const clock = new LensClock({ autoTick: false });
      const provision = provideSessionLens(host, fakeClient({ me: identities.member }), { clock });
      const row = document.createElement('session-row');
      row.session = sessions.runningFlow;
      host.append(row);
      await waitUntil(() => provision.identity.status === 'ready');
      await row.updateComplete;
      expect(actionOf(row)).to.equal(null);
      expect(clock.subscriberCount).to.equal(1);

      provision.setClient(fakeClient({ me: identities.admin }));
      await waitUntil(() => provision.identity.me?.member.id === identities.admin.member.id);
      await row.updateComplete;
      expect(actionOf(row)?.textContent?.trim()).to.equal('Cancel');

      provision.dispose();
      await aTimeout(0);
      await row.updateComplete;
      expect(actionOf(row)).to.equal(null);
    } finally {
      host.remove();
    }
  });
});
