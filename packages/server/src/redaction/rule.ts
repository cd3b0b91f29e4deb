import type { Finding } from './finding.js';

/**
 * One rule of our own (see README.md, "What we added"). Every pattern that can run long starts
 * with a look-behind for a token boundary, so scanning stays linear in the input even for
 * adversarial text (a start inside a run of token characters is rejected at once).
 */
export type GapRule = {
  /** The kind the marker names, unless {@link GapRule.kindOf} names another. */
  readonly kind: string;
  /** A global pattern; with the `d` flag when {@link GapRule.group} is set. */
  readonly pattern: RegExp;
  /**
   * Redact only this capture group (the secret), keeping the context that located it; with
   * several, the first that took part in the match.
   */
  readonly group?: number | readonly number[];
  /** Redact from this group's start to the match's end (a group inside a look-behind). */
  readonly from?: number;
  readonly priority: number;
  /**
   * Literal pieces the text must hold one of for the rule to match: checked with `includes`
   * (fast) before the pattern runs, since most texts hold no candidate at all.
   */
  readonly needs?: readonly string[];
  /** Further checks on the redacted value (and its match and text), to keep look-alikes out. */
  readonly accept?: (value: string, match: RegExpMatchArray, text: string) => boolean;
  /** A more precise kind for this match (e.g. from the name a value is assigned to). */
  readonly kindOf?: (value: string, match: RegExpMatchArray, text: string) => string;
};

/** Runs `rules` over `text`. Never throws: a rule that fails on some input is skipped for it. */
export const runRules = (rules: readonly GapRule[], text: string, findings: Finding[]): void => {
  for (const rule of rules) {
    if (rule.needs && !rule.needs.some((piece) => text.includes(piece))) continue;
    try {
      for (const match of text.matchAll(rule.pattern)) {
        const group =
          typeof rule.group === 'number' ? rule.group : rule.group?.find((g) => match[g] !== undefined);
        const [start, end] =
          group !== undefined
            ? (match.indices?.[group] ?? [])
            : rule.from !== undefined
              ? [match.indices?.[rule.from]?.[0], match.index + match[0].length]
              : [match.index, match.index + match[0].length];
        if (start === undefined || end === undefined || start >= end) continue;
        const value = text.slice(start, end);
        if (rule.accept && !rule.accept(value, match, text)) continue;
        const kind = rule.kindOf?.(value, match, text) ?? rule.kind;
        findings.push({ start, end, kind, priority: rule.priority });
      }
    } catch {
      // A failing rule must not stop ingestion; the remaining rules still run.
    }
  }
};

/** Values that stand for a secret rather than being one: `${DB_PASSWORD}`, `<password>`, `****`. */
export const isPlaceholder = (value: string): boolean =>
  /^(?:\$|<|\{\{|%s$|%\(|x+$|\[REDACTED)/i.test(value) || /\.\.\.|…|x{4,}|\*{3,}/i.test(value);

/** Shannon-style variety check: at least `distinct` different characters. */
export const hasVariety = (value: string, distinct: number): boolean => new Set(value).size >= distinct;
