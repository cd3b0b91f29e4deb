/**
 * The contract's named schemas as the OpenAPI document lists them (`components.schemas`), with
 * the descriptions and examples only the document shows. Importing this module registers them
 * in zod's global registry, which `z.toJSONSchema` reads.
 *
 * The names live here, not beside each schema in `contract/`, because the browser parses
 * responses with those schemas: a registration there is bytes in every embed (X6) that only this
 * Node-side generator reads.
 */
import * as z from 'zod/mini';
import { $ZodType } from 'zod/v4/core';
import * as contract from '../contract/index.js';

/** What the document says about a component besides its schema. */
type ComponentText = { description?: string; examples?: string[] };

/** Every named component of the contract, by its export name (which is its component name). */
const COMPONENTS: Partial<Record<keyof typeof contract, ComponentText>> = {
  // status.ts, money.ts, cost.ts
  SessionStatus: {
    description: `Known values: ${contract.KNOWN_STATUSES.join(', ')}. Clients must accept any other value.`,
    examples: ['running'],
  },
  Money: { description: 'US dollars as a decimal string (≤ 6 fractional digits).', examples: ['0.84'] },
  TurnAmount: {
    description: `US dollars as a decimal string (≤ 6 fractional digits), from 0 to ${contract.MAX_TURN_USD}.`,
    examples: ['0.84'],
  },
  CostSummary: {},
  CostTurn: {},
  CostDetail: {},
  // session.ts
  Timestamp: { examples: ['2026-11-21T09:30:00.000Z'] },
  SessionKind: {},
  Owner: {},
  Step: {},
  Progress: {},
  SessionError: {},
  Link: {},
  SessionLinks: {},
  AgentRef: {},
  SessionCounts: {},
  SessionOrigin: {},
  SessionMetadata: {},
  Visibility: {},
  Session: {},
  // transcript.ts, assessment.ts
  JsonValue: {
    description: `Any JSON value, nested at most ${contract.MAX_JSON_VALUE_DEPTH} levels of objects and arrays.`,
  },
  TranscriptEntry: {},
  TranscriptEntryInput: {},
  Execution: {},
  Insight: {},
  // member.ts, problem.ts
  Scope: {},
  Member: {},
  Group: {},
  MemberList: {},
  RecordScope: { examples: ['initiative:init_checkout'] },
  Me: {},
  ProblemFieldError: {},
  Problem: {},
  // requests.ts
  SessionFilters: {},
  ListSessionsQuery: {},
  TranscriptQuery: {},
  StartSession: {},
  TurnInput: {},
  ExecutionInput: {},
  InsightInput: {},
  StepInput: {},
  ActivityBatch: {},
  SubmitSession: {},
  ReviewSession: {},
  WebOrigin: { examples: ['https://app.example.com'] },
  MintEmbedToken: {},
  ExportFormat: {},
  ExportQuery: {},
  BulkAction: {},
  BulkRequest: {},
  // responses.ts, events.ts
  SessionPage: {},
  TranscriptPage: {},
  ExecutionList: {},
  InsightList: {},
  EmbedToken: {},
  Health: {},
  Readiness: {},
  // bulk-result.ts
  BulkOutcome: {},
  BulkResult: {},
  View: {},
  ViewList: {},
  ViewFilterBody: {},
  CreateView: {},
  UpdateView: {},
  SessionRemovedData: {},
  ResetData: {},
  StreamEvent: {},
};

for (const [name, text] of Object.entries(COMPONENTS)) {
  const schema: unknown = contract[name as keyof typeof contract];
  if (!(schema instanceof $ZodType)) throw new Error(`The contract exports no schema named ${name}`);
  z.globalRegistry.add(schema, { id: name, ...text });
}
