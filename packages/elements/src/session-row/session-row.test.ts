/// <reference types="mocha" />
import { aTimeout, expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { Session } from '@session-lens/sdk';
import '../define.js';
import type { SessionRow } from './session-row.js';
import { LensClock } from '../context/clock.js';
import { identityFromMe } from '../context/lens-context.js';
import { provideSessionLens } from '../context/provide.js';
import { announcement } from '../internal/announcer.js';
import { apiError, fakeClient } from '../test/fake-client.js';
import { NOW, hostile, hostileSession, identities, makeSession, sessions } from '../test/fixtures.js';
import { mount, recordEvents, textOf } from '../test/mount.js';

const row = (session: Session, options: Parameters<typeof mount>[1] = {}) =>
  mount<SessionRow>(html`<session-row .session=${session}></session-row>`, options);
const part = (el: SessionRow, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~=${name}]`);
const ALL_EVENTS = ['session-open', 'session-action', 'session-action-error', 'session-resume'];

describe('session-row', () => {
  it('reads a running flow at a glance: title, owner, steps, cost, status, time', async () => {
    const { el } = await row(sessions.runningFlow);
    expect(textOf(part(el, 'open'))).to.equal('Flow run: Full SDLC');
    expect(textOf(part(el, 'meta'))).to.equal('SC Sarah Chen 7c3a2f10');
    const steps = el.shadowRoot!.querySelectorAll('.step');
    expect(steps.length).to.equal(3);
    expect([...steps].map((step) => step.getAttribute('data-tone'))).to.deep.equal([
      'settled',
      'live',
      'queued',
    ]);
    expect(textOf(steps[0])).to.equal('Plan: Completed, 2m 30s');
    expect(textOf(steps[1])).to.equal('Implement: Running, 10m 10s');
    expect(textOf(steps[2])).to.equal('Verify: Pending, not started');
    expect(part(el, 'steps')!.getAttribute('aria-label')).to.equal('Step 2 of 3');
    expect(textOf(part(el, 'cost'))).to.equal('$0.84');
    // The pill's markup is inline in the row (no <status-pill> element per row).
    expect(el.shadowRoot!.querySelector('status-pill')).to.equal(null);
    expect(part(el, 'pill')!.getAttribute('data-tone')).to.equal('live');
    expect(part(el, 'pill')!.hasAttribute('data-live')).to.equal(true);
    expect(part(el, 'pill-icon')!.classList.contains('spin')).to.equal(true);
    expect(textOf(part(el, 'pill-label'))).to.equal('Running');
    expect(textOf(part(el, 'time'))).to.equal('58s ago ran for 12m 40s');
    await expect(el).to.be.accessible();
  });

  it('shows a step tooltip on hover', async () => {
    const { el } = await row(sessions.runningFlow);
    const tooltip = el.shadowRoot!.querySelector<HTMLElement>('.step .tooltip')!;
    expect(tooltip.getBoundingClientRect().width).to.be.lessThan(2);
    const dot = el.shadowRoot!.querySelector('.step')!.getBoundingClientRect();
    await sendMouse({
      type: 'move',
      position: [Math.round(dot.x + dot.width / 2), Math.round(dot.y + dot.height / 2)],
    });
    expect(tooltip.getBoundingClientRect().width).to.be.greaterThan(40);
    await sendMouse({ type: 'move', position: [0, 0] });
  });

  it('shows a step tooltip on keyboard focus, reached by arrow from the title, never a tab stop', async () => {
    const { el } = await row(sessions.runningFlow);
    const steps = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.step')];
    const title = part(el, 'open')!;
    // The strip adds no tab stop: the title is the row's only one (E10).
    expect(steps.map((step) => step.tabIndex)).to.deep.equal([-1, -1, -1]);
    expect(title.tabIndex).to.equal(0);
    title.focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(el.shadowRoot!.activeElement).to.equal(steps[0]);
    const tip = (index: number) => el.shadowRoot!.getElementById(`step-tip-${index}`)!;
    expect(steps[0]!.getAttribute('aria-describedby')).to.equal('step-tip-0');
    expect(textOf(tip(0))).to.equal('Plan: Completed, 2m 30s');
    expect(tip(0).getBoundingClientRect().width).to.be.greaterThan(40);
    await sendKeys({ press: 'ArrowRight' });
    expect(el.shadowRoot!.activeElement).to.equal(steps[1]);
    expect(tip(1).getBoundingClientRect().width).to.be.greaterThan(40);
    expect(tip(0).getBoundingClientRect().width).to.be.lessThan(2);
    await sendKeys({ press: 'End' });
    expect(el.shadowRoot!.activeElement).to.equal(steps[2]);
    await sendKeys({ press: 'ArrowLeft' });
    expect(el.shadowRoot!.activeElement).to.equal(steps[1]);
    await sendKeys({ press: 'Escape' });
    expect(el.shadowRoot!.activeElement).to.equal(title);
    // Back into the strip on the step last visited; Left before the first step returns.
    await sendKeys({ press: 'ArrowRight' });
    expect(el.shadowRoot!.activeElement).to.equal(steps[1]);
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowLeft' });
    expect(el.shadowRoot!.activeElement).to.equal(title);
    await expect(el).to.be.accessible();
  });

  it('takes its title and action out of the Tab order with skip-tab', async () => {
    const { el } = await mount<SessionRow>(
      html`<session-row .session=${sessions.runningFlow} skip-tab></session-row>`,
    );
    expect(part(el, 'open')!.tabIndex).to.equal(-1);
    expect(part(el, 'action')!.tabIndex).to.equal(-1);
    el.skipTab = false;
    await el.updateComplete;
    expect(part(el, 'open')!.tabIndex).to.equal(0);
    expect(part(el, 'action')!.tabIndex).to.equal(0);
  });

  it('shows the right progress and cost caption for every kind', async () => {
    const chat = (await row(sessions.openChat)).el;
    expect(textOf(part(chat, 'progress'))).to.equal('8 messages $0.84 · 84 credits');
    const task = (await row(sessions.queuedTask)).el;
    expect(textOf(part(task, 'progress'))).to.equal('12 turns $0.84 + unpriced');
    const ended = (await row(sessions.endedChat)).el;
    expect(textOf(part(ended, 'cost'))).to.equal('Unpriced');
    const assessment = (await row(sessions.reviewAssessment)).el;
    expect(textOf(part(assessment, 'progress'))).to.equal(
      'db-02.prod.example.com 14 executions · 3 insights',
    );
    expect(part(assessment, 'cost')).to.equal(null);
    const ask = (await row(sessions.askChat)).el;
    expect(textOf(part(ask, 'meta'))).to.include('Ask');
    expect(textOf(part(ask, 'open'))).to.equal('Ask inquiry: Which services read the invoices table?');
    await expect(assessment).to.be.accessible();
  });

  it('shows the session error on the row', async () => {
    const { el } = await row(sessions.failedFlow);
    expect(textOf(part(el, 'error'))).to.equal(
      'Error: Migration step exited with code 1: relation "invoices" is locked.',
    );
    expect(part(el, 'base')!.hasAttribute('data-error')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('renders an unknown status with its raw label', async () => {
    const { el } = await row(sessions.unknownStatus);
    expect(part(el, 'pill')!.getAttribute('data-tone')).to.equal('neutral');
    expect(part(el, 'pill')!.hasAttribute('data-live')).to.equal(false);
    expect(textOf(part(el, 'pill-label'))).to.equal('hibernating');
  });

  it('shows the owner picture, and initials when it fails to load', async () => {
    const withPicture = makeSession({
      ...sessions.completedFlow,
      owner: { id: 'mem_p', name: 'Priya Patel', avatarUrl: 'https://127.0.0.1:9/none.png' },
    });
    const { el } = await row(withPicture);
    const img = el.shadowRoot!.querySelector('img')!;
    expect(img.getAttribute('src')).to.equal('https://127.0.0.1:9/none.png');
    expect(img.getAttribute('alt')).to.equal('');
    await oneEvent(img, 'error');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(textOf(part(el, 'avatar'))).to.equal('PP');
  });

  describe('actions', () => {
    it('offers Cancel on an active flow or task and End on an open chat, with the scope', async () => {
      expect(textOf(part((await row(sessions.runningFlow)).el, 'action'))).to.equal('Cancel');
      expect(textOf(part((await row(sessions.queuedTask)).el, 'action'))).to.equal('Cancel');
      expect(textOf(part((await row(sessions.openChat)).el, 'action'))).to.equal('End');
      const { el } = await row(sessions.openChat);
      await expect(el).to.be.accessible();
    });

    it('offers nothing on settled work', async () => {
      for (const session of [
        sessions.completedFlow,
        sessions.failedFlow,
        sessions.endedChat,
        sessions.reviewAssessment,
      ]) {
        expect(part((await row(session)).el, 'action')).to.equal(null);
      }
    });

    it('hides actions without the scope, and follows the scopes property over the identity', async () => {
      const member = { identity: identityFromMe(identities.member) };
      expect(part((await row(sessions.runningFlow, member)).el, 'action')).to.equal(null);
      expect(part((await row(sessions.openChat, member)).el, 'action')).to.equal(null);
      expect(part((await row(sessions.runningFlow, { identity: null })).el, 'action')).to.equal(null);
      const { el } = await row(sessions.runningFlow, member);
      el.scopes = ['sessions:cancel-any'];
      await el.updateComplete;
      expect(textOf(part(el, 'action'))).to.equal('Cancel');
      el.scopes = ['conversations:manage'];
      await el.updateComplete;
      expect(part(el, 'action')).to.equal(null);
    });

    it('cancels through the client with a pending state, without opening the row', async () => {
      const client = fakeClient({ sessions: [sessions.runningFlow], hold: true });
      const { el } = await row(sessions.runningFlow, { client });
      const events = recordEvents(el, ALL_EVENTS);
      part(el, 'action')!.click();
      await el.updateComplete;
      const button = part(el, 'action') as HTMLButtonElement;
      expect(button.disabled).to.equal(true);
      expect(textOf(button)).to.equal('Cancelling…');
      expect(client.calls).to.deep.include({ method: 'sessions.cancel', id: sessions.runningFlow.id });
      client.release();
      await aTimeout(0);
      await el.updateComplete;
      // No live store around this row: the server's answer shows; the handed-in data is untouched.
      expect(textOf(part(el, 'pill-label'))).to.equal('Cancelled');
      expect(el.session).to.equal(sessions.runningFlow);
      expect(part(el, 'action')).to.equal(null);
      expect(events.map((event) => event.type)).to.deep.equal(['session-action']);
    });

    it('shows the server refusal on the row and fires session-action-error', async () => {
      const refusal = apiError(403, 'You may not cancel sessions you do not own.');
      const client = fakeClient({ sessions: [sessions.runningFlow], refuse: { cancel: refusal } });
      const { el } = await row(sessions.runningFlow, { client });
      setTimeout(() => part(el, 'action')!.click());
      const event = await oneEvent(el, 'session-action-error');
      expect(event.detail.error).to.equal(refusal);
      expect(event.detail.action).to.equal('cancel');
      expect(event.bubbles && event.composed).to.equal(true);
      await el.updateComplete;
      expect(textOf(part(el, 'action-error'))).to.equal('You may not cancel sessions you do not own.');
      expect(textOf(part(el, 'action'))).to.equal('Cancel');
      expect(textOf(part(el, 'pill-label'))).to.equal('Running');
      await expect(el).to.be.accessible();
    });

    it('ends a chat, and lets a host take over by preventing the action event', async () => {
      const client = fakeClient({ sessions: [sessions.openChat] });
      const { el } = await row(sessions.openChat, { client });
      el.addEventListener('session-action', (event) => event.preventDefault(), { once: true });
      part(el, 'action')!.click();
      await el.updateComplete;
      expect(client.calls.some((call) => call.method === 'sessions.end')).to.equal(false);
      part(el, 'action')!.click();
      await aTimeout(0);
      await el.updateComplete;
      expect(client.calls).to.deep.include({ method: 'sessions.end', id: sessions.openChat.id });
      expect(textOf(part(el, 'pill-label'))).to.equal('Ended');
    });
  });

  describe('opening', () => {
    it('emits session-open on click, bubbling and composed', async () => {
      const { el, wrapper } = await row(sessions.completedFlow);
      setTimeout(() => part(el, 'progress')!.click());
      const event = await oneEvent(wrapper, 'session-open');
      expect(event.detail.session).to.equal(sessions.completedFlow);
      expect(event.composed).to.equal(true);
    });

    it('emits session-open on Enter from the keyboard', async () => {
      const { el } = await row(sessions.completedFlow);
      const events = recordEvents(el, ['session-open']);
      part(el, 'open')!.focus();
      await sendKeys({ press: 'Enter' });
      expect(events.length).to.equal(1);
    });

    it('fires nothing when code sets properties', async () => {
      const { el } = await row(sessions.runningFlow);
      const events = recordEvents(el, ALL_EVENTS);
      el.session = { ...sessions.runningFlow, status: 'failed', version: 8 };
      el.expanded = true;
      el.scopes = [];
      await el.updateComplete;
      el.session = sessions.openChat;
      await el.updateComplete;
      expect(events).to.deep.equal([]);
    });
  });

  describe('time', () => {
    it('ticks from the shared clock', async () => {
      const { el, advance } = await row(sessions.runningFlow);
      expect(textOf(part(el, 'time'))).to.equal('58s ago ran for 12m 40s');
      await advance(60_000);
      expect(textOf(part(el, 'time'))).to.equal('1m ago ran for 13m 40s');
    });

    it('uses one timer for many rows', async () => {
      const wrapper = document.createElement('div');
      const clock = new LensClock();
      provideSessionLens(wrapper, fakeClient(), { clock, identity: identityFromMe(identities.admin) });
      const intervals = { count: 0 };
      const original = window.setInterval;
      window.setInterval = ((...args: Parameters<typeof setInterval>) => {
        intervals.count++;
        return original(...args);
      }) as typeof setInterval;
      try {
        for (let i = 0; i < 25; i++) {
          const el = document.createElement('session-row');
          el.session = { ...sessions.runningFlow, id: `ses_${i}` };
          wrapper.append(el);
        }
        document.body.append(wrapper);
        await Promise.all([...wrapper.children].map((child) => (child as SessionRow).updateComplete));
        expect(clock.subscriberCount).to.equal(25);
        expect(intervals.count).to.equal(1);
      } finally {
        window.setInterval = original;
        wrapper.remove();
      }
      expect(clock.running).to.equal(false);
    });
  });

  it('announces a status change politely', async () => {
    const { el } = await row(sessions.runningFlow);
    el.session = { ...sessions.runningFlow, status: 'completed', version: 8 };
    await el.updateComplete;
    await aTimeout(400);
    expect(announcement()).to.equal('Full SDLC: Completed.');
    const region = document.querySelector('[data-session-lens-announcer]')!;
    expect(region.getAttribute('aria-live')).to.equal('polite');
  });

  describe('hostile strings', () => {
    it('renders HTML, script and RTL overrides as inert text', async () => {
      const { el } = await row(hostileSession);
      const root = el.shadowRoot!;
      expect(root.querySelectorAll('script, b, img').length).to.equal(0);
      expect(textOf(part(el, 'open'))).to.include('<img src=x onerror=');
      expect(textOf(part(el, 'open'))).to.include('\u202E');
      expect(textOf(part(el, 'error'))).to.include('<script>');
      expect(getComputedStyle(part(el, 'open')!).unicodeBidi).to.equal('isolate');
      expect((window as { __lensPwned?: number }).__lensPwned).to.equal(undefined);
      await expect(el).to.be.accessible();
    });

    it('keeps a megabyte title to one clamped line', async () => {
      const big = makeSession({ ...sessions.completedFlow, title: hostile.megabyte });
      const started = performance.now();
      const { el } = await row(big);
      expect(performance.now() - started).to.be.lessThan(1000);
      expect(part(el, 'open')!.textContent!.length).to.be.lessThan(700);
      expect(part(el, 'base')!.getBoundingClientRect().height).to.be.lessThan(120);
    });

    it('drops a non-http avatar URL', async () => {
      const sneaky = {
        ...sessions.completedFlow,
        owner: { id: 'x', name: 'X', avatarUrl: hostile.javascriptUrl },
      };
      const { el } = await row(sneaky);
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    });
  });

  it('renders nothing without a session', async () => {
    const { el } = await mount<SessionRow>(html`<session-row></session-row>`);
    expect(el.shadowRoot!.children.length).to.equal(0);
    expect(NOW).to.be.a('number');
  });
});
