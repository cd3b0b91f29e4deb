import {
  EXPORT_COLUMNS,
  EXPORT_COST_COLUMNS,
  progressLabel,
  type ExportFormat,
  type Session,
} from '@session-lens/sdk';
import { csvRecord } from './csv.js';

/** Turns the list's JSON text of each session into the lines of one export format. */
export type RowWriter = {
  /** What comes before the first row (the CSV header), if anything. */
  head: string;
  /** The text of one session: one CSV record, or one JSON line. */
  row(json: string): string;
};

/** The CSV columns a viewer gets: cost columns only with spend visibility (S4). */
export function csvColumns(spend: boolean): readonly string[] {
  return spend ? [...EXPORT_COLUMNS, ...EXPORT_COST_COLUMNS] : EXPORT_COLUMNS;
}

/** A session's fields in the order of {@link csvColumns}. */
function csvFields(session: Session, spend: boolean): string[] {
  const links = session.links;
  const fields = [
    session.id,
    session.kind,
    session.title,
    session.status,
    session.owner.name,
    session.createdAt,
    session.updatedAt,
    session.endedAt ?? '',
    progressLabel(session, 'en'),
    session.agent?.hostname ?? '',
    session.playbook ?? '',
    links?.initiative?.title ?? '',
    links?.plan?.title ?? '',
  ];
  if (!spend) return fields;
  const cost = session.cost;
  const count = (value: number | undefined) => (value === undefined ? '' : String(value));
  return [
    ...fields,
    cost?.amountUsd ?? '',
    count(cost?.credits),
    count(cost?.turns.priced),
    count(cost?.turns.estimated),
    count(cost?.turns.unpriced),
  ];
}

/**
 * The writer of a format for a viewer. JSON Lines pass the list's documents through untouched
 * (already shaped for the viewer: no cost without spend); CSV reads each one for its columns.
 */
export function rowWriter(format: ExportFormat, spend: boolean): RowWriter {
  if (format === 'jsonl') return { head: '', row: (json) => `${json}\n` };
  return {
    head: csvRecord(csvColumns(spend)),
    row: (json) => csvRecord(csvFields(JSON.parse(json) as Session, spend)),
  };
}
