import * as z from 'zod/mini';

/**
 * The tone a status maps to. Tone is the only thing a status colour depends on (S2).
 * `neutral` is for any status this client does not know yet.
 */
export const Tone = z.enum(['live', 'queued', 'waiting', 'settled', 'problem', 'neutral']);
export type Tone = z.infer<typeof Tone>;

/** Every status this version of the contract knows, grouped by the tone it maps to (S2). */
export const STATUSES_BY_TONE = {
  live: ['running', 'provisioning', 'streaming'],
  queued: ['pending', 'queued'],
  waiting: ['paused', 'blocked', 'waiting', 'interrupted', 'pending_review'],
  settled: ['completed', 'merged', 'reviewed', 'ended', 'skipped', 'cancelled'],
  problem: ['failed', 'rejected', 'discarded'],
} as const;

type KnownStatusTuple = (typeof STATUSES_BY_TONE)[keyof typeof STATUSES_BY_TONE];

/** A status the contract knows. */
export type KnownStatus = KnownStatusTuple[number];

/** Every known status, in tone order. */
export const KNOWN_STATUSES: readonly KnownStatus[] = Object.values(STATUSES_BY_TONE).flat();

/**
 * A session status on the wire. Any non-empty string parses: a newer server may send a status
 * this client does not know, and it must render with its raw label and a neutral tone.
 * The type keeps editor completion for the known values.
 */
// `string & {}` keeps the known literals visible in completion while accepting any string.

export const SessionStatus = z.string().check(z.minLength(1), z.maxLength(64)) as unknown as z.ZodMiniType<
  KnownStatus | (string & {}),
  KnownStatus | (string & {})
>;
export type SessionStatus = z.infer<typeof SessionStatus>;
