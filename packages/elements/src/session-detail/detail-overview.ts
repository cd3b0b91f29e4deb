import { html, nothing, type TemplateResult } from 'lit';
import { costCaption, elapsedBetween, isActive, type Link, type Session } from '@session-lens/sdk';
import { clampText, formatCount, formatDateTime, safeHttpUrl } from '../internal/format.js';
import type { DetailMessages } from '../internal/detail-messages.js';

/** What the overview of a session reads besides the session. */
export type OverviewContext = {
  readonly now: number;
  readonly locale: string | undefined;
  readonly words: DetailMessages;
};

/** A flow's run timeline: each step with its status and elapsed time. */
export function renderTimeline(session: Session, view: OverviewContext): TemplateResult | typeof nothing {
  const steps = session.progress.steps;
  if (session.kind !== 'flow' || !steps?.length) return nothing;
  const { now, locale, words } = view;
  return html`<section aria-labelledby="timeline-heading">
    <h3 id="timeline-heading">${words.runTimeline}</h3>
    <ol part="timeline" class="timeline">
      ${steps.map(
        (step) =>
          html`<li>
            <status-pill status=${step.status}></status-pill>
            <span class="text">${clampText(step.name, 300)}</span>
            <span class="muted"
              >${step.startedAt ? elapsedBetween(step.startedAt, step.endedAt, now, locale) : words.stepNotStarted}</span
            >
          </li>`,
      )}
    </ol>
  </section>`;
}

function renderLink(link: Link): TemplateResult {
  const href = safeHttpUrl(link.url);
  const title = clampText(link.title, 300);
  return href
    ? html`<a class="text" href=${href} target="_blank" rel="noopener noreferrer">${title}</a>`
    : html`<span class="text">${title}</span>`;
}

const text = (value: string, max = 300): TemplateResult =>
  html`<span class="text">${clampText(value, max)}</span>`;

/** The counts a session's kind has: messages, turns, an assessment's host and findings, tool calls. */
function countRows(
  session: Session,
  locale: string | undefined,
  words: DetailMessages,
): Array<[string, TemplateResult | string]> {
  const field = words.field;
  const { progress, counts } = session;
  const rows: Array<[string, TemplateResult | string]> = [];
  if (session.kind === 'chat') rows.push([field.messages, formatCount(progress.messages ?? 0, locale)]);
  if (session.kind === 'task') rows.push([field.turns, formatCount(progress.turns ?? 0, locale)]);
  if (session.kind === 'assessment') {
    if (session.agent) rows.push([field.host, text(session.agent.hostname)]);
    if (session.playbook) rows.push([field.playbook, text(session.playbook)]);
    rows.push([field.executions, formatCount(counts?.executions ?? progress.executions ?? 0, locale)]);
    if (counts) rows.push([field.insights, formatCount(counts.insights, locale)]);
  }
  if (counts && session.kind !== 'assessment')
    rows.push([field.toolCalls, formatCount(counts.toolCalls, locale)]);
  return rows;
}

/**
 * The summary card: owner, start, duration, the counts of its kind, model, cost, and links to the
 * initiative, plan, repository, branch and pull request.
 */
export function renderSummary(session: Session, view: OverviewContext): TemplateResult {
  const { now, locale, words } = view;
  const field = words.field;
  const end = session.endedAt ?? (isActive(session, now) ? undefined : session.updatedAt);
  const rows: Array<[string, TemplateResult | string]> = [
    [field.owner, text(session.owner.name, 200)],
    [field.started, formatDateTime(session.createdAt, locale)],
    [field.duration, elapsedBetween(session.createdAt, end, now, locale)],
    ...countRows(session, locale, words),
  ];
  if (session.metadata?.model) rows.push([field.model, text(session.metadata.model)]);
  const caption = costCaption(session.cost, locale);
  if (caption) rows.push([field.cost, caption]);
  const links = session.links ?? {};
  const named: Array<[string, Link | undefined]> = [
    [field.initiative, links.initiative],
    [field.plan, links.plan],
    [field.repository, links.repository],
    [field.branch, links.branch],
    [field.pullRequest, links.pullRequest],
  ];
  for (const [label, link] of named) if (link) rows.push([label, renderLink(link)]);
  return html`<dl part="summary" class="summary">
    ${rows.map(
      ([label, value]) =>
        html`<div>
          <dt>${label}</dt>
          <dd>${value}</dd>
        </div>`,
    )}
  </dl>`;
}
