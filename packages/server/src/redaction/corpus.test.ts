import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeFakeSecrets } from '../test/fake-secrets.js';
import { gapRuleKinds } from './gap-rules.js';
import { redactJson, redactText } from './index.js';

/*
 * The redaction evaluation (issue 10, PRODUCT.md X4): samples of every kind of secret in
 * realistic contexts (corpus/secrets.json; FAKE values made at run time), and ordinary text that
 * must come back unchanged (corpus/ordinary.txt). Prints its figures: the share of samples caught
 * per kind and overall, partial redactions, and changed ordinary lines.
 */

type Sample = {
  readonly kind: string;
  readonly x4: string | null;
  readonly shape: string;
  readonly from: string;
  readonly env?: string;
  readonly texts?: readonly string[];
};

const corpus = (name: string): string => readFileSync(new URL(`./corpus/${name}`, import.meta.url), 'utf8');
const { samples } = JSON.parse(corpus('secrets.json')) as { samples: Sample[] };
const { shapes } = makeFakeSecrets(20_261_201);

/** The default contexts for a sample with an `env` name: how agents' tools show a secret. */
const DEFAULT_CONTEXTS: Record<string, (secret: string, env: string) => string> = {
  'env dump': (secret, env) =>
    `$ env | sort\nHOME=/home/dev\n${env}=${secret}\nPATH=/usr/local/bin:/usr/bin\n`,
  'log line': (secret) =>
    `2026-11-30T09:14:03.221Z WARN  upload retried with credential ${secret} (attempt 2/5)\n`,
  'JSON tool result': (secret) =>
    JSON.stringify({ tool: 'read_file', result: { content: `config loaded\nvalue: ${secret}\n` } }, null, 2),
  'JSON in JSON': (secret) =>
    JSON.stringify({ stdout: JSON.stringify({ items: [{ id: 7, data: secret, ok: true }] }) }),
  prose: (secret) => `The failing request used ${secret} — I have not rotated it yet.`,
};

type Case = { sample: Sample; context: string; text: string; secret: string; surrounding: string };

const cases: Case[] = samples.flatMap((sample) => {
  const make = shapes[sample.shape];
  if (!make) throw new Error(`secrets.json: unknown shape ${sample.shape}`);
  const built: Case[] = [];
  (sample.texts ?? []).forEach((template, index) => {
    const secret = make();
    built.push({
      sample,
      context: `text ${index + 1}`,
      text: template.replaceAll('{{secret}}', secret),
      secret,
      surrounding: template.replaceAll('{{secret}}', ''),
    });
  });
  if (sample.env) {
    for (const [context, wrap] of Object.entries(DEFAULT_CONTEXTS)) {
      const secret = make();
      built.push({
        sample,
        context,
        text: wrap(secret, sample.env),
        secret,
        surrounding: wrap('', sample.env),
      });
    }
  }
  return built;
});

/** The secret as it appears in the text: raw, JSON-escaped, or escaped twice (JSON in JSON). */
const forms = (secret: string): string[] => {
  const once = JSON.stringify(secret).slice(1, -1);
  return [...new Set([secret, once, JSON.stringify(once).slice(1, -1)])];
};

/** Every 12-character run of the secret's forms that the text around it does not hold itself. */
const runsOf = (secret: string, surrounding: string): string[] =>
  forms(secret).flatMap((form) => {
    if (form.length <= 12) return [form];
    const runs: string[] = [];
    for (let i = 0; i + 12 <= form.length; i += 1) {
      const run = form.slice(i, i + 12);
      if (!surrounding.includes(run)) runs.push(run);
    }
    return runs;
  });

type Outcome = 'caught' | 'partial' | 'missed';

const evaluate = async ({
  text,
  secret,
  surrounding,
}: Case): Promise<{ outcome: Outcome; output: string }> => {
  const output = await redactText(text);
  const survivors = runsOf(secret, surrounding).filter((run) => output.includes(run));
  if (survivors.length === 0) return { outcome: 'caught', output };
  return { outcome: forms(secret).some((form) => output.includes(form)) ? 'missed' : 'partial', output };
};

const percent = (part: number, whole: number): string => `${((100 * part) / Math.max(1, whole)).toFixed(1)}%`;

describe('redaction corpus', () => {
  it('has samples for every kind a rule of our own reports, and for every X4 category', () => {
    const kinds = new Set(samples.map((sample) => sample.kind));
    // `secret`, `token`, `api-key`, `password` come from the name rules' kindOf.
    expect(gapRuleKinds().filter((kind) => !kinds.has(kind))).toEqual([]);
    expect(new Set(samples.map((sample) => sample.x4).filter(Boolean))).toEqual(
      new Set([
        'cloud key',
        'VCS token',
        'chat-platform token',
        'payment key',
        'AI-provider key',
        'JWT',
        'private key',
        'connection string',
        'secret-named variable',
      ]),
    );
    expect(cases.length).toBeGreaterThan(300);
  });

  it('catches ≥ 97% of the samples of the kinds X4 names, with no partial redactions', async () => {
    const byKind = new Map<
      string,
      { x4: boolean; caught: number; partial: number; missed: number; named: number }
    >();
    const failures: string[] = [];
    for (const testCase of cases) {
      const { outcome, output } = await evaluate(testCase);
      const row = byKind.get(testCase.sample.kind) ?? {
        x4: false,
        caught: 0,
        partial: 0,
        missed: 0,
        named: 0,
      };
      row.x4 ||= testCase.sample.x4 !== null;
      row[outcome] += 1;
      if (output.includes(`[REDACTED:${testCase.sample.kind}]`)) row.named += 1;
      byKind.set(testCase.sample.kind, row);
      if (outcome !== 'caught') {
        failures.push(
          `${outcome}: ${testCase.sample.kind} (${testCase.sample.shape}, ${testCase.context}): ${output.slice(0, 300)}`,
        );
      }
    }
    const rows = [...byKind.entries()].sort(([a], [b]) => a.localeCompare(b));
    const total = (filter: (x4: boolean) => boolean) =>
      rows
        .filter(([, row]) => filter(row.x4))
        .reduce(
          (sum, [, row]) => ({
            samples: sum.samples + row.caught + row.partial + row.missed,
            caught: sum.caught + row.caught,
            partial: sum.partial + row.partial,
          }),
          { samples: 0, caught: 0, partial: 0 },
        );
    const lines = rows.map(([kind, row]) => {
      const count = row.caught + row.partial + row.missed;
      return `  ${kind.padEnd(28)} ${row.x4 ? 'X4' : '  '} ${String(count).padStart(4)} samples  ${percent(row.caught, count).padStart(6)} caught  ${row.partial} partial  ${percent(row.named, count).padStart(6)} named as the kind`;
    });
    const x4 = total((isX4) => isX4);
    const all = total(() => true);
    console.log(
      [
        '[redaction corpus] samples per kind:',
        ...lines,
        `  X4 kinds: ${x4.caught}/${x4.samples} caught (${percent(x4.caught, x4.samples)}), ${x4.partial} partial`,
        `  all kinds: ${all.caught}/${all.samples} caught (${percent(all.caught, all.samples)}), ${all.partial} partial`,
        ...failures.map((failure) => `  ${failure}`),
      ].join('\n'),
    );
    expect(all.partial).toBe(0);
    expect(x4.caught / x4.samples).toBeGreaterThanOrEqual(0.97);
    expect(all.caught / all.samples).toBeGreaterThanOrEqual(0.97);
  });

  it('leaves every line of the ordinary corpus unchanged, as text and as JSON values', async () => {
    const text = corpus('ordinary.txt');
    const lines = text.split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(800);
    const redacted = (await redactText(text)).split('\n');
    const changed = lines.filter((line, index) => redacted[index] !== line);
    // The same lines as the string values of a tool result, each scanned after its key.
    const asJson = (await redactJson({ lines, stdout: text })) as { lines: string[]; stdout: string };
    const changedInJson = lines.filter((line, index) => asJson.lines[index] !== line);
    console.log(
      `[redaction corpus] ordinary text: ${lines.length} lines, ${changed.length} changed as one text, ` +
        `${changedInJson.length} changed as JSON values` +
        [...new Set([...changed, ...changedInJson])].map((line) => `\n  changed: ${line}`).join(''),
    );
    expect(changed).toEqual([]);
    expect(changedInJson).toEqual([]);
    expect(asJson.stdout).toBe(text);
  });
});
