/**
 * The page `bench/follow.mjs` drives (built with Vite in production mode). It exposes
 * `window.bench`; each scenario runs on a freshly loaded page.
 *
 * - `follow(baseUrl, token, id)`: a `<session-detail>` following a session on the real server;
 *   every entry whose text is `bench t=<ms>` is timed from that instant (the writer's clock, the
 *   same machine) to the first animation frame after it is in the DOM.
 * - `scroll(mode, count)`: `count` transcript entries in a `<session-detail>` (`detail`), or in a
 *   plain `<ol>` of the same text with no containment (`naive`), scrolled by a scripted fling;
 *   frame times.
 */
import { createClient, type Session, type TranscriptEntry } from '@session-lens/sdk';
import '../../dist/define.js';
import { identityFromMe, provideSessionLens } from '../../dist/index.js';
import { makeSession, minutesAgo } from '../../src/test/fixtures.js';

const stage = document.getElementById('stage')!;
const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const latencies: number[] = [];

async function follow(baseUrl: string, token: string, id: string): Promise<void> {
  const client = createClient({ baseUrl, token });
  provideSessionLens(stage, client, { identity: identityFromMe(await client.me.get()) });
  const detail = document.createElement('session-detail');
  detail.sessionId = id;
  stage.append(detail);
  const seen = new WeakSet<Node>();
  const observer = new MutationObserver(() => {
    for (const node of detail.shadowRoot?.querySelectorAll('[part~=entry] .message-text') ?? []) {
      if (seen.has(node)) continue;
      seen.add(node);
      const match = /^bench t=(\d+)/.exec(node.textContent ?? '');
      if (match) void frame().then(() => latencies.push(Date.now() - Number(match[1])));
    }
  });
  await detail.updateComplete;
  observer.observe(detail.shadowRoot!, { childList: true, subtree: true, characterData: true });
}

function entries(count: number): TranscriptEntry[] {
  return Array.from({ length: count }, (_, i): TranscriptEntry => {
    const seq = i + 1;
    const at = minutesAgo(60 - (i % 60));
    if (i % 5 === 3)
      return {
        seq,
        at,
        type: 'tool_call',
        name: 'run_tests',
        arguments: { file: `src/f${i}.ts` },
        status: 'succeeded',
        result: { passed: i },
      };
    if (i % 5 === 4)
      return {
        seq,
        at,
        type: 'file_edit',
        path: `src/f${i}.ts`,
        before: `export const a = ${i};\n`,
        after: `export const a = ${i + 1};\n`,
      };
    return {
      seq,
      at,
      type: 'message',
      role: i % 2 ? 'assistant' : 'user',
      text: `Entry ${seq}: `.padEnd(40 + (i % 7) * 30, 'lorem ipsum dolor '),
    };
  });
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

async function scroll(mode: 'detail' | 'naive', count: number) {
  const list = entries(count);
  const started = performance.now();
  let scroller: HTMLElement;
  if (mode === 'detail') {
    const session: Session = makeSession({
      id: 'ses_bench',
      kind: 'chat',
      title: 'Bench chat',
      status: 'ended',
    });
    const detail = document.createElement('session-detail');
    Object.assign(detail, { session, transcript: list });
    stage.append(detail);
    await detail.updateComplete;
    scroller = detail.shadowRoot!.querySelector<HTMLElement>('.entries')!;
  } else {
    scroller = document.createElement('ol');
    Object.assign(scroller.style, { maxHeight: '36rem', overflow: 'auto', color: '#ddd' });
    for (const entry of list) {
      const item = document.createElement('li');
      item.textContent = entry.type === 'message' ? entry.text : JSON.stringify(entry);
      scroller.append(item);
    }
    stage.append(scroller);
  }
  await frame();
  const firstPaint = performance.now() - started;
  const frames: number[] = [];
  let last = await frame();
  for (let i = 0; i < 300; i++) {
    // A fling: 600 px a frame, down then back up.
    scroller.scrollTop += i < 150 ? 600 : -600;
    const now = await frame();
    frames.push(now - last);
    last = now;
  }
  return { firstPaint, p50: percentile(frames, 50), p95: percentile(frames, 95), max: Math.max(...frames) };
}

Object.assign(window, { bench: { follow, latencies: () => latencies.splice(0), scroll } });
document.body.dataset['ready'] = 'true';
