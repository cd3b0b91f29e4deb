import type { Session } from '../contract/session.js';
import { toneOf } from './tone.js';
import { countLabel, messagesFor } from './messages.js';
import { numberFormat } from './intl-cache.js';

/**
 * The index of a flow's current step: the first step that has not settled, or the last step
 * when every one has. -1 when there are no steps.
 */
export function currentStepIndex(steps: NonNullable<Session['progress']['steps']>): number {
  if (steps.length === 0) return -1;
  const open = steps.findIndex((step) => toneOf(step.status) !== 'settled');
  return open === -1 ? steps.length - 1 : open;
}

/**
 * A short progress label for any kind (S3): a flow's "Step 2 of 5", a task's "12 turns", a
 * chat's "8 messages", an assessment's "14 executions". Locale-aware.
 */
export function progressLabel(session: Pick<Session, 'kind' | 'progress'>, locale?: string): string {
  const words = messagesFor(locale);
  const { progress } = session;
  switch (session.kind) {
    case 'flow': {
      const steps = progress.steps ?? [];
      if (steps.length === 0) return words.noSteps;
      const format = numberFormat(locale);
      return words.step(format.format(currentStepIndex(steps) + 1), format.format(steps.length));
    }
    case 'task':
      return countLabel(words.turns, progress.turns ?? 0, locale);
    case 'chat':
      return countLabel(words.messages, progress.messages ?? 0, locale);
    case 'assessment':
      return countLabel(words.executions, progress.executions ?? 0, locale);
  }
}
