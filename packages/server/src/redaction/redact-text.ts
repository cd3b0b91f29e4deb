import { SEPARATOR, type Finding } from './finding.js';
import { findWithGapRules } from './gap-rules.js';
import { findWithSecretlint } from './secretlint-rules.js';

/** The shortest string any rule can match (`ab://:p@h`, a password in a URL). */
const SHORTEST_SECRET = 9;

/**
 * A necessary condition for any rule to match, checked before the full scan because most strings
 * in tool-call JSON are short values (`true`, `src/a.ts`, `pnpm test`) and the full scan has a
 * fixed cost of tens of microseconds. Every rule needs one of: a run of 16 or more token
 * characters (all format-based tokens are 20+ characters, separators included), a URL (passwords
 * in URLs can be short), a PEM header, an npm credential key, a secret-looking name (`pass`,
 * `pwd`, `secret`, `token`, `key`; Authorization holds `auth`) or a command that takes a
 * password (curl, mysql, sshpass, docker login).
 * Keep it in step with the rules: the gate test in redact-text.test.ts runs every fake secret
 * through it.
 */
const MIGHT_HOLD_SECRET =
  /[A-Za-z0-9_+/=.~%-]{16}|:\/\/|PRIVATE KEY|_auth|Authorization|pass|pwd|secret|token|key\b|api-?key|curl|mysql|sshpass|docker/i;

/** @internal Exported for the gate test only. */
export const mightHoldSecret = (text: string): boolean => MIGHT_HOLD_SECRET.test(text);

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

/**
 * A found value that is a placeholder written in a token's shape (`glpat-XXXXXXXXXXXXXXXXXXXX`,
 * `xoxb-xxxxxxxxx-…`, `sk-****`): runs like these do not occur in random tokens.
 */
const PLACEHOLDER_RUN = /x{6,}|X{6,}|\*{4,}/;

const applyFindings = (text: string, found: readonly Finding[]): string => {
  const findings = found.filter((finding) => !PLACEHOLDER_RUN.test(text.slice(finding.start, finding.end)));
  if (findings.length === 0) return text;
  let out = '';
  let cursor = 0;
  for (const finding of mergeFindings(findings)) {
    out += text.slice(cursor, finding.start) + marker(finding.kind);
    cursor = finding.end;
  }
  return out + text.slice(cursor);
};

/** A string to redact, and the text it is scanned after (for a JSON value, its key). */
export type ScanItem = { readonly text: string; readonly context: string };

/*
 * The strings of one batch are joined with SEPARATOR. A line break stops every rule's match
 * except the GCP rule's (a quoted JSON string); a match that runs past a separator anyway is cut
 * at it, so nothing found in one string is ever applied to the next.
 */

/**
 * Redacts several strings with one scan: each is scanned after its context (`"AWS_SECRET_ACCESS_KEY": `)
 * so that rules anchored on a name see it, and the context is never changed or returned. One
 * scan of the joined text costs far less than one per string, since most of a scan's cost is
 * fixed. Returns the redacted strings in order.
 */
export const redactMany = async (items: readonly ScanItem[]): Promise<string[]> => {
  const results = items.map((item) => item.text);
  // Where each scanned string starts in the joined text, and where its own text starts.
  const segments: { index: number; start: number; textStart: number; end: number }[] = [];
  let joined = '';
  items.forEach(({ text, context }, index) => {
    if (typeof text !== 'string' || text.length < SHORTEST_SECRET) return;
    const scanned = context + text;
    if (!mightHoldSecret(scanned)) return;
    if (joined.length > 0) joined += SEPARATOR;
    segments.push({
      index,
      start: joined.length,
      textStart: joined.length + context.length,
      end: joined.length + scanned.length,
    });
    joined += scanned;
  });
  if (segments.length === 0) return results;

  try {
    const findings = [...(await findWithSecretlint(joined)), ...findWithGapRules(joined)];
    const perSegment = segments.map((): Finding[] => []);
    for (const finding of findings) {
      // The segment the finding starts in: the last one starting at or before it.
      let low = 0;
      let high = segments.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (segments[middle]!.start <= finding.start) low = middle;
        else high = middle - 1;
      }
      const segment = segments[low]!;
      // Back to offsets in the segment's text: what lies only in the context (a key) or past
      // the segment's end stays as it is.
      const start = Math.max(finding.start, segment.textStart) - segment.textStart;
      const end = Math.min(finding.end, segment.end) - segment.textStart;
      if (end > start) perSegment[low]!.push({ ...finding, start, end });
    }
    segments.forEach((segment, position) => {
      results[segment.index] = applyFindings(items[segment.index]!.text, perSegment[position]!);
    });
  } catch {
    for (const segment of segments) results[segment.index] = UNSCANNED;
  }
  return results;
};

/** Redacts one string scanned after `context`; see {@link redactMany}. */
export const redactWithContext = async (text: string, context = ''): Promise<string> =>
  (await redactMany([{ text, context }]))[0] ?? text;

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
export const redactText = (text: string): Promise<string> => redactWithContext(text);
