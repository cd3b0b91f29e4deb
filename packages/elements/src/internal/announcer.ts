/**
 * Polite, throttled announcements of status changes (E10).
 *
 * One live region per document, not one per row: a busy list would otherwise talk over itself.
 * Messages that arrive within the throttle window are coalesced; when more than a few status
 * changes pile up, the region says how many sessions changed instead of reading each one.
 */
const THROTTLE_MS = 2_000;
const MAX_ITEMIZED = 3;

let region: HTMLElement | undefined;
/** What waits for the next flush; `many` words the summary of a burst of its kind (status changes). */
let queue: { text: string; many?: (count: number) => string }[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;
let lastFlush = 0;

function liveRegion(): HTMLElement {
  if (region?.isConnected) return region;
  region = document.createElement('div');
  region.setAttribute('role', 'status');
  region.setAttribute('aria-live', 'polite');
  region.setAttribute('aria-atomic', 'true');
  region.dataset['sessionLensAnnouncer'] = '';
  // Visually hidden, still read: the clip pattern, inline so no stylesheet is needed.
  Object.assign(region.style, {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: '0',
  });
  document.body.append(region);
  return region;
}

function flush(): void {
  timer = undefined;
  lastFlush = Date.now();
  const messages = queue;
  queue = [];
  if (messages.length === 0) return;
  // A long burst of status changes is summed up; other messages (a result count, new entries)
  // are read as they are, and never counted as status changes.
  const burst = messages.filter((message) => message.many);
  const texts =
    burst.length > MAX_ITEMIZED
      ? [burst[burst.length - 1]!.many!(burst.length), ...messages.filter((m) => !m.many).map((m) => m.text)]
      : messages.map((message) => message.text);
  liveRegion().textContent = texts.join(' ');
}

/**
 * Queues a polite announcement; at most one reaches assistive technology per throttle window.
 * `manyChanged` words the summary read when a burst is too long to itemize (in the caller's language).
 */
export function announce(message: string, manyChanged?: (count: number) => string): void {
  queue.push({ text: message, many: manyChanged });
  if (timer !== undefined) return;
  const wait = Math.max(0, lastFlush + THROTTLE_MS - Date.now());
  // Even the first message waits a moment, so a burst of changes is read as one.
  timer = setTimeout(flush, Math.max(wait, 250));
}

/** The live region's current text (tests read it). */
export function announcement(): string {
  return region?.textContent ?? '';
}
