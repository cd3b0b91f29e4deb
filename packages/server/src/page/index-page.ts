/** Options of {@link indexPage}. */
export type IndexPageOptions = {
  /** A read-only token the page uses; without one it explains how to seed. */
  token: string | undefined;
};

const escapeAttr = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * The placeholder page served at `/` until the demo host app exists: a plain HTML page with no
 * build step that lists recent sessions and updates them live with the browser's native
 * EventSource, proving the server, the seed and the simulator work end to end.
 */
export function indexPage({ token }: IndexPageOptions): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Session Lens — reference server</title>
<style>
  :root { color-scheme: dark; font: 14px/1.4 system-ui, sans-serif; background: #111418; color: #e6e8eb; }
  body { max-width: 1100px; margin: 2rem auto; padding: 0 1rem; }
  .note { background: #2a2410; border: 1px solid #6b5a1a; padding: .6rem .8rem; border-radius: 6px; }
  table { width: 100%; border-collapse: collapse; margin-top: 1rem; }
  td, th { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid #262b31; vertical-align: top; }
  .tone-live { color: #4ade80; } .tone-queued { color: #f5a524; } .tone-waiting { color: #facc15; }
  .tone-settled { color: #9aa3ad; } .tone-problem { color: #f87171; }
  .flash { animation: flash 1.2s ease-out; } @keyframes flash { from { background: #1f3a2a; } to { background: transparent; } }
  code { color: #9ecbff; } #state { font-weight: 600; }
</style>
</head>
<body>
<h1>Session Lens reference server</h1>
<p class="note">This is a <strong>placeholder page</strong> until the demo host app exists. It is plain HTML
using the browser's native <code>EventSource</code> with a read-only demo token, to show that the data is live.
API: <a href="/openapi.json">/openapi.json</a> · <a href="/healthz">/healthz</a></p>
<p>Stream: <span id="state">connecting…</span> · events received: <span id="count">0</span></p>
<table><thead><tr><th>Kind</th><th>Title</th><th>Owner</th><th>Status</th><th>Progress</th><th>Cost</th><th>Updated</th></tr></thead>
<tbody id="rows"></tbody></table>
<script type="module" data-token="${token ? escapeAttr(token) : ''}">
const token = document.currentScript?.dataset.token ?? document.querySelector('script[data-token]').dataset.token;
const rows = document.getElementById('rows');
const state = document.getElementById('state');
const count = document.getElementById('count');
const sessions = new Map();
const TONES = { running: 'live', provisioning: 'live', streaming: 'live', pending: 'queued', queued: 'queued',
  paused: 'waiting', blocked: 'waiting', waiting: 'waiting', interrupted: 'waiting', pending_review: 'waiting',
  completed: 'settled', merged: 'settled', reviewed: 'settled', ended: 'settled', skipped: 'settled', cancelled: 'settled',
  failed: 'problem', rejected: 'problem', discarded: 'problem' };
const progress = (s) => s.kind === 'flow' ? (s.progress.steps ?? []).map((x) => x.name + ':' + x.status).join(' · ')
  : s.kind === 'task' ? (s.progress.turns ?? 0) + ' turns' : s.kind === 'chat' ? (s.progress.messages ?? 0) + ' messages'
  : (s.progress.executions ?? 0) + ' executions';
function render(flashId) {
  const list = [...sessions.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).slice(0, 60);
  rows.replaceChildren(...list.map((s) => {
    const tr = document.createElement('tr');
    if (s.id === flashId) tr.className = 'flash';
    const cells = [s.kind, s.title, s.owner.name, s.status, progress(s), s.cost ? '$' + s.cost.amountUsd : '', new Date(s.updatedAt).toLocaleTimeString()];
    for (const [i, text] of cells.entries()) {
      const td = document.createElement('td');
      td.textContent = text;
      if (i === 3) td.className = 'tone-' + (TONES[s.status] ?? 'neutral');
      tr.append(td);
    }
    return tr;
  }));
}
if (!token) {
  state.textContent = 'no demo token: start the server with --seed demo';
} else {
  const res = await fetch('/v1/sessions?limit=60', { headers: { authorization: 'Bearer ' + token } });
  for (const s of (await res.json()).data) sessions.set(s.id, s);
  render();
  const source = new EventSource('/v1/stream?access_token=' + encodeURIComponent(token));
  source.onopen = () => { state.textContent = 'live'; };
  source.onerror = () => { state.textContent = 'reconnecting…'; };
  source.addEventListener('session', (event) => {
    const s = JSON.parse(event.data);
    sessions.set(s.id, s);
    count.textContent = String(Number(count.textContent) + 1);
    render(s.id);
  });
  source.addEventListener('session.removed', (event) => { sessions.delete(JSON.parse(event.data).id); render(); });
  source.addEventListener('reset', () => location.reload());
}
</script>
</body>
</html>`;
}
