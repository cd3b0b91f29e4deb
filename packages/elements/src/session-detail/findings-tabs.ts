import { html, type TemplateResult } from 'lit';
import { elapsed, type Execution, type Insight } from '@session-lens/sdk';
import type { DetailMessages } from '../internal/detail-messages.js';

/** An assessment's Executions tab: each command with its capability, exit code, duration and output. */
export function renderExecutionsTab(
  executions: readonly Execution[],
  locale: string | undefined,
  words: DetailMessages,
): TemplateResult {
  if (executions.length === 0) return html`<p class="muted">${words.noExecutions}</p>`;
  return html`<table>
    <caption class="visually-hidden">
      ${words.detailTabs.executions}
    </caption>
    <thead>
      <tr>
        <th scope="col">${words.command}</th>
        <th scope="col">${words.capability}</th>
        <th scope="col">${words.exitCode}</th>
        <th scope="col">${words.field.duration}</th>
      </tr>
    </thead>
    <tbody>
      ${executions.map(
        (execution) =>
          html`<tr>
            <td>
              <code class="text">${execution.command}</code>
              <details>
                <summary>${words.output}</summary>
                <pre>${execution.output}</pre>
              </details>
            </td>
            <td class="text">${execution.capability}</td>
            <td>${execution.exitCode === null ? words.running : String(execution.exitCode)}</td>
            <td>${elapsed(execution.durationMs, locale)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** An assessment's Insights tab: each finding with its severity, state, title and detail. */
export function renderInsightsTab(insights: readonly Insight[], words: DetailMessages): TemplateResult {
  if (insights.length === 0) return html`<p class="muted">${words.noInsights}</p>`;
  return html`<ul class="entries">
    ${insights.map(
      (insight) =>
        html`<li class="entry">
          <div class="entry-head">
            <span class="severity" data-severity=${insight.severity}>${insight.severity}</span>
            <span>${insight.state === 'open' ? words.insightOpen : words.insightResolved}</span>
          </div>
          <strong class="text">${insight.title}</strong>
          <p class="message-text text">${insight.detail}</p>
        </li>`,
    )}
  </ul>`;
}
