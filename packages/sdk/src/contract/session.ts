import { z } from 'zod';
import { CostSummary } from './cost.js';
import { SessionStatus } from './status.js';

/** An ISO-8601 UTC timestamp, as every timestamp travels on the wire. */
export const Timestamp = z.iso
  .datetime({ offset: true })
  .meta({ id: 'Timestamp', examples: ['2026-11-21T09:30:00.000Z'] });
export type Timestamp = z.infer<typeof Timestamp>;

/** The four kinds of agent activity the index normalizes (S1). */
export const SessionKind = z.enum(['flow', 'task', 'chat', 'assessment']).meta({ id: 'SessionKind' });
export type SessionKind = z.infer<typeof SessionKind>;

/** The person a session belongs to. */
export const Owner = z
  .object({
    id: z.string().min(1),
    name: z.string(),
    avatarUrl: z.url().optional(),
  })
  .meta({ id: 'Owner' });
export type Owner = z.infer<typeof Owner>;

/** One step of a flow run (S3). */
export const Step = z
  .object({
    name: z.string().min(1),
    status: SessionStatus,
    startedAt: Timestamp.optional(),
    endedAt: Timestamp.optional(),
  })
  .meta({ id: 'Step' });
export type Step = z.infer<typeof Step>;

/**
 * Progress, by kind (S3): flows carry `steps`, tasks `turns`, chats `messages`, assessments
 * `executions`. A client reads the field that matches the session's kind.
 */
export const Progress = z
  .object({
    steps: z.array(Step).optional(),
    turns: z.int().min(0).optional(),
    messages: z.int().min(0).optional(),
    executions: z.int().min(0).optional(),
  })
  .meta({ id: 'Progress' });
export type Progress = z.infer<typeof Progress>;

/** Why a session failed, shown on its row. */
export const SessionError = z
  .object({
    code: z.string(),
    message: z.string(),
  })
  .meta({ id: 'SessionError' });
export type SessionError = z.infer<typeof SessionError>;

/** A link to a record elsewhere: an id and title for in-app records, a URL for outside ones. */
export const Link = z
  .object({
    id: z.string().optional(),
    title: z.string(),
    url: z.url({ protocol: /^https?$/ }).optional(),
  })
  .meta({ id: 'Link' });
export type Link = z.infer<typeof Link>;

/** Where a session belongs and what it touched. */
export const SessionLinks = z
  .object({
    initiative: Link.optional(),
    plan: Link.optional(),
    repository: Link.optional(),
    branch: Link.optional(),
    pullRequest: Link.optional(),
  })
  .meta({ id: 'SessionLinks' });
export type SessionLinks = z.infer<typeof SessionLinks>;

/** The agent (host) an assessment runs against. */
export const AgentRef = z
  .object({
    id: z.string().min(1),
    hostname: z.string(),
  })
  .meta({ id: 'AgentRef' });
export type AgentRef = z.infer<typeof AgentRef>;

/** Counters shown on rows and summary cards. */
export const SessionCounts = z
  .object({
    executions: z.int().min(0),
    insights: z.int().min(0),
    toolCalls: z.int().min(0),
  })
  .meta({ id: 'SessionCounts' });
export type SessionCounts = z.infer<typeof SessionCounts>;

/** Where the work ran. */
export const SessionMetadata = z
  .object({
    model: z.string().optional(),
    runtime: z.string().optional(),
    sandbox: z.string().optional(),
    profile: z.string().optional(),
    origin: z.enum(['web', 'editor', 'scheduled']).optional(),
  })
  .meta({ id: 'SessionMetadata' });
export type SessionMetadata = z.infer<typeof SessionMetadata>;

/**
 * Who may see a session (X3): the whole workspace, or a list of members and groups.
 */
export const Visibility = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('workspace') }),
    z.object({
      type: z.literal('list'),
      members: z.array(z.string().min(1)).max(1000),
      groups: z.array(z.string().min(1)).max(1000),
    }),
  ])
  .meta({ id: 'Visibility' });
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
export const Session = z
  .object({
    id: z.string().min(1),
    kind: SessionKind,
    title: z.string(),
    description: z.string().optional(),
    status: SessionStatus,
    owner: Owner,
    createdAt: Timestamp,
    updatedAt: Timestamp,
    endedAt: Timestamp.optional(),
    lastMessageAt: Timestamp.optional(),
    progress: Progress,
    cost: CostSummary.optional(),
    error: SessionError.optional(),
    links: SessionLinks.optional(),
    agent: AgentRef.optional(),
    playbook: z.string().optional(),
    counts: SessionCounts.optional(),
    chatMode: ChatMode.optional(),
    metadata: SessionMetadata.optional(),
    visibility: Visibility,
    version: z.int().min(1),
  })
  .meta({ id: 'Session' });
export type Session = z.infer<typeof Session>;
