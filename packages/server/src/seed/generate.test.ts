import { describe, expect, it } from 'vitest';
import { isActive, type TranscriptEntry } from '@session-lens/sdk';
import { generate } from './generate.js';
import { Random } from './random.js';
import { DEMO_FILE_EDITS } from './file-edits.js';
import { DEMO_PERSONAS, FILES } from './workspace-data.js';

const NOW = Date.parse('2026-12-02T00:00:00Z');
const rows = [...generate(new Random(42), 6000, NOW)];

describe('the demo seed', () => {
  it('edits files as a diff shows them: edited in a few lines, created and deleted', () => {
    for (const path of FILES) expect(DEMO_FILE_EDITS[path], path).toBeDefined();
    const edits = rows.flatMap((row) =>
      row.transcript.filter((entry): entry is Extract<TranscriptEntry, { type: 'file_edit' }> => {
        return entry.type === 'file_edit';
      }),
    );
    expect(edits.some((edit) => edit.before === null && edit.after)).toBe(true);
    expect(edits.some((edit) => edit.after === null && edit.before)).toBe(true);
    const edited = edits.filter((edit) => edit.before && edit.after);
    expect(edited.length).toBeGreaterThan(100);
    expect(edited.some((edit) => (edit.before ?? '').split('\n').length > 10)).toBe(true);
  });

  it("gives each demo host persona work in flight and something that needs them (E7's Mine)", () => {
    for (const member of Object.values(DEMO_PERSONAS)) {
      const own = rows.map((row) => row.session).filter((session) => session.owner.id === member);
      const active = own.filter((session) => isActive(session, NOW));
      expect(active.length, member).toBeGreaterThanOrEqual(5);
      const waiting = own.filter(
        (session) =>
          (session.kind === 'flow' && session.status === 'paused') ||
          (session.kind === 'task' && session.status === 'waiting'),
      );
      expect(waiting.length, member).toBeGreaterThanOrEqual(1);
    }
  });
});
