import { STATUSES_BY_TONE, type Tone } from '../contract/status.js';

const TONE_BY_STATUS: ReadonlyMap<string, Tone> = new Map(
  Object.entries(STATUSES_BY_TONE).flatMap(([tone, statuses]) =>
    statuses.map((status) => [status, tone as Tone] as const),
  ),
);

/**
 * The tone a status maps to (S2). A status this client does not know maps to `neutral`, so a
 * newer server never breaks an older client.
 */
export function toneOf(status: string): Tone {
  return TONE_BY_STATUS.get(status) ?? 'neutral';
}

/** Whether this client knows the status (an unknown one renders with its raw label). */
export function isKnownStatus(status: string): boolean {
  return TONE_BY_STATUS.has(status);
}
