import type { TranscriptEntryInput } from '@session-lens/sdk';
import { redactEntry } from '../redaction/index.js';

/** Redacts credentials in every entry (X4) before anything is stored. */
export async function redactEntries<T extends TranscriptEntryInput>(entries: readonly T[]): Promise<T[]> {
  if (entries.length === 0) return [];
  return Promise.all(entries.map((entry) => redactEntry(entry)));
}
