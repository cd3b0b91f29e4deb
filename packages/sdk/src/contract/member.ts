import * as z from 'zod/mini';
import { Timestamp } from './session.js';

/** Every scope a token can hold (X3). */
export const Scope = z.enum([
  'sessions:read',
  'flows:read',
  'sessions:write',
  'sessions:cancel-any',
  'conversations:manage',
  'sessions:review',
  'spend:read',
  'embed:mint',
  'sessions:admin',
]);
export type Scope = z.infer<typeof Scope>;

/** A workspace member: a person the owner facet lists and visibility lists name. */
export const Member = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  email: z.optional(z.string()),
  avatarUrl: z.optional(z.url()),
  groups: z.array(z.string()),
});
export type Member = z.infer<typeof Member>;

/** A group of members, named in visibility lists. */
export const Group = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string(),
});
export type Group = z.infer<typeof Group>;

/** `GET /v1/members`: every workspace member and group. */
export const MemberList = z.object({
  data: z.array(Member),
  groups: z.array(Group),
});
export type MemberList = z.infer<typeof MemberList>;

/**
 * A record a session can be scoped to: `initiative:<id>`, `plan:<id>` or `agent:<id>`.
 */
export const RecordScope = z
  .string()
  .check(
    z.regex(
      /^(initiative|plan|agent):[A-Za-z0-9_.:-]{1,128}$/,
      'Expected initiative:<id>, plan:<id> or agent:<id>',
    ),
  );
export type RecordScope = z.infer<typeof RecordScope>;

/** `GET /v1/me`: who the token speaks for, what it may do, and the workspace's settings. */
export const Me = z.object({
  /** `member` for a person's token, `agent` for an agent runtime's, `embed` for an embed token. */
  principal: z.enum(['member', 'agent', 'embed']),
  member: Member,
  scopes: z.array(Scope),
  /**
   * Set for an embed token: the one record it is locked to, when it expires, and the origins it
   * is bound to (when it was minted with `origins`).
   */
  embed: z.optional(
    z.object({ scope: RecordScope, expiresAt: Timestamp, origins: z.optional(z.array(z.string())) }),
  ),
  settings: z.object({
    workspaceName: z.string(),
    spendTracking: z.boolean(),
  }),
});
export type Me = z.infer<typeof Me>;
