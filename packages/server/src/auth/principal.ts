import { createHash } from 'node:crypto';
import { Scope, type Member, type RecordScope } from '@session-lens/sdk';
import type { Queryable } from '../db/index.js';
import type { Viewer } from '../sessions/model.js';
import { EMBED_PREFIX, signEmbedPayload, verifyEmbedToken, type EmbedPayload } from './embed-token.js';

/** Every scope, as held by the bootstrap admin token. */
export const ALL_SCOPES: readonly Scope[] = Scope.options;

/** The scopes an embed token may carry: reading only. */
export const READ_SCOPES: readonly Scope[] = ['sessions:read', 'flows:read', 'spend:read'];

/** Who a request speaks for (X3). */
export type Principal = {
  kind: 'member' | 'agent' | 'embed';
  member: Member;
  /** The agent an agent token belongs to. */
  agentId?: string | undefined;
  scopes: ReadonlySet<Scope>;
  /** Set for embed tokens. */
  embed?: { scope: RecordScope; expiresAt: string; origins?: string[] | undefined } | undefined;
};

/** Workspace settings, loaded once at start. */
export type WorkspaceSettings = {
  workspaceName: string;
  spendTracking: boolean;
  /** HMAC key for embed tokens; shared through the database by every process. */
  embedSecret: Buffer;
};

/** SHA-256 of an API token; only hashes are stored. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The viewer a principal reads as. */
export function viewerOf(principal: Principal, settings: WorkspaceSettings): Viewer {
  return {
    memberId: principal.member.id,
    groups: principal.member.groups,
    admin: principal.scopes.has('sessions:admin'),
    spend: settings.spendTracking && principal.scopes.has('spend:read'),
    lock: principal.embed?.scope,
  };
}

/** Signs an embed token with the workspace's secret (see `signEmbedPayload`). */
export function signEmbedToken(settings: WorkspaceSettings, payload: EmbedPayload): string {
  return signEmbedPayload(settings.embedSecret, payload);
}

type MemberRow = {
  id: string;
  name: string;
  email: string | null;
  avatar_url: string | null;
  groups: string[];
};

/** A member row as the contract's `Member`. */
export function memberFromRow(row: MemberRow): Member {
  return {
    id: row.id,
    name: row.name,
    ...(row.email ? { email: row.email } : {}),
    ...(row.avatar_url ? { avatarUrl: row.avatar_url } : {}),
    groups: row.groups,
  };
}

async function loadMember(db: Queryable, id: string): Promise<Member | undefined> {
  const rows = await db.query<MemberRow>(
    'select id, name, email, avatar_url, groups from members where id = $1',
    [id],
  );
  return rows[0] ? memberFromRow(rows[0]) : undefined;
}

/**
 * Resolves a bearer token to a principal, or undefined when it is unknown, malformed or expired.
 * API tokens are looked up by hash. Embed tokens are verified by signature and expiry and keep
 * only read scopes: the scopes and the record lock travel inside the signed payload, so nothing
 * the holder edits can widen them.
 */
export async function authenticate(
  db: Queryable,
  settings: WorkspaceSettings,
  token: string,
  now = Date.now(),
): Promise<Principal | undefined> {
  if (token.length === 0 || token.length > 4096) return undefined;
  if (token.startsWith(EMBED_PREFIX)) {
    const payload = verifyEmbedToken(settings.embedSecret, token, now);
    if (!payload) return undefined;
    const member = await loadMember(db, payload.sub);
    if (!member) return undefined;
    return {
      kind: 'embed',
      member,
      scopes: new Set(payload.scopes.filter((scope) => READ_SCOPES.includes(scope))),
      embed: {
        scope: payload.scope,
        expiresAt: new Date(payload.exp * 1000).toISOString(),
        ...(payload.origins ? { origins: payload.origins } : {}),
      },
    };
  }
  const rows = await db.query<{
    principal: 'member' | 'agent';
    member_id: string;
    agent_id: string | null;
    scopes: Scope[];
  }>('select principal, member_id, agent_id, scopes from api_tokens where hash = $1', [hashToken(token)]);
  const row = rows[0];
  if (!row) return undefined;
  const member = await loadMember(db, row.member_id);
  if (!member) return undefined;
  return {
    kind: row.principal,
    member,
    agentId: row.agent_id ?? undefined,
    scopes: new Set(row.scopes),
  };
}
