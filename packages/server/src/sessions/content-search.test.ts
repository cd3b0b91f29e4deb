import { contentWords } from '@session-lens/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test/harness.js';
import { planContent, plannedContentSql, type ContentPlanLimits } from './content-search.js';

// The `content` plan (A12) on the real embedded database: whichever path the plan takes (a
// rare word's sessions read through the trigram index, the other words checked inside them, or
// every word so common that the walk checks each session), the sessions found are the ones a
// plain reading of every transcript finds.

let server: TestServer;
/** Each session's searched texts, read once: the reference the plans are held to. */
const texts = new Map<string, string[]>();

beforeAll(async () => {
  server = await startTestServer({ seedSessions: 300 });
  const rows = await server.db.query<{ session_id: string; search: string }>(
    'select session_id, search from transcript_entries',
  );
  for (const { session_id, search } of rows)
    texts.set(session_id, [...(texts.get(session_id) ?? []), search]);
});

afterAll(async () => {
  await server?.stop();
});

/** The sessions whose transcript holds every word, read the slow way. */
function reference(content: string): string[] {
  const words = contentWords(content).map((word) => word.toLowerCase());
  return [...texts]
    .filter(([, entries]) => words.every((word) => entries.some((text) => text.includes(word))))
    .map(([id]) => id)
    .sort();
}

/** The sessions a plan made with these limits lets through. */
async function planned(content: string, limits?: ContentPlanLimits): Promise<string[]> {
  const plan = (await planContent(server.db, content, limits))!;
  const params: unknown[] = [];
  const where = plannedContentSql(plan, (value) => `$${params.push(value)}`);
  const rows = await server.db.query<{ id: string }>(
    `select id from sessions where ${where.join(' and ') || 'true'}`,
    params,
  );
  return rows.map((row) => row.id).sort();
}

/** Words of the seeded transcripts by how many entries hold them, most common first. */
function wordsByFrequency(): string[] {
  const counts = new Map<string, number>();
  for (const entries of texts.values())
    for (const text of entries)
      for (const word of new Set(text.match(/[a-z0-9_]{4,}/g) ?? []))
        counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([word]) => word);
}

describe('the content plan', () => {
  it('finds exactly the sessions a reading of every transcript finds, on every path', async () => {
    const words = wordsByFrequency();
    expect(words.length).toBeGreaterThan(20);
    const [common, second] = words;
    const middle = words[Math.floor(words.length / 3)]!;
    const rare = words.at(-1)!;
    const searches = [
      common!,
      rare,
      `${common} ${rare}`,
      `${rare} ${common}`,
      `${common} ${second}`,
      `${middle} ${common} ${rare}`,
      `${middle} nowhereatall`,
      'nowhereatall',
    ];
    // Default limits (the seed's words are all rare enough to be read); every word common (the
    // walk); a word counted common by the estimate alone; a word common only once it is read.
    const paths: (ContentPlanLimits | undefined)[] = [
      undefined,
      { candidateEntries: 0, surelyCommonEntries: 0 },
      { candidateEntries: 1_000_000, surelyCommonEntries: 0 },
      { candidateEntries: 3, surelyCommonEntries: 1_000_000 },
    ];
    let matched = 0;
    for (const content of searches) {
      const expected = reference(content);
      matched += expected.length;
      for (const limits of paths)
        expect(await planned(content, limits), `${content} ${JSON.stringify(limits)}`).toEqual(expected);
    }
    expect(matched).toBeGreaterThan(0);
  });

  it('reads a rare word through the index and checks the other words inside its sessions only', async () => {
    const words = wordsByFrequency();
    const plan = (await planContent(server.db, `${words[0]} ${words.at(-1)}`, {
      candidateEntries: 3,
      surelyCommonEntries: 1_000_000,
    }))!;
    expect(plan.words).toEqual([]);
    expect(plan.ids).toEqual(reference(`${words[0]} ${words.at(-1)}`));
    const walk = (await planContent(server.db, `${words[0]} ${words[1]}`, {
      candidateEntries: 0,
      surelyCommonEntries: 0,
    }))!;
    expect(walk).toEqual({ words: [words[0], words[1]] });
  });
});
