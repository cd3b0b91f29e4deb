import type { TranscriptEntryInput } from '@session-lens/sdk';
import { HttpProblem } from '../http/problem.js';

type RedactEntry = <T extends TranscriptEntryInput>(entry: T) => Promise<T>;

// The redaction module is being built alongside this one (packages/server/src/redaction). It is
// loaded by a computed specifier until it lands, so this package builds either way; when it is
// missing, ingestion refuses transcript entries rather than store them unredacted (X4).
const REDACTION_MODULE = '../redaction/index.js';
let loaded: Promise<RedactEntry | undefined> | undefined;

function load(): Promise<RedactEntry | undefined> {
  loaded ??= import(REDACTION_MODULE).then(
    (module: { redactEntry?: RedactEntry }) => module.redactEntry,
    () => undefined,
  );
  return loaded;
}

/** Redacts credentials in every entry (X4) before anything is stored. */
export async function redactEntries<T extends TranscriptEntryInput>(entries: readonly T[]): Promise<T[]> {
  if (entries.length === 0) return [];
  const redactEntry = await load();
  if (!redactEntry) {
    throw new HttpProblem(503, 'redaction-unavailable', 'Credential redaction is unavailable; transcript entries are not stored unredacted.');
  }
  return Promise.all(entries.map((entry) => redactEntry(entry)));
}
