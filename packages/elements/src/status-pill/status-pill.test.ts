/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { KNOWN_STATUSES, toneOf } from '@session-lens/sdk';
import '../define.js';
import type { StatusPill } from './status-pill.js';
import { hostile } from '../test/fixtures.js';

const pill = (status: string) => fixture<StatusPill>(html`<status-pill status=${status}></status-pill>`);
const base = (el: StatusPill) => el.shadowRoot!.querySelector<HTMLElement>('[part=base]')!;

describe('status-pill', () => {
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('shows a readable label for every known status, with its tone', async () => {
    for (const status of KNOWN_STATUSES) {
      const el = await pill(status);
      expect(base(el).dataset['tone']).to.equal(toneOf(status));
      expect(base(el).textContent!.trim()).to.not.include('_');
    }
    const review = await pill('pending_review');
    expect(base(review).textContent!.trim()).to.equal('Pending review');
  });

  it('gives every tone its own shape, so colour is never the only cue', async () => {
    const shapes = new Set<string>();
    for (const status of ['running', 'queued', 'paused', 'completed', 'failed', 'hibernating']) {
      const el = await pill(status);
      const icon = el.shadowRoot!.querySelector('svg')!;
      expect(icon.getAttribute('aria-hidden')).to.equal('true');
      shapes.add(
        [...icon.children].map((shape) => shape.getAttribute('d') ?? shape.getAttribute('r')).join('|'),
      );
    }
    expect(shapes.size).to.equal(6);
  });

  it('shows a spinner for a live status, not a pill', async () => {
    const el = await pill('running');
    expect(base(el).hasAttribute('data-live')).to.equal(true);
    const cue = el.shadowRoot!.querySelector<HTMLElement>('[part=icon]')!;
    expect(getComputedStyle(cue).animationName).to.equal('spin');
    const settled = await pill('completed');
    expect(base(settled).hasAttribute('data-live')).to.equal(false);
  });

  it('stops spinning when the reader prefers reduced motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await pill('streaming');
    const cue = el.shadowRoot!.querySelector<HTMLElement>('[part=icon]')!;
    expect(getComputedStyle(cue).animationName).to.equal('none');
  });

  it('renders an unknown status with its raw label in the neutral tone', async () => {
    const el = await pill('hibernating');
    expect(el.tone).to.equal('neutral');
    expect(base(el).dataset['tone']).to.equal('neutral');
    expect(base(el).textContent!.trim()).to.equal('hibernating');
  });

  it('uses a given label instead of its own', async () => {
    const el = await fixture<StatusPill>(html`<status-pill status="running" label="Läuft"></status-pill>`);
    expect(base(el).textContent!.trim()).to.equal('Läuft');
  });

  it('renders hostile status text inert', async () => {
    const el = await pill(hostile.script);
    expect(el.shadowRoot!.querySelector('script')).to.equal(null);
    expect(base(el).textContent).to.include('<script>');
    expect((window as { __lensPwned?: number }).__lensPwned).to.equal(undefined);
  });

  it('is accessible in every tone, dark and light', async () => {
    for (const status of ['running', 'queued', 'paused', 'completed', 'failed', 'hibernating']) {
      await expect(await pill(status)).to.be.accessible();
      const light = await fixture<StatusPill>(
        html`<status-pill theme="light" status=${status}></status-pill>`,
      );
      await expect(light).to.be.accessible();
    }
  });
});
