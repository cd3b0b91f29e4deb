import type { Finding } from './finding.js';
import { findWithGapRules } from './gap-rules.js';
import { findWithSecretlint } from './secretlint-rules.js';

/**
 * The shortest string any rule can match (`ab://:p@h`, a password in a URL); shorter strings are
 * returned as they are without scanning, which matters for tool-call JSON full of short values.
 */
const SHORTEST_SECRET = 9;

/** What replaces a string whose scan failed unexpectedly: unscanned text is not stored. */
const UNSCANNED = '[REDACTED:unscanned]';

/** The marker that replaces a secret of `kind`; it names the kind, never the value. */
export const marker = (kind: string): string => `[REDACTED:${kind}]`;

/**
 * Merges overlapping findings (two rules can see the same secret, or one secret inside another)
 * into disjoint ranges, each named by its highest-priority finding, the longest on a tie.
 */
const mergeFindings = (findings: readonly Finding[]): Finding[] => {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Finding[] = [];
  for (const finding of sorted) {
    const last = merged.at(-1);
    if (!last || finding.start >= last.end) {
      merged.push(finding);
      continue;
    }
    const namer =
      finding.priority > last.priority ||
      (finding.priority === last.priority && finding.end - finding.start > last.end - last.start)
        ? finding
        : last;
    merged[merged.length - 1] = {
      start: last.start,
      end: Math.max(last.end, finding.end),
      kind: namer.kind,
      priority: namer.priority,
    };
  }
  return merged;
};

const applyFindings = (text: string, findings: readonly Finding[]): string => {
  if (findings.length === 0) return text;
  let out = '';
  let cursor = 0;
  for (const finding of mergeFindings(findings)) {
    out += text.slice(cursor, finding.start) + marker(finding.kind);
    cursor = finding.end;
  }
  return out + text.slice(cursor);
};

/**
 * Replaces every secret in `text` with `[REDACTED:<kind>]`. Passwords in connection strings are
 * replaced alone, so `postgres://app:s3cr3t@db/x` becomes
 * `postgres://app:[REDACTED:connection-string-password]@db/x`. Text without secrets is returned
 * unchanged, byte for byte.
 *
 * Detection is secretlint's recommended rule preset plus narrow rules of our own for the kinds it
 * misses (see README.md). Never rejects: a non-string is returned as it came, and if scanning
 * fails unexpectedly the whole string is replaced by `[REDACTED:unscanned]`, since text that could
 * not be checked must not be stored.
 *
 * @param text - any string: a message, a file's contents, a tool's output
 * @returns the text with its secrets replaced
 */
export const redactText = async (text: string): Promise<string> => {
  if (typeof text !== 'string' || text.length < SHORTEST_SECRET) return text;
  try {
    const findings = [...(await findWithSecretlint(text)), ...findWithGapRules(text)];
    return applyFindings(text, findings);
  } catch {
    return UNSCANNED;
  }
};
