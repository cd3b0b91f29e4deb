/// <reference types="mocha" />
import { aTimeout, expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { TranscriptEntry, type Session } from '@session-lens/sdk';
import '../define.js';
import type { SessionDetail } from './session-detail.js';
import type { CostSummary } from '../cost-summary/cost-summary.js';
import { identityFromMe } from '../context/lens-context.js';
import { apiError, fakeClient } from '../test/fake-client.js';
import {
  costDetail,
  executions,
  hostile,
  hostileSession,
  identities,
  insights,
  sessions,
  transcript,
} from '../test/fixtures.js';
import { mount, recordEvents, textOf } from '../test/mount.js';

const q = <T extends Element = HTMLElement>(el: SessionDetail, selector: string) =>
  el.shadowRoot!.querySelector<T & Element>(selector) as T | null;
const qa = (el: SessionDetail, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>(selector),
];
const summary = (el: SessionDetail, selector = '[part=summary] > div') =>
  Object.fromEntries(
    qa(el, selector).map((row) => [textOf(row.querySelector('dt')), textOf(row.querySelector('dd'))]),
  );
const tabs = (el: SessionDetail) => qa(el, '[role=tab]').map((tab) => textOf(tab));
const headerStatus = (el: SessionDetail) => q(el, '[part=header] status-pill')!.getAttribute('status');
const selectedTab = (el: SessionDetail) => textOf(q(el, '[role=tab][aria-selected=true]'));
const settle = async (el: SessionDetail) => {
  await aTimeout(0);
  await el.updateComplete;
};

const detail = (
  session: Session,
  extra: { transcript?: TranscriptEntry[] } = {},
  options: Parameters<typeof mount>[1] = {},
) =>
  mount<SessionDetail>(
    html`<session-detail
      .session=${session}
      .transcript=${extra.transcript}
      .cost=${session.cost ? costDetail : undefined}
      .executions=${session.kind === 'assessment' ? executions : undefined}
      .insights=${session.kind === 'assessment' ? insights : undefined}
    ></session-detail>`,
    options,
  );

describe('session-detail', () => {
  it('shows a chat: header, actions, summary card, cost and transcript', async () => {
    const { el } = await detail(sessions.openChat, { transcript });
    expect(textOf(q(el, 'h2'))).to.equal('Draft three plans');
    expect(textOf(q(el, '.kind'))).to.equal('Chat·a91be004');
    expect(q<HTMLElement>(el, 'status-pill')!.getAttribute('status')).to.equal('running');
    expect(qa(el, '[part=actions] button').map((b) => textOf(b))).to.deep.equal([
      'Resume in chat',
      'Open in editor',
      'End',
    ]);
    expect(summary(el)).to.deep.include({
      Owner: 'Sarah Chen',
      Messages: '8',
      'Tool calls': '17',
      Model: 'claude-sonnet-4',
      Cost: '$0.84 · 84 credits',
      Initiative: 'CSV Export on the Reporting Page',
      Plan: 'Plan B: streaming export',
      'Pull request': '#482 Stream CSV rows',
      Duration: '14m',
    });
    const link = q<HTMLAnchorElement>(el, '[part=summary] a')!;
    expect(link.href).to.equal('https://git.example.com/acme/reporting/pull/482');
    expect(link.rel).to.equal('noopener noreferrer');
    const cost = q<CostSummary>(el, 'cost-summary')!;
    await cost.updateComplete;
    expect(textOf(cost.shadowRoot!.querySelector('[part=total]'))).to.equal('$0.84');
    expect(tabs(el)).to.deep.equal(['Transcript', 'Metadata']);
    const entries = qa(el, '[part=entry]');
    expect(entries.map((entry) => entry.dataset['type'])).to.deep.equal([
      'message',
      'tool_call',
      'file_edit',
      'file_edit',
      'step',
      'tool_call',
      'message',
    ]);
    // File edits are line diffs (<session-file-diff>, with the diff parts forwarded).
    const diffs = entries.slice(2, 4).map((entry) => entry.querySelector('session-file-diff')!);
    await Promise.all(diffs.map((diff) => diff.updateComplete));
    const lineOf = (index: number, part: string) =>
      textOf(diffs[index]!.shadowRoot!.querySelector(`[part~=${part}] .code`));
    expect(lineOf(0, 'diff-line-removed')).to.equal('export const rows = all();');
    expect(lineOf(0, 'diff-line-added')).to.equal('export const rows = stream();');
    expect(diffs[0]!.getAttribute('exportparts')).to.include('diff-line-added');
    expect(textOf(entries[3]!.querySelector('.entry-head strong'))).to.equal('File created');
    expect(lineOf(1, 'diff-line-added')).to.equal('# Plans');
    expect(textOf(entries[5])).to.include('[REDACTED:github-token]');
    expect(entries[6]!.querySelector('.message-text')!.textContent).to.include('1. Stream rows\n2. Paginate');
    await expect(el).to.be.accessible();
  });

  it('emits session-resume and session-open-editor on click only', async () => {
    const { el } = await detail(sessions.openChat, { transcript });
    const events = recordEvents(el, ['session-resume', 'session-open-editor', 'session-action']);
    el.session = { ...sessions.openChat, title: 'Renamed', version: 2 };
    el.activeTab = 'metadata';
    await el.updateComplete;
    expect(events).to.deep.equal([]);
    setTimeout(() => q<HTMLButtonElement>(el, '[part=resume]')!.click());
    const resume = await oneEvent(el, 'session-resume');
    expect(resume.detail.session.id).to.equal(sessions.openChat.id);
    expect(resume.bubbles && resume.composed).to.equal(true);
    setTimeout(() => q<HTMLButtonElement>(el, '[part=open-editor]')!.click());
    const editor = await oneEvent(el, 'session-open-editor');
    expect(editor.detail.session.id).to.equal(sessions.openChat.id);
  });

  it('keeps an ended chat readable, with no resume', async () => {
    const { el } = await detail(sessions.endedChat, { transcript });
    expect(q(el, '[part=actions]')).to.equal(null);
    expect(textOf(q(el, '.note'))).to.equal('This conversation has ended. Its transcript stays readable.');
    expect(qa(el, '[part=entry]').length).to.equal(transcript.length);
    await expect(el).to.be.accessible();
  });

  it('marks an Ask inquiry', async () => {
    const { el } = await detail(sessions.askChat, { transcript: [] });
    expect(textOf(q(el, '.kind'))).to.include('Ask');
    expect(textOf(q(el, '[role=tabpanel]:not([hidden])'))).to.equal('No transcript entries yet.');
  });

  it('hides chat actions without conversations:manage', async () => {
    const { el } = await detail(
      sessions.openChat,
      { transcript },
      { identity: identityFromMe(identities.member) },
    );
    expect(q(el, '[part=actions]')).to.equal(null);
    // No spend visibility either: the cost card renders nothing.
    const cost = q<CostSummary>(el, 'cost-summary')!;
    await cost.updateComplete;
    expect(cost.shadowRoot!.children.length).to.equal(0);
  });

  it('shows a flow run timeline', async () => {
    const { el } = await detail(sessions.runningFlow, { transcript: [] });
    const steps = qa(el, '[part=timeline] li').map((li) => textOf(li));
    expect(steps).to.deep.equal(['Plan 2m 30s', 'Implement 10m 10s', 'Verify Not started']);
    expect(qa(el, '[part=actions] button').map((b) => textOf(b))).to.deep.equal(['Resume', 'Open in editor']);
    expect(summary(el)).to.deep.include({ Repository: 'acme/reporting', Branch: 'feat/csv-export' });
    await expect(el).to.be.accessible();
  });

  it('shows the pending-review assessment with executions and insights tabs, keyboard-operable', async () => {
    const { el } = await detail(sessions.reviewAssessment, { transcript: [] });
    expect(textOf(q(el, '[part=review]'))).to.include('Awaiting review');
    expect(q(el, '[part=actions]')).to.equal(null);
    expect(summary(el)).to.deep.include({
      Host: 'db-02.prod.example.com',
      Playbook: 'disk-triage',
      Executions: '14',
      Insights: '3',
    });
    expect(tabs(el)).to.deep.equal(['Transcript', 'Executions', 'Insights', 'Metadata']);
    q<HTMLElement>(el, '[role=tab][aria-selected=true]')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(selectedTab(el)).to.equal('Executions');
    expect(el.shadowRoot!.activeElement!.id).to.equal('tab-executions');
    const rows = qa(el, '[role=tabpanel]:not([hidden]) tbody tr');
    expect(rows.length).to.equal(2);
    expect(textOf(rows[1]!.querySelector('code'))).to.equal('journalctl --vacuum-size=1G');
    expect(textOf(rows[1])).to.include('shell.write 1 1s');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(selectedTab(el)).to.equal('Insights');
    expect(
      qa(el, '[role=tabpanel]:not([hidden]) li').map((li) => textOf(li.querySelector('strong'))),
    ).to.deep.equal(['/var is 97% full', 'Log rotation disabled', 'Swap in use']);
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(selectedTab(el)).to.equal('Metadata');
    expect(summary(el, '[role=tabpanel]:not([hidden]) dl > div')['Host']).to.equal('db-02.prod.example.com');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(selectedTab(el)).to.equal('Transcript');
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(selectedTab(el)).to.equal('Metadata');
    const panel = q<HTMLElement>(el, '[role=tabpanel]:not([hidden])')!;
    expect(panel.getAttribute('aria-labelledby')).to.equal('tab-metadata');
    await expect(el).to.be.accessible();
  });

  it('shows metadata of where the work ran', async () => {
    const { el } = await detail(sessions.openChat, { transcript });
    el.activeTab = 'metadata';
    await el.updateComplete;
    expect(summary(el, '[role=tabpanel]:not([hidden]) dl > div')).to.deep.include({
      Origin: 'Editor',
      Profile: 'default',
      Id: 'ses_a91be004',
      Kind: 'Chat',
      Status: 'Running',
    });
  });

  it('ends a chat through the client, and shows a refusal', async () => {
    const refusing = fakeClient({
      sessions: [sessions.openChat],
      refuse: { end: apiError(409, 'Already ended') },
    });
    const first = await detail(sessions.openChat, { transcript }, { client: refusing });
    setTimeout(() => q<HTMLButtonElement>(first.el, '[part=end]')!.click());
    const error = await oneEvent(first.el, 'session-action-error');
    expect(error.detail.message).to.equal('Already ended');
    await first.el.updateComplete;
    expect(textOf(q(first.el, '[part=actions] [role=alert]'))).to.equal('Already ended');

    const client = fakeClient({ sessions: [sessions.openChat], hold: true });
    const { el } = await detail(sessions.openChat, { transcript }, { client });
    q<HTMLButtonElement>(el, '[part=end]')!.click();
    await el.updateComplete;
    expect(textOf(q(el, '[part=end]'))).to.equal('Ending…');
    client.release();
    await settle(el);
    expect(headerStatus(el)).to.equal('ended');
    expect(el.session).to.equal(sessions.openChat);
    expect(q(el, '[part=actions]')).to.equal(null);
  });

  describe('review of an assessment pending review', () => {
    const reviewer = { identity: identityFromMe(identities.reviewer) };

    it('offers Approve and Reject only with sessions:review', async () => {
      const member = await detail(
        sessions.reviewAssessment,
        { transcript: [] },
        {
          identity: identityFromMe(identities.member),
        },
      );
      expect(q(member.el, '[part=review]')).to.not.equal(null);
      expect(q(member.el, '[part=approve]')).to.equal(null);
      expect(q(member.el, '[part=reject]')).to.equal(null);

      const { el } = await detail(sessions.reviewAssessment, { transcript: [] }, reviewer);
      expect(textOf(q(el, '[part=approve]'))).to.equal('Approve');
      expect(textOf(q(el, '[part=reject]'))).to.equal('Reject');
      await expect(el).to.be.accessible();
      // Nothing reviewable: no buttons on a completed assessment, even for a reviewer.
      const done = await detail(
        { ...sessions.reviewAssessment, status: 'completed' },
        { transcript: [] },
        reviewer,
      );
      expect(q(done.el, '[part=review]')).to.equal(null);
    });

    it('approves through the client with a pending state, and fires a cancelable session-action', async () => {
      const client = fakeClient({ sessions: [sessions.reviewAssessment], hold: true });
      const { el } = await detail(sessions.reviewAssessment, { transcript: [] }, { ...reviewer, client });
      const action = oneEvent(el, 'session-action');
      q<HTMLButtonElement>(el, '[part=approve]')!.click();
      expect((await action).detail.action).to.equal('approve');
      await el.updateComplete;
      expect(textOf(q(el, '[part=approve]'))).to.equal('Approving…');
      expect(q<HTMLButtonElement>(el, '[part=reject]')!.disabled).to.equal(true);
      client.release();
      await settle(el);
      expect(client.calls.map((call) => call.method)).to.include('sessions.review:completed');
      expect(headerStatus(el)).to.equal('completed');
      expect(q(el, '[part=review]')).to.equal(null);
    });

    it('does nothing when the host cancels the event', async () => {
      const client = fakeClient({ sessions: [sessions.reviewAssessment] });
      const { el } = await detail(sessions.reviewAssessment, { transcript: [] }, { ...reviewer, client });
      el.addEventListener('session-action', (event) => event.preventDefault(), { once: true });
      q<HTMLButtonElement>(el, '[part=reject]')!.click();
      await settle(el);
      expect(client.calls.some((call) => call.method.startsWith('sessions.review'))).to.equal(false);
      expect(headerStatus(el)).to.equal('pending_review');
    });

    it('shows the refusal when the server refuses, and fires session-action-error', async () => {
      const client = fakeClient({
        sessions: [sessions.reviewAssessment],
        refuse: { review: apiError(403, 'Only a person may review a session.') },
      });
      const { el } = await detail(sessions.reviewAssessment, { transcript: [] }, { ...reviewer, client });
      setTimeout(() => q<HTMLButtonElement>(el, '[part=reject]')!.click());
      const error = await oneEvent(el, 'session-action-error');
      expect(error.detail.action).to.equal('reject');
      await el.updateComplete;
      expect(textOf(q(el, '[part=review-error]'))).to.equal('Only a person may review a session.');
      expect(q<HTMLButtonElement>(el, '[part=reject]')!.disabled).to.equal(false);
      await expect(el).to.be.accessible();
    });
  });

  describe('loading by id', () => {
    it('loads the session, transcript and findings, with a loading state', async () => {
      const client = fakeClient({
        sessions: [sessions.reviewAssessment],
        transcripts: { [sessions.reviewAssessment.id]: transcript.slice(0, 2) },
        executions: { [sessions.reviewAssessment.id]: executions },
        insights: { [sessions.reviewAssessment.id]: insights },
        hold: true,
      });
      const { el } = await mount<SessionDetail>(
        html`<session-detail session-id=${sessions.reviewAssessment.id}></session-detail>`,
        { client },
      );
      expect(q(el, '[aria-busy=true]')).to.not.equal(null);
      await expect(el).to.be.accessible();
      client.release();
      await settle(el);
      client.release();
      await settle(el);
      expect(textOf(q(el, 'h2'))).to.equal('Disk pressure triage');
      expect(qa(el, '[part=entry]').length).to.equal(2);
      expect(client.calls.map((call) => call.method).sort()).to.deep.equal([
        'sessions.executions',
        'sessions.get',
        'sessions.insights',
        'sessions.transcript',
      ]);
    });

    it('says when a session is not there, and offers retry on failure', async () => {
      const missing = await mount<SessionDetail>(
        html`<session-detail session-id="ses_nope"></session-detail>`,
        {
          client: fakeClient({}),
        },
      );
      await settle(missing.el);
      expect(textOf(q(missing.el, '[part=base]'))).to.equal(
        'This session does not exist, or you may not see it.',
      );
      const data = {
        sessions: [sessions.endedChat],
        failReads: apiError(500, 'Database unavailable') as unknown,
      };
      const client = fakeClient(data);
      const { el } = await mount<SessionDetail>(
        html`<session-detail session-id=${sessions.endedChat.id}></session-detail>`,
        { client },
      );
      await settle(el);
      expect(textOf(q(el, '[part=base]'))).to.equal(
        'The session could not be loaded: Database unavailable Retry',
      );
      await expect(el).to.be.accessible();
      data.failReads = undefined;
      q<HTMLButtonElement>(el, 'button')!.click();
      await settle(el);
      await settle(el);
      expect(textOf(q(el, 'h2'))).to.equal('Why is the export slow?');
    });
  });

  it('renders hostile strings inert', async () => {
    const hostileTranscript = [
      TranscriptEntry.parse({
        seq: 1,
        at: hostileSession.createdAt,
        type: 'message',
        role: 'user',
        text: hostile.script,
      }),
      TranscriptEntry.parse({
        seq: 2,
        at: hostileSession.createdAt,
        type: 'file_edit',
        path: hostile.rtl,
        before: hostile.html,
        after: hostile.script,
      }),
    ];
    const { el } = await detail(
      { ...hostileSession, title: hostile.megabyte },
      { transcript: hostileTranscript },
    );
    expect(el.shadowRoot!.querySelectorAll('script, img, b').length).to.equal(0);
    expect(textOf(q(el, '[part=transcript]'))).to.include('<script>window.__lensPwned=1</script>');
    expect(q(el, 'h2')!.textContent!.length).to.be.lessThan(2100);
    expect((window as { __lensPwned?: number }).__lensPwned).to.equal(undefined);
    el.activeTab = 'metadata';
    await el.updateComplete;
    expect(textOf(q(el, '[role=tabpanel]:not([hidden])'))).to.include('<script>');
    await expect(el).to.be.accessible();
  });
});
