import type { ActivityBatch, StartSession, SubmitSession } from '@session-lens/sdk';
import { redactJson } from '../redaction/index.js';

/*
 * X4: every text an agent writes is redacted before anything is stored. Each write body is
 * redacted whole, as JSON: every string value at any depth (transcript entries, tool-call
 * arguments and results, execution commands and output, insight titles and details, step names,
 * error codes and messages, titles, descriptions, links, metadata, summaries), each scanned after
 * its key; keys, numbers and booleans are kept. Walking the whole body rather than a list of
 * fields means a field added to a write schema later is covered without a change here. Values
 * with a fixed vocabulary (statuses, kinds, timestamps, amounts) hold nothing a rule matches, so
 * they come back as they were.
 */

/** Redacts an activity batch (A4): transcript, steps, executions, insights, error, and the rest. */
export async function redactActivity(batch: ActivityBatch): Promise<ActivityBatch> {
  // redactJson returns a copy of the same shape in which only string values may differ.
  return (await redactJson(batch)) as ActivityBatch;
}

/** Redacts a session start (A3): title, description, links, metadata. */
export async function redactStart(body: StartSession): Promise<StartSession> {
  return (await redactJson(body)) as StartSession;
}

/** Redacts a submit body (A5): the summary. */
export async function redactSubmit(body: SubmitSession): Promise<SubmitSession> {
  return (await redactJson(body)) as SubmitSession;
}
