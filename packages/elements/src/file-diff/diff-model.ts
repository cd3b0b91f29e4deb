import { diffArrays } from 'diff/lib/diff/array.js';

/**
 * The limits of a file diff (E13), each with its number:
 * - `summaryLines` / `summaryChars`: a file edit with more lines (before and after together) or
 *   more characters than this is summarized, and diffed only when the reader asks;
 * - `maxEdit`: the most line insertions plus removals the diff looks for; a pair of files further
 *   apart than that is shown as "too different to diff" instead of blocking the page;
 * - `wordChars`: lines longer than this get no word-level highlights;
 * - `context`: unchanged lines kept around each change; longer unchanged runs are collapsed.
 */
export const DIFF_LIMITS = {
  summaryLines: 4000,
  summaryChars: 400_000,
  maxEdit: 4000,
  wordChars: 500,
  context: 3,
} as const;

/** A stretch of one line's text, changed (`true`) or common to both sides. */
export type WordSegment = readonly [changed: boolean, text: string];

/** One line of a diff: unchanged (`' '`), added (`'+'`) or removed (`'-'`), with its numbers. */
export type DiffLine = {
  readonly kind: ' ' | '+' | '-';
  /** Its number in the file before (removed and unchanged lines). */
  readonly old?: number;
  /** Its number in the file after (added and unchanged lines). */
  readonly new?: number;
  readonly text: string;
  /** Word-level segments, when the line was changed into (or from) a similar one. */
  words?: WordSegment[];
};

/** Lines shown, or a run of unchanged lines collapsed until expanded. */
export type DiffBlock = { readonly lines: DiffLine[]; readonly collapsed: boolean };

/** A computed file diff: its blocks, and how many lines were added and removed. */
export type FileDiffModel = {
  readonly blocks: DiffBlock[];
  readonly added: number;
  readonly removed: number;
};

/** A file's lines; a final newline ends the last line rather than starting an empty one. */
export function splitLines(text: string | null): string[] {
  if (!text) return [];
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Whether an edit is too big to diff before the reader asks (see {@link DIFF_LIMITS}). */
export function isHugeEdit(before: string | null, after: string | null): boolean {
  const chars = (before?.length ?? 0) + (after?.length ?? 0);
  if (chars > DIFF_LIMITS.summaryChars) return true;
  return splitLines(before).length + splitLines(after).length > DIFF_LIMITS.summaryLines;
}

const WORD = /[\p{L}\p{N}_]+|\s+|[^\p{L}\p{N}_\s]/gu;

/** Marks the words that differ between a removed line and the added line it became. */
function markWords(removed: DiffLine, added: DiffLine): void {
  if (removed.text.length > DIFF_LIMITS.wordChars || added.text.length > DIFF_LIMITS.wordChars) return;
  const changes = diffArrays(removed.text.match(WORD) ?? [], added.text.match(WORD) ?? []);
  // Lines with no word in common are a rewrite: highlighting all of it says nothing.
  if (!changes.some((change) => !change.added && !change.removed && change.value.join('').trim())) return;
  const side = (skip: 'added' | 'removed'): WordSegment[] =>
    changes
      .filter((change) => !change[skip])
      .map((change) => [change.added || change.removed, change.value.join('')]);
  removed.words = side('added');
  added.words = side('removed');
}

/** Pairs each run of removed lines with the added run right after it, line by line. */
function pairRuns(lines: DiffLine[]): void {
  for (let index = 0; index < lines.length;) {
    let removedEnd = index;
    while (lines[removedEnd]?.kind === '-') removedEnd += 1;
    let addedEnd = removedEnd;
    while (lines[addedEnd]?.kind === '+') addedEnd += 1;
    const pairs = Math.min(removedEnd - index, addedEnd - removedEnd);
    for (let pair = 0; pair < pairs; pair += 1) {
      markWords(lines[index + pair] as DiffLine, lines[removedEnd + pair] as DiffLine);
    }
    index = Math.max(addedEnd, index + 1);
  }
}

/** Splits the lines into shown blocks and collapsed runs of unchanged lines beyond the context. */
function collapse(lines: DiffLine[], context: number): DiffBlock[] {
  const blocks: DiffBlock[] = [];
  let start = 0;
  const push = (end: number, collapsed: boolean) => {
    if (end > start) blocks.push({ lines: lines.slice(start, end), collapsed });
    start = end;
  };
  for (let index = 0; index <= lines.length; index += 1) {
    if (index < lines.length && lines[index]?.kind === ' ') continue;
    // [runStart, index) is a run of unchanged lines; keep `context` of them next to each change.
    let runStart = index;
    while (runStart > 0 && lines[runStart - 1]?.kind === ' ') runStart -= 1;
    const keepBefore = runStart === 0 ? 0 : context;
    const keepAfter = index === lines.length ? 0 : context;
    // Collapsing fewer than two lines saves nothing.
    if (index - runStart - keepBefore - keepAfter > 1) {
      push(runStart + keepBefore, false);
      push(index - keepAfter, true);
    }
  }
  push(lines.length, false);
  return blocks;
}

/**
 * The line diff of a file edit with the `diff` package: numbered lines, word-level segments on
 * changed pairs, unchanged runs collapsed beyond `context` lines. `before` null is a created file,
 * `after` null a deleted one. Undefined when the files are further apart than `maxEdit`.
 */
export function diffFile(
  before: string | null,
  after: string | null,
  context: number = DIFF_LIMITS.context,
): FileDiffModel | undefined {
  const [a, b] = [splitLines(before), splitLines(after)];
  // A created or deleted file is one run: nothing to search for, whatever its length.
  const changes =
    a.length && b.length
      ? diffArrays(a, b, { maxEditLength: DIFF_LIMITS.maxEdit })
      : [{ value: a.length ? a : b, added: !a.length, removed: !!a.length, count: 0 }];
  if (!changes) return undefined;
  const lines: DiffLine[] = [];
  let old = 1;
  let next = 1;
  let added = 0;
  let removed = 0;
  for (const change of changes) {
    for (const text of change.value) {
      if (change.added) {
        lines.push({ kind: '+', new: next++, text });
        added += 1;
      } else if (change.removed) {
        lines.push({ kind: '-', old: old++, text });
        removed += 1;
      } else lines.push({ kind: ' ', old: old++, new: next++, text });
    }
  }
  pairRuns(lines);
  return { blocks: collapse(lines, context), added, removed };
}

/** One row of the split view: the line before on the left, the line after on the right. */
export type SplitRow = readonly [left: DiffLine | undefined, right: DiffLine | undefined];

/** The split view's rows of a block: unchanged lines on both sides, changed runs side by side. */
export function splitRows(lines: readonly DiffLine[]): SplitRow[] {
  const rows: SplitRow[] = [];
  for (let index = 0; index < lines.length;) {
    const line = lines[index] as DiffLine;
    if (line.kind === ' ') {
      rows.push([line, line]);
      index += 1;
      continue;
    }
    const left: DiffLine[] = [];
    const right: DiffLine[] = [];
    while (lines[index]?.kind === '-') left.push(lines[index++] as DiffLine);
    while (lines[index]?.kind === '+') right.push(lines[index++] as DiffLine);
    for (let row = 0; row < Math.max(left.length, right.length); row += 1) rows.push([left[row], right[row]]);
  }
  return rows;
}
