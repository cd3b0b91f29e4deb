// Helpers shared by the server benchmarks (run.mjs, writes.mjs, first-page.mjs).
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import postgres from 'postgres';

/** The p-th percentile of an ascending array. */
export const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** The median (the upper one of an even count). */
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The load average, 1/5/15 minutes, as printed beside every figure. */
export const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

/**
 * A fresh schema on the PostgreSQL at `baseUrl`: resolves to the URL that uses it and a `drop`
 * that removes it with everything in it.
 */
export async function freshSchema(baseUrl, prefix) {
  const schema = `${prefix}_${randomBytes(4).toString('hex')}`;
  const sql = postgres(baseUrl, { onnotice: () => {} });
  await sql.unsafe(`create schema ${schema}`);
  await sql.end();
  const url = `${baseUrl}${baseUrl.includes('?') ? '&' : '?'}search_path=${schema}`;
  const drop = async () => {
    const admin = postgres(baseUrl, { onnotice: () => {} });
    await admin.unsafe(`drop schema ${schema} cascade`);
    await admin.end();
  };
  return { url, drop };
}

/**
 * Reads a text/event-stream response and calls `onFrame` with each frame's text (the lines
 * between blank lines, without the blank line).
 */
export function readFrames(res, onFrame) {
  let buffer = '';
  res.setEncoding('utf8');
  res.on('data', (chunk) => {
    buffer += chunk;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      onFrame(frame);
    }
  });
}
