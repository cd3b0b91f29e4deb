#!/usr/bin/env node
// First page vs deep page of the list query on PGlite with many sessions (issue 12 §5), the
// query alone (no HTTP), with its plan. Loads once into --data and reuses it on later runs, so
// two builds can be compared on the same rows:
//   node bench/first-page.mjs --data /tmp/lens-1m [--sessions 1000000] [--dist ../other/dist]
import { parseArgs } from 'node:util';
import { benchDist, load, LOADED_DATA_OPTIONS, openLoadedData, percentile } from './lib.mjs';

const { values } = parseArgs({
  options: {
    ...LOADED_DATA_OPTIONS,
    runs: { type: 'string', default: '200' },
    explain: { type: 'boolean' },
  },
});
const distDir = benchDist(values, import.meta.url);
const { db, lens } = await openLoadedData(distDir, values);
const viewer = { memberId: 'm_admin', groups: [], admin: true, spend: true };
console.log(`dist ${distDir}; load ${load()}`);
for (const [name, filters] of [
  ['all', {}],
  ['kind=flow', { kind: ['flow'] }],
  ['owner=m_ana', { owner: ['m_ana'] }],
]) {
  const time = async (cursor) => {
    const samples = [];
    for (let i = 0; i < Number(values.runs); i += 1) {
      const t = performance.now();
      await lens.store.list(viewer, filters, 50, cursor);
      samples.push(performance.now() - t);
    }
    return samples.sort((a, b) => a - b);
  };
  await time(undefined);
  const first = await time(undefined);
  // A deep cursor: the inactive phase far down (page through with big pages would take long;
  // a cursor at the 90th percentile of updated_at is the same index seek).
  const [row] = await db.query(
    `select updated_at as "updatedAt", id from sessions order by updated_at desc, id desc offset $1 limit 1`,
    [Math.floor(Number(values.sessions) * 0.9 * (name === 'all' ? 1 : name === 'kind=flow' ? 0.3 : 0.1))],
  );
  const { encodeCursor, queryKey } = await import(`${distDir}sessions/cursor.js`);
  const key = queryKey([filters, viewer.memberId, viewer.admin, null]);
  const cursor = encodeCursor({
    now: Date.now(),
    phase: 1,
    query: key,
    updatedAt: new Date(row.updatedAt).toISOString(),
    id: row.id,
  });
  const deep = await time(cursor);
  console.log(
    `  ${name.padEnd(12)} first page p50 ${percentile(first, 50).toFixed(2)} ms  p99 ${percentile(first, 99).toFixed(2)} ms   deep p50 ${percentile(deep, 50).toFixed(2)} ms  p99 ${percentile(deep, 99).toFixed(2)} ms`,
  );
}
console.log(`load at the end ${load()}`);
await lens.close();
await db.close();
process.exit(0);
