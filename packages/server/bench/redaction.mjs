#!/usr/bin/env node
// Redaction throughput (PRODUCT.md X4, X5): a benchmark, not a test; it prints figures and never
// fails on them. Run after a build:
//   node bench/redaction.mjs [--rounds 7] [--baseline path/to/redaction/index.js]
// --baseline loads another build of the redaction module (e.g. main's, run under tsx for a .ts
// path) and measures it in the same process, interleaved round by round, so the ratio between
// the two holds even on a loaded machine where absolute figures move a lot.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '7' }, baseline: { type: 'string' } },
});
const ROUNDS = Number(values.rounds);
const current = await import(new URL('../dist/redaction/index.js', import.meta.url).href);
const baseline = values.baseline ? await import(pathToFileURL(resolve(values.baseline)).href) : undefined;

const paragraph =
  'I traced the slow list endpoint to the keyset query in src/db/sessions.ts: the index on ' +
  '(active desc, updated_at desc, id) was not used because the filter cast status to text.\n' +
  '```ts\nconst rows = await sql`select * from sessions where workspace_id = ${workspace} ' +
  'and (active, updated_at, id) < (${cursor.active}, ${cursor.updatedAt}, ${cursor.id}) limit 50`;\n```\n' +
  '$ pnpm test --filter server\n ✓ src/pagination.test.ts (9 tests) 812ms\n';
const MESSAGE = paragraph.repeat(Math.ceil(2048 / paragraph.length)).slice(0, 2048);
const TOOL_CALL = {
  type: 'tool_call',
  name: 'bash',
  status: 'succeeded',
  arguments: {
    command: 'pnpm test --filter server',
    cwd: '/work/main',
    env: { CI: 'true', NODE_ENV: 'test' },
  },
  result: {
    exitCode: 0,
    stdout: MESSAGE.slice(0, 1500),
    files: Array.from({ length: 20 }, (_, i) => ({ path: `src/module-${i}.ts`, lines: 120 + i, ok: true })),
  },
};
const WITH_SECRET = `${MESSAGE.slice(0, 1900)}\nGITHUB_TOKEN=ghp_${'aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG5'}\n`;
const FILE = MESSAGE.repeat(50);
const ORDINARY = readFileSync(new URL('../src/redaction/corpus/ordinary.txt', import.meta.url), 'utf8');

const inputs = [
  [
    '2 KB message',
    MESSAGE.length,
    (m) => m.redactEntry({ type: 'message', role: 'assistant', text: MESSAGE }),
  ],
  ['tool call, ~2.7 KB of JSON', JSON.stringify(TOOL_CALL).length, (m) => m.redactEntry(TOOL_CALL)],
  ['2 KB message with a secret', WITH_SECRET.length, (m) => m.redactText(WITH_SECRET)],
  [
    '100 KB file edit (before + after)',
    FILE.length * 2,
    (m) => m.redactEntry({ type: 'file_edit', path: 'src/db/sessions.ts', before: FILE, after: FILE }),
  ],
  [
    `ordinary corpus (${Math.round(ORDINARY.length / 1024)} KB)`,
    ORDINARY.length,
    (m) => m.redactText(ORDINARY),
  ],
];

/** CPU time of one round of `run` for about 300 ms of wall time: operations and CPU seconds. */
async function round(run) {
  let operations = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  while (performance.now() - started < 300) {
    await run();
    operations += 1;
  }
  const used = process.cpuUsage(cpu);
  return { operations, cpuSeconds: (used.user + used.system) / 1e6 };
}

const fmt = (bytesPerCpuSecond) => `${(bytesPerCpuSecond / 1e6).toFixed(1)} MB/s`;
console.log(
  `[bench:redaction] load average ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')} on this machine`,
);
console.log(`[bench:redaction] best of ${ROUNDS} rounds, per CPU-second of this process`);
for (const [label, bytes, run] of inputs) {
  const modules = baseline ? [current, baseline] : [current];
  for (const module of modules) for (let i = 0; i < 20; i += 1) await run(module); // warm-up
  const best = modules.map(() => 0);
  for (let r = 0; r < ROUNDS; r += 1) {
    for (const [index, module] of modules.entries()) {
      const { operations, cpuSeconds } = await round(() => run(module));
      best[index] = Math.max(best[index], operations / cpuSeconds);
    }
  }
  const line = `  ${label.padEnd(36)} ${Math.round(best[0]).toLocaleString('en').padStart(8)} ops/s  ${fmt(best[0] * bytes).padStart(10)}`;
  console.log(
    baseline
      ? `${line}   baseline ${fmt(best[1] * bytes).padStart(10)}   current/baseline ${(best[0] / best[1]).toFixed(2)}`
      : line,
  );
}
console.log(
  `[bench:redaction] load average ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')} at the end`,
);
