/**
 * Small formatting helpers private to the elements. Anything a non-UI consumer could want lives
 * in `@session-lens/sdk`'s helpers instead; these only shape labels for display.
 */
import { dateTimeFormat, numberFormat, type Session } from '@session-lens/sdk';
import { resolveLocale } from '../base/locale-controller.js';

/** The short id shown under a title: the id without its type prefix, at most 8 characters. */
export function shortId(id: string): string {
  const bare = id.includes('_') ? id.slice(id.lastIndexOf('_') + 1) : id;
  return bare.slice(0, 8);
}

/** Up to two initials for an avatar fallback ("Sarah Chen" → "SC"). */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words.slice(0, 1);
  return letters
    .map((word) => Array.from(word ?? '')[0] ?? '')
    .join('')
    .toLocaleUpperCase();
}

/** What a kind is called, for glyph labels and headings, in the given words. */
export function kindLabel(
  session: Pick<Session, 'kind' | 'chatMode'>,
  words: { flow: string; task: string; chat: string; ask: string; assessment: string },
): string {
  if (session.kind === 'chat' && session.chatMode === 'ask') return words.ask;
  return words[session.kind];
}

/**
 * A URL safe to put in an `href` or `src`: only absolute http(s) URLs pass; anything else
 * (`javascript:`, `data:`, relative paths that would resolve against the host page) is dropped.
 */
export function safeHttpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The locale an element formats in: the nearest `lang` (crossing shadow roots), else the browser's.
 * This walks the tree on every call: an element should read its observed `locale.lang` instead.
 */
export function localeOf(element: Element): string | undefined {
  return resolveLocale(element).lang;
}

/**
 * A one-line message for an error a person should read: the server's problem detail or title
 * when there is one (the SDK's `APIError` carries it), else the error's own message.
 */
export function errorMessage(error: unknown, fallback = 'Something went wrong.'): string {
  if (typeof error === 'object' && error !== null) {
    const problem = (error as { problem?: { detail?: unknown; title?: unknown } }).problem;
    if (typeof problem?.detail === 'string' && problem.detail) return problem.detail;
    if (typeof problem?.title === 'string' && problem.title) return problem.title;
    const message = (error as { message?: unknown }).message;
    if (typeof message === 'string' && message) return message;
  }
  return fallback;
}

/** The HTTP status of an SDK error, if it has one. */
export function errorStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

// Formatters come from the SDK's bounded cache: building one costs far more than using it, and
// rows format on every scroll frame.

/** A compact count ("128.4k"), for metric tiles. */
export function compactNumber(value: number, locale: string | undefined): string {
  return numberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/** A whole number with digit grouping. */
export function formatCount(value: number, locale: string | undefined): string {
  return numberFormat(locale).format(value);
}

/** A date and time as a person reads it ("Nov 21, 2026, 9:00 AM"). */
export function formatDateTime(at: string, locale: string | undefined): string {
  const date = new Date(at);
  if (Number.isNaN(+date)) return at;
  return dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/**
 * Caps text shown in a compact place (a row title), so a megabyte title costs a row no more
 * layout than a long one. Never splits a surrogate pair.
 */
export function clampText(text: string, max = 500): string {
  if (text.length <= max) return text;
  let end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}
