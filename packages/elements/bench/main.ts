/**
 * The page `bench/run.mjs` drives (built with Vite in production mode, so Lit runs its production
 * build). It exposes `window.bench`; each scenario runs on a freshly loaded page.
 *
 * - `list100k()`: 100,000 sessions in a `<session-list>` through the tests' fake store: time to
 *   first rows, DOM rows against the rows that fit, frame times under a scripted fling.
 * - `liveSetup(mode)` + `liveRun()`: 10,000 sessions in the SDK's real live store (a stand-in
 *   client feeds its page and its stream), rendered by `<session-list>` (`virtual`) or by a naive
 *   Lit list that `repeat`s a `<session-row>` for every session (`naive`); then 1,000 events/s for
 *   10 s, measuring event→DOM latency on the rows in view, frames and long tasks.
 */
import { LitElement, css, html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { createLiveSessions, type LiveSessions, type Session, type StreamEvent } from '@session-lens/sdk';
import '../dist/define.js';
import type { SessionList } from '../src/session-list/session-list.js';
import { FakeLiveStore } from '../src/test/fake-store.js';
import { NOW, makeSession } from '../src/test/fixtures.js';

const stage = document.getElementById('stage')!;
const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const percentile = (values: number[], p: number): number => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const round = (value: number, digits = 1) => Number(value.toFixed(digits));

// The virtualizer's benign ResizeObserver loop notice is not a failure.
window.addEventListener('error', (event) => {
  if (String(event.message).includes('ResizeObserver loop')) event.preventDefault();
});

/** `count` completed sessions, newest first; one validated template, cheap copies after it. */
function makeSessions(count: number): Session[] {
  const template = makeSession({
    id: 'ses_bench',
    kind: 'flow',
    status: 'completed',
    title: 'Bench run',
    progress: {
      steps: [
        { name: 'Plan', status: 'completed' },
        { name: 'Implement', status: 'completed' },
        { name: 'Verify', status: 'completed' },
      ],
    },
    cost: { amountUsd: '0.42', turns: { priced: 7, estimated: 0, unpriced: 0 } },
  });
  return Array.from({ length: count }, (_, i) => {
    const at = new Date(NOW - (i + 60) * 60_000).toISOString();
    return {
      ...template,
      id: `ses_b${String(i).padStart(7, '0')}`,
      title: `Bench run ${i}`,
      createdAt: at,
      updatedAt: at,
      endedAt: at,
    };
  });
}

const rowsOf = (root: ShadowRoot | null | undefined) => [
  ...(root?.querySelectorAll<HTMLElement & { session?: Session }>('session-row') ?? []),
];

/** Scrolls `scroller` by a decaying velocity each frame and returns the frame deltas. */
async function fling(scroller: HTMLElement, direction: 1 | -1, start = 800, decay = 0.97): Promise<number[]> {
  const deltas: number[] = [];
  let velocity = start;
  let last = await frame();
  while (velocity > 2) {
    scroller.scrollTop += direction * velocity;
    velocity *= decay;
    const now = await frame();
    deltas.push(now - last);
    last = now;
  }
  return deltas;
}

async function list100kSetup() {
  const count = 100_000;
  const sessions = makeSessions(count);
  const store = new FakeLiveStore({}, sessions);
  const list = document.createElement('session-list') as SessionList;
  stage.replaceChildren(list);
  await list.updateComplete;
  // Data is in hand: time from handing the list its store to rows in a frame.
  const start = performance.now();
  // Marks for bench/profile.mjs's trace (a mark costs microseconds).
  performance.mark('first-rows-start');
  list.storeFactory = () => store;
  let firstRows = NaN;
  for (;;) {
    const now = await frame();
    if (rowsOf(list.shadowRoot).length > 0) {
      firstRows = Math.max(now, performance.now()) - start;
      performance.mark('first-rows-end');
      break;
    }
    if (performance.now() - start > 10_000) throw new Error('no rows after 10 s');
  }
  await sleep(300);
  listState = { list, firstRows };
  return { firstRowsMs: round(firstRows) };
}

let listState: { list: SessionList; firstRows: number } | undefined;

/** The fling part of {@link list100k}, on the list `list100kSetup` made (run.mjs times its CPU). */
async function list100kFling() {
  if (!listState) throw new Error('list100kSetup first');
  const { list, firstRows } = listState;
  const count = 100_000;
  const scroller = list.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
  const rowHeight = rowsOf(list.shadowRoot)[0]!.getBoundingClientRect().height;
  const fits = Math.ceil(scroller.clientHeight / rowHeight);
  const domRowsAtTop = rowsOf(list.shadowRoot).length;
  const down = await fling(scroller, 1);
  const domRowsAfterFling = rowsOf(list.shadowRoot).length;
  const up = await fling(scroller, -1);
  // A jump far down (the scrollbar dragged), then a fling from there.
  scroller.scrollTop = scroller.scrollHeight / 2;
  await frame();
  await frame();
  const deep = await fling(scroller, 1);
  const deltas = [...down, ...up, ...deep];
  return {
    sessions: count,
    firstRowsMs: round(firstRows),
    viewportPx: scroller.clientHeight,
    rowPx: round(rowHeight),
    rowsThatFit: fits,
    domRowsAtTop,
    domRowsAfterFling,
    scrolledPx: round(scroller.scrollTop, 0),
    frames: deltas.length,
    frameP50Ms: round(percentile(deltas, 50)),
    frameP95Ms: round(percentile(deltas, 95)),
    frameMaxMs: round(Math.max(...deltas)),
    framesOver17Ms: deltas.filter((delta) => delta > 17.5).length,
  };
}

/** A naive list: every session rendered, no virtualization. The baseline. */
class NaiveList extends LitElement {
  static override properties = { store: { attribute: false } };
  static override styles = css`
    :host {
      display: block;
      height: var(--lens-list-height, 36rem);
    }
    .scroller {
      height: 100%;
      overflow: auto;
    }
  `;
  declare store: LiveSessions | undefined;
  #unsubscribe: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#unsubscribe = this.store?.subscribe(() => this.requestUpdate());
  }
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
  }
  override render() {
    return html`<div class="scroller" role="list">
      ${repeat(
        this.store?.sessions ?? [],
        (session) => session.id,
        (session) => html`<session-row role="listitem" .session=${session}></session-row>`,
      )}
    </div>`;
  }
}
customElements.define('naive-session-list', NaiveList);

/** A stand-in client: one page of `sessions`, and a stream the bench pushes events into. */
function benchClient(sessions: Session[]) {
  const queue: StreamEvent[] = [];
  let wake: (() => void) | undefined;
  const client = {
    sessions: {
      list: async (params: { limit?: number }) => ({
        data: sessions.slice(0, params.limit ?? 50),
        nextCursor: sessions.length > (params.limit ?? 50) ? 'more' : null,
      }),
      watch: (_filters: unknown, options: { onStateChange?: (state: string, attempt: number) => void }) => {
        setTimeout(() => options.onStateChange?.('live', 0));
        return {
          lastEventId: undefined as string | undefined,
          async *[Symbol.asyncIterator]() {
            for (;;) {
              while (queue.length > 0) yield queue.shift()!;
              await new Promise<void>((resolve) => (wake = resolve));
            }
          },
        };
      },
    },
  };
  return {
    client: client as unknown as Parameters<typeof createLiveSessions>[0],
    emit(event: StreamEvent) {
      queue.push(event);
      wake?.();
      wake = undefined;
    },
  };
}

type Live = {
  mode: 'virtual' | 'naive';
  sessions: Session[];
  store: LiveSessions;
  emit: (event: StreamEvent) => void;
  root: () => ShadowRoot | null;
};
let live: Live | undefined;

async function liveSetup(mode: 'virtual' | 'naive') {
  const count = 10_000;
  const sessions = makeSessions(count);
  const { client, emit } = benchClient(sessions);
  const store = createLiveSessions(client, {}, { pageSize: count });
  const start = performance.now();
  let element: HTMLElement;
  if (mode === 'virtual') {
    const list = document.createElement('session-list') as SessionList;
    list.storeFactory = () => store;
    element = list;
  } else {
    const list = new NaiveList();
    list.store = store;
    element = list;
  }
  stage.replaceChildren(element);
  const root = () => element.shadowRoot;
  for (;;) {
    await frame();
    if (store.loaded && rowsOf(root()).length > 0) break;
    if (performance.now() - start > 60_000) throw new Error('no rows after 60 s');
  }
  const firstRowsMs = performance.now() - start;
  await sleep(1000);
  live = { mode, sessions, store, emit, root };
  return {
    mode,
    sessions: store.sessions.length,
    firstRowsMs: round(firstRowsMs),
    domRows: rowsOf(root()).length,
  };
}

async function liveRun(rate = 1000, seconds = 10) {
  if (!live) throw new Error('liveSetup first');
  const { sessions, emit, root } = live;
  // The rows in view at the top are where latency is measured; half the events go to them, half
  // to any of the 10,000 sessions (work the reader does not see).
  const watched = sessions.slice(0, 10).map((session) => session.id);
  const pending = new Map<string, Array<{ seq: number; at: number }>>(watched.map((id) => [id, []]));
  const latencies: number[] = [];
  const observers: MutationObserver[] = [];
  for (const row of rowsOf(root())) {
    const id = row.session?.id;
    if (!id || !pending.has(id)) continue;
    const observer = new MutationObserver(() => {
      const now = performance.now();
      const text = row.shadowRoot?.querySelector('[part~=open]')?.textContent ?? '';
      const shown = Number(/· ev (\d+)/.exec(text)?.[1] ?? -1);
      const waiting = pending.get(id)!;
      while (waiting.length > 0 && waiting[0]!.seq <= shown) latencies.push(now - waiting.shift()!.at);
    });
    observer.observe(row.shadowRoot!, { subtree: true, childList: true, characterData: true });
    observers.push(observer);
  }
  if (observers.length !== watched.length) throw new Error(`watching ${observers.length} rows`);

  let longTasks = 0;
  let longestTask = 0;
  const longTaskObserver = new PerformanceObserver((entries) => {
    for (const entry of entries.getEntries()) {
      longTasks++;
      longestTask = Math.max(longestTask, entry.duration);
    }
  });
  longTaskObserver.observe({ type: 'longtask' });

  const versions = new Map<string, number>();
  let seq = 0;
  const total = rate * seconds;
  const deltas: number[] = [];
  let running = true;
  void (async () => {
    let last = await frame();
    while (running) {
      const now = await frame();
      deltas.push(now - last);
      last = now;
    }
  })();
  const start = performance.now();
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - start) * rate) / 1000));
      const at = performance.now();
      while (seq < due) {
        seq++;
        const index = seq % 2 === 0 ? seq % watched.length : Math.floor(Math.random() * sessions.length);
        const base = sessions[index]!;
        const version = (versions.get(base.id) ?? base.version) + 1;
        versions.set(base.id, version);
        pending.get(base.id)?.push({ seq, at });
        emit({
          type: 'session',
          id: String(seq),
          data: { ...base, version, title: `${base.title} · ev ${seq}` },
        });
      }
      if (seq >= total) {
        clearInterval(timer);
        resolve();
      }
    }, 4);
  });
  const elapsed = performance.now() - start;
  await sleep(500);
  running = false;
  observers.forEach((observer) => observer.disconnect());
  longTaskObserver.disconnect();
  const unresolved = [...pending.values()].reduce((sum, list) => sum + list.length, 0);
  return {
    mode: live.mode,
    events: seq,
    seconds: round(elapsed / 1000, 2),
    measured: latencies.length,
    unresolved,
    latencyP50Ms: round(percentile(latencies, 50)),
    latencyP99Ms: round(percentile(latencies, 99)),
    latencyMaxMs: round(Math.max(...latencies)),
    frames: deltas.length,
    frameP50Ms: round(percentile(deltas, 50)),
    frameP95Ms: round(percentile(deltas, 95)),
    longTasks,
    longestTaskMs: round(longestTask),
    domRows: rowsOf(root()).length,
  };
}

async function list100k() {
  await list100kSetup();
  return list100kFling();
}

const bench = { list100k, list100kSetup, list100kFling, liveSetup, liveRun };
declare global {
  interface Window {
    bench: typeof bench;
  }
}
window.bench = bench;
document.body.dataset['ready'] = 'true';
