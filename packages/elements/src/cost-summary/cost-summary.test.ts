/// <reference types="mocha" />
import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { CostDetail } from '@session-lens/sdk';
import '../define.js';
import type { CostSummary } from './cost-summary.js';
import { identityFromMe } from '../context/lens-context.js';
import { apiError, fakeClient, type FakeClientData } from '../test/fake-client.js';
import { costDetail, costDetailPlain, hostile, identities } from '../test/fixtures.js';
import { controlledClient } from '../test/controlled-client.js';
import { mount, textOf } from '../test/mount.js';

const part = (el: CostSummary, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~=${name}]`);
const tiles = (el: CostSummary) =>
  [...el.shadowRoot!.querySelectorAll('[part=metric]')].map((tile) => textOf(tile));

describe('cost-summary', () => {
  it('shows the total, the metric grid and every turn with its pricing badge', async () => {
    const { el } = await mount<CostSummary>(html`<cost-summary .cost=${costDetail}></cost-summary>`);
    expect(textOf(part(el, 'heading'))).to.equal('AI cost');
    expect(textOf(part(el, 'total'))).to.equal('$0.84');
    expect(tiles(el)).to.deep.equal([
      'Turns 23',
      'Events 41',
      'Tokens 128.4K',
      'AI credits 84',
      'Tool calls 17',
    ]);
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')].map((row) => textOf(row));
    expect(rows).to.deep.equal([
      '1 claude-sonnet-4 Priced $0.031',
      '2 claude-sonnet-4 Estimated $0.027',
      '3 claude-haiku-4 Unpriced $0.000',
    ]);
    const badges = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part=badge]')];
    expect(badges.map((badge) => badge.dataset['pricing'])).to.deep.equal([
      'priced',
      'estimated',
      'unpriced',
    ]);
    expect(new Set(badges.map((badge) => getComputedStyle(badge).color)).size).to.equal(3);
    await expect(el).to.be.accessible();
  });

  it('shows credits and tool calls only when above zero', async () => {
    const { el } = await mount<CostSummary>(html`<cost-summary .cost=${costDetailPlain}></cost-summary>`);
    expect(tiles(el)).to.deep.equal(['Turns 4', 'Events 9', 'Tokens 12K']);
    await expect(el).to.be.accessible();
  });

  it('says "Unpriced" when no turn carried a charge', async () => {
    const free = CostDetail.parse({
      ...costDetailPlain,
      totals: { ...costDetailPlain.totals, amountUsd: '0', turns: { priced: 0, estimated: 0, unpriced: 2 } },
    });
    const { el } = await mount<CostSummary>(html`<cost-summary .cost=${free}></cost-summary>`);
    expect(textOf(part(el, 'total'))).to.equal('Unpriced');
  });

  it('renders nothing when the caller may not see spend', async () => {
    const member = await mount<CostSummary>(html`<cost-summary .cost=${costDetail}></cost-summary>`, {
      identity: identityFromMe(identities.member),
    });
    expect(member.el.shadowRoot!.children.length).to.equal(0);
    expect(member.el.getBoundingClientRect().height).to.equal(0);
    // spend:read without spend tracking in the workspace: still nothing.
    const reviewer = await mount<CostSummary>(html`<cost-summary .cost=${costDetail}></cost-summary>`, {
      identity: identityFromMe({
        ...identities.reviewer,
        scopes: [...identities.reviewer.scopes, 'spend:read'],
      }),
    });
    expect(reviewer.el.shadowRoot!.children.length).to.equal(0);
  });

  it('renders handed-in cost without a provider', async () => {
    const el = await fixture<CostSummary>(html`<cost-summary .cost=${costDetail}></cost-summary>`);
    expect(textOf(part(el, 'total'))).to.equal('$0.84');
  });

  it('loads the detail by session id, with a loading state', async () => {
    const client = fakeClient({ costs: { ses_1: costDetail }, hold: true });
    const { el } = await mount<CostSummary>(html`<cost-summary session-id="ses_1"></cost-summary>`, {
      client,
    });
    expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
    client.release();
    await aTimeout(0);
    await el.updateComplete;
    expect(textOf(part(el, 'total'))).to.equal('$0.84');
    expect(client.calls).to.deep.equal([{ method: 'sessions.cost', id: 'ses_1' }]);
  });

  it('does not ask for cost the caller may not see, and hides on a 403', async () => {
    const client = fakeClient({ costs: { ses_1: costDetail } });
    await mount<CostSummary>(html`<cost-summary session-id="ses_1"></cost-summary>`, {
      client,
      identity: identityFromMe(identities.member),
    });
    expect(client.calls).to.deep.equal([]);
    const refusing = fakeClient({});
    const { el } = await mount<CostSummary>(html`<cost-summary session-id="ses_2"></cost-summary>`, {
      client: refusing,
    });
    await aTimeout(0);
    await el.updateComplete;
    expect(el.shadowRoot!.children.length).to.equal(0);
  });

  it('shows a load failure with a retry', async () => {
    const data: FakeClientData = { costs: { ses_1: costDetail }, failReads: apiError(503, 'Try again soon') };
    const client = fakeClient(data);
    const { el } = await mount<CostSummary>(html`<cost-summary session-id="ses_1"></cost-summary>`, {
      client,
    });
    await aTimeout(0);
    await el.updateComplete;
    expect(textOf(part(el, 'base'))).to.equal('Cost could not be loaded: Try again soon Retry');
    await expect(el).to.be.accessible();
    data.failReads = undefined;
    el.shadowRoot!.querySelector('button')!.click();
    await aTimeout(0);
    await el.updateComplete;
    expect(client.calls.length).to.equal(2);
    expect(textOf(part(el, 'total'))).to.equal('$0.84');
  });

  it('aborts a superseded load, and its late answer never renders', async () => {
    const client = controlledClient();
    const { el } = await mount<CostSummary>(html`<cost-summary session-id="ses_1"></cost-summary>`, {
      client,
    });
    const first = client.last('sessions.cost');
    el.sessionId = 'ses_2';
    await el.updateComplete;
    expect(first.signal?.aborted).to.equal(true);
    const second = client.last('sessions.cost');
    expect(second.id).to.equal('ses_2');
    expect(second.signal?.aborted).to.equal(false);
    second.resolve(costDetailPlain);
    await aTimeout(0);
    await el.updateComplete;
    const shown = textOf(part(el, 'total'));
    first.resolve(costDetail);
    await aTimeout(0);
    await el.updateComplete;
    expect(textOf(part(el, 'total'))).to.equal(shown);
    expect(shown).to.not.equal('$0.84');
    // Taken off the page mid-load: aborted; put back: asked again.
    el.sessionId = 'ses_3';
    await el.updateComplete;
    const third = client.last('sessions.cost');
    const parent = el.parentElement!;
    el.remove();
    expect(third.signal?.aborted).to.equal(true);
    parent.append(el);
    await el.updateComplete;
    expect(client.last('sessions.cost')).to.not.equal(third);
    expect(client.last('sessions.cost').id).to.equal('ses_3');
  });

  it('renders a hostile model name as text', async () => {
    const hostileCost = CostDetail.parse({
      ...costDetail,
      turns: [{ turn: 1, model: hostile.script, pricing: 'priced', amountUsd: '0.1', tokens: 1 }],
    });
    const { el } = await mount<CostSummary>(html`<cost-summary .cost=${hostileCost}></cost-summary>`);
    expect(el.shadowRoot!.querySelector('script')).to.equal(null);
    expect(textOf(el.shadowRoot!.querySelector('tbody'))).to.include('<script>');
  });
});
