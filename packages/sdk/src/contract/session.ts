import * as z from 'zod/mini';
import { _isoDateTime } from 'zod/v4/core';
import { CostSummary } from './cost.js';
import { SessionStatus } from './status.js';

/**
 * An ISO-8601 UTC timestamp, as every timestamp travels on the wire. Built as `z.iso.datetime`
 * builds it, without reading the `z.iso` namespace: esbuild keeps every member of a nested
 * namespace it sees read (date, time, duration and their regexes, ~0.3 KB min+gzip, X6).
 */
export const Timestamp = _isoDateTime(z.ZodMiniISODateTime, { offset: true });
export type Timestamp = z.infer<typeof Timestamp>;

/** The four kinds of agent activity the index normalizes (S1). */
export const SessionKind = z.enum(['flow', 'task', 'chat', 'assessment']);
export type SessionKind = z.infer<typeof SessionKind>;

const NonEmpty = () => z.string().check(z.minLength(1));
const Count = () => z.int().check(z.minimum(0));

/** The person a session belongs to. */
export const Owner = z.object({
  id: NonEmpty(),
  name: z.string(),
  avatarUrl: z.optional(z.url()),
});
export type Owner = z.infer<typeof Owner>;

/** One step of a flow run (S3). */
export const Step = z.object({
  name: NonEmpty(),
  status: SessionStatus,
  startedAt: z.optional(Timestamp),
  endedAt: z.optional(Timestamp),
});
export type Step = z.infer<typeof Step>;

/**
 * Progress, by kind (S3): flows carry `steps`, tasks `turns`, chats `messages`, assessments
 * `executions`. A client reads the field that matches the session's kind.
 */
export const Progress = z.object({
  steps: z.optional(z.array(Step)),
  turns: z.optional(Count()),
  messages: z.optional(Count()),
  executions: z.optional(Count()),
});
export type Progress = z.infer<typeof Progress>;

/** Why a session failed, shown on its row. */
export const SessionError = z.object({
  code: z.string(),
  message: z.string(),
});
export type SessionError = z.infer<typeof SessionError>;

/** A link to a record elsewhere: an id and title for in-app records, a URL for outside ones. */
export const Link = z.object({
  id: z.optional(z.string()),
  title: z.string(),
  url: z.optional(z.url({ protocol: /^https?$/ })),
});
export type Link = z.infer<typeof Link>;

/** Where a session belongs and what it touched. */
export const SessionLinks = z.object({
  initiative: z.optional(Link),
  plan: z.optional(Link),
  repository: z.optional(Link),
  branch: z.optional(Link),
  pullRequest: z.optional(Link),
});
export type SessionLinks = z.infer<typeof SessionLinks>;

/** The agent (host) an assessment runs against. */
export const AgentRef = z.object({
  id: NonEmpty(),
  hostname: z.string(),
});
export type AgentRef = z.infer<typeof AgentRef>;

/** Counters shown on rows and summary cards. */
export const SessionCounts = z.object({
  executions: Count(),
  insights: Count(),
  toolCalls: Count(),
});
export type SessionCounts = z.infer<typeof SessionCounts>;

/** Where a session was started: in the web app, from an editor, or on a schedule. */
export const SessionOrigin = z.enum(['web', 'editor', 'scheduled']);
export type SessionOrigin = z.infer<typeof SessionOrigin>;

/** Where the work ran. */
export const SessionMetadata = z.object({
  model: z.optional(z.string()),
  runtime: z.optional(z.string()),
  sandbox: z.optional(z.string()),
  profile: z.optional(z.string()),
  origin: z.optional(SessionOrigin),
});
export type SessionMetadata = z.infer<typeof SessionMetadata>;

/**
 * Who may see a session (X3): the whole workspace, or a list of members and groups.
 */
export const Visibility = z.discriminatedUnion('type', [
  z.object({ type: z.literal('workspace') }),
  z.object({
    type: z.literal('list'),
    members: z.array(NonEmpty()).check(z.maxLength(1000)),
    groups: z.array(NonEmpty()).check(z.maxLength(1000)),
  }),
]);
export type Visibility = z.infer<typeof Visibility>;

/** A chat's mode: `ask` is a read-only inquiry. */
export const ChatMode = z.enum(['work', 'ask']);
export type ChatMode = z.infer<typeof ChatMode>;

/**
 * A session, normalized (S1): any piece of agent activity — a flow run, a background task, a
 * chat or an assessment — in one shape that sorts, filters and renders together.
 *
 * Objects are parsed loosely on purpose: a newer server that adds a field must not break an older
 * client.
 */
export const Session = z.object({
  id: NonEmpty(),
  kind: SessionKind,
  title: z.string(),
  description: z.optional(z.string()),
  status: SessionStatus,
  owner: Owner,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  endedAt: z.optional(Timestamp),
  lastMessageAt: z.optional(Timestamp),
  progress: Progress,
  cost: z.optional(CostSummary),
  error: z.optional(SessionError),
  links: z.optional(SessionLinks),
  agent: z.optional(AgentRef),
  playbook: z.optional(z.string()),
  counts: z.optional(SessionCounts),
  chatMode: z.optional(ChatMode),
  metadata: z.optional(SessionMetadata),
  visibility: Visibility,
  version: z.int().check(z.minimum(1)),
});
export type Session = z.infer<typeof Session>;
