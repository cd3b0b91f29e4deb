#!/usr/bin/env node
// Content search (A12, issue 15): p99 of `GET /v1/sessions?content=…` over 100,000 sessions with
// their transcripts (~6 entries each), on PostgreSQL and on PGlite, beside the same request
// without `content` (the plain first page), measured in the same run on the same data; then the
// A1 facets (`model`, `runtime`, `origin`) on the same data.
//   node bench/content.mjs [--sessions 100000] [--database-url postgres://…] [--skip-pglite] [--runs 200]
// PostgreSQL comes from --database-url or SESSION_LENS_BENCH_DATABASE_URL (a fresh schema, dropped
// after); without either, only PGlite runs. Prints figures; asserts nothing.
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { benchServerOptions, load, percentile, seededBenchDatabase, serverModules } from './lib.mjs';

const { values } = parseArgs({
  options: {
    sessions: { type: 'string', default: '100000' },
    'database-url': { type: 'string' },
    'skip-pglite': { type: 'boolean' },
    runs: { type: 'string', default: '200' },
  },
});
const modules = await serverModules();
const { startServer } = modules;

const ADMIN = 'bench-admin-token';
const RUNS = Number(values.runs);
const fmt = (ms) => `${ms.toFixed(2)} ms`;

/**
 * The searches timed, from rare to everywhere: words the bench plants in a known share of
 * sessions (1 in 2,000; 1 in 100; 1 in 10), a word the seed writes into every chat, one that
 * occurs nowhere, and two words together.
 */
const PLANTED = [
  ['needlerare', 2000],
  ['needlesome', 100],
  ['needlemany', 10],
];
const SEARCHES = [
  ['rare (1 in 2,000)', 'needlerare'],
  ['some (1 in 100)', 'needlesome'],
  ['many (1 in 10)', 'needlemany'],
  ['every chat', 'found'],
  ['nowhere', 'nowhereatall'],
  ['two words', 'needlesome read_file'],
  ['rare, kind=flow', 'needlerare', '&kind=flow'],
];

/**
 * The A1 facets on the same data (each indexed in the list's order, migration 007): a common
 * value, a less common one, two together, and a value no session has — without the index the
 * worst case, reading every row the caller may see.
 */
const FACETS = [
  ['model (1 in 5)', 'model=claude-sonnet-4'],
  ['origin (about 1 in 7)', 'origin=scheduled'],
  ['model + runtime', 'model=gpt-4.1&runtime=go1.23'],
  ['a value none has', 'runtime=deno2'],
];

/** Plants the bench's words into one message entry of every n-th session. */
async function plant(db) {
  for (const [word, every] of PLANTED) {
    await db.query(
      `insert into transcript_entries (session_id, seq, entry)
       select id, transcript_seq + 1, jsonb_build_object('type', 'message', 'role', 'assistant',
         'text', 'A note with ' || $1::text || ' in it', 'seq', transcript_seq + 1, 'at', doc->>'updatedAt')
       from (select id, transcript_seq, doc, row_number() over (order by id) as n from sessions) s
       where n % $2 = 0`,
      [word, every],
    );
    await db.query(
      `update sessions set transcript_seq = transcript_seq + 1
       where id in (select id from (select id, row_number() over (order by id) as n from sessions) s where n % $1 = 0)`,
      [every],
    );
  }
  await db.query('analyze');
}

/** Times `RUNS` sequential GETs of one URL after a warm-up; returns the sorted samples. */
async function time(url) {
  const get = async () => {
    const res = await fetch(url, { headers: { authorization: `Bearer ${ADMIN}` } });
    const body = await res.json();
    if (res.status !== 200) throw new Error(`${url} → ${res.status} ${JSON.stringify(body)}`);
    return body.data.length;
  };
  for (let i = 0; i < 10; i += 1) await get();
  const samples = [];
  let rows = 0;
  for (let i = 0; i < RUNS; i += 1) {
    const t = performance.now();
    rows = await get();
    samples.push(performance.now() - t);
  }
  return { samples: samples.sort((a, b) => a - b), rows };
}

async function bench(label, databaseUrl) {
  const count = Number(values.sessions);
  const loadStart = performance.now();
  const { dataDir, schema, url, db, lens } = await seededBenchDatabase(modules, {
    label,
    databaseUrl,
    schemaPrefix: 'sl_content',
    sessions: count,
    every: 25_000,
  });
  await plant(db);
  const [{ entries }] = await db.query('select count(*)::int as entries from transcript_entries');
  const loadMs = performance.now() - loadStart;
  await lens.close();
  await db.close();
  const server = await startServer(benchServerOptions(dataDir, url, ADMIN));
  const base = `${server.url}/v1/sessions?limit=50`;
  const rows = [];
  // The baseline first, last and between: the same first page without `content`.
  const baseline = await time(base);
  for (const [name, content, more = ''] of SEARCHES) {
    const result = await time(`${base}&content=${encodeURIComponent(content)}${more}`);
    rows.push([name, content, result]);
  }
  const facets = [];
  for (const [name, query] of FACETS) facets.push([name, query, await time(`${base}&${query}`)]);
  const baselineAgain = await time(base);
  await server.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  await schema?.drop();
  const p = (r, q) => percentile(r.samples, q);
  const plain = Math.max(p(baseline, 99), p(baselineAgain, 99));
  console.log(
    `\nContent search — ${label}: ${count.toLocaleString('en')} sessions, ${entries.toLocaleString('en')} transcript entries (loaded in ${(loadMs / 1000).toFixed(0)} s); ${RUNS} sequential requests each over HTTP, first page of 50; load average ${load()}`,
  );
  console.log(
    `  baseline: the same page without content   p50 ${fmt(p(baseline, 50))}  p99 ${fmt(p(baseline, 99))} (again at the end: p99 ${fmt(p(baselineAgain, 99))})`,
  );
  for (const [name, content, r] of rows) {
    console.log(
      `  ${name.padEnd(18)} content=${content.padEnd(22)} ${String(r.rows).padStart(2)} rows  p50 ${fmt(p(r, 50))}  p99 ${fmt(p(r, 99))}  (${(p(r, 99) / plain).toFixed(1)}× the baseline p99)`,
    );
  }
  const worst = Math.max(...rows.map(([, , r]) => p(r, 99)));
  console.log(`  worst content p99 ${fmt(worst)}  (target on PostgreSQL: ≤ 50 ms)`);
  console.log('  facets (A1):');
  for (const [name, query, r] of facets) {
    console.log(
      `  ${name.padEnd(22)} ${query.padEnd(30)} ${String(r.rows).padStart(2)} rows  p50 ${fmt(p(r, 50))}  p99 ${fmt(p(r, 99))}  (${(p(r, 99) / plain).toFixed(1)}× the baseline p99)`,
    );
  }
}

const databaseUrl = values['database-url'] ?? process.env.SESSION_LENS_BENCH_DATABASE_URL;
if (databaseUrl) await bench('PostgreSQL', databaseUrl);
if (!values['skip-pglite']) await bench('PGlite', undefined);
