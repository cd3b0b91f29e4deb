import { html, type TemplateResult } from 'lit';
import type { Session } from '@session-lens/sdk';
import { clampText, formatDateTime, kindLabel } from '../internal/format.js';
import type { DetailMessages } from '../internal/detail-messages.js';
import { statusText } from '../internal/messages.js';

/** The Metadata tab: identity, times, where the work ran and the version, as a list of facts. */
export function renderMetadataTab(
  session: Session,
  locale: string | undefined,
  words: DetailMessages,
): TemplateResult {
  const meta = session.metadata ?? {};
  const field = words.field;
  const rows: Array<[string, string | undefined]> = [
    [field.id, session.id],
    [field.kind, kindLabel(session, words.kind)],
    [field.status, statusText(words, session.status)],
    [field.created, formatDateTime(session.createdAt, locale)],
    [field.lastMoved, formatDateTime(session.updatedAt, locale)],
    [field.ended, session.endedAt ? formatDateTime(session.endedAt, locale) : undefined],
    [field.model, meta.model],
    [field.runtime, meta.runtime],
    [field.sandbox, meta.sandbox],
    [field.profile, meta.profile],
    [field.origin, meta.origin ? (words.origin[meta.origin] ?? meta.origin) : undefined],
    [field.host, session.agent?.hostname],
    [field.playbook, session.playbook],
    [field.version, String(session.version)],
  ];
  return html`<dl class="summary">
    ${rows
      .filter((row): row is [string, string] => row[1] !== undefined)
      .map(
        ([label, value]) =>
          html`<div>
            <dt>${label}</dt>
            <dd class="text">${clampText(value, 500)}</dd>
          </div>`,
      )}
  </dl>`;
}
