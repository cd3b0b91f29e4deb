import { html, type TemplateResult } from 'lit';
import type { FindWords, RangePreset } from '../internal/messages.js';

/** The presets, shortest first: `since` durations back from now (A11). */
export const RANGE_PRESETS: readonly RangePreset[] = ['PT1H', 'P1D', 'P7D', 'P30D'];

/** A time range as the list keeps it: the API's `since` / `until` ('' for unset). */
export type TimeRange = { since: string; until: string };

/** Which option a range shows: '' for any time, a preset, or 'custom' for anything else. */
export function rangeChoice(range: TimeRange): '' | RangePreset | 'custom' {
  if (!range.since && !range.until) return '';
  if (!range.until && (RANGE_PRESETS as readonly string[]).includes(range.since)) {
    return range.since as RangePreset;
  }
  return 'custom';
}

/**
 * The time range select (part `range`): Any time, the presets, and — when the range came from
 * a URL, a view or code with instants — "Custom range" showing that it is narrowed otherwise.
 */
export function renderRangeControl(
  words: FindWords,
  range: TimeRange,
  onChange: (range: TimeRange) => void,
): TemplateResult {
  const choice = rangeChoice(range);
  const change = (event: Event) => {
    const value = (event.target as HTMLSelectElement).value;
    if (value !== 'custom') onChange({ since: value, until: '' });
  };
  return html`<select part="range" aria-label=${words.range} @change=${change}>
    <option value="" ?selected=${choice === ''}>${words.anyTime}</option>
    ${RANGE_PRESETS.map(
      (preset) =>
        html`<option value=${preset} ?selected=${choice === preset}>${words.presets[preset]}</option>`,
    )}
    ${choice === 'custom' ? html`<option value="custom" selected disabled>${words.custom}</option>` : ''}
  </select>`;
}
