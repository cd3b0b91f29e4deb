import { createHmac, randomBytes } from 'node:crypto';
import type { Scope } from '@session-lens/sdk';
import type { Database } from './db/index.js';
import { ALL_SCOPES, hashToken, type WorkspaceSettings } from './auth/principal.js';

/** The member the bootstrap admin token speaks for. */
export const ADMIN_MEMBER_ID = 'm_admin';

async function setting(db: Database, key: string, initial: () => string): Promise<string> {
  // Insert-if-absent then read: several processes starting on one database agree on one value.
  await db.query('insert into settings (key, value) values ($1, $2) on conflict (key) do nothing', [
    key,
    initial(),
  ]);
  const rows = await db.query<{ value: string }>('select value from settings where key = $1', [key]);
  return rows[0]?.value ?? initial();
}

/** Loads the workspace settings, creating them (and the embed-signing secret) on first start. */
export async function loadSettings(db: Database): Promise<WorkspaceSettings> {
  const workspaceName = await setting(db, 'workspace_name', () => 'Session Lens');
  const spendTracking = (await setting(db, 'spend_tracking', () => 'true')) === 'true';
  const secret = await setting(db, 'embed_secret', () => randomBytes(32).toString('base64url'));
  return { workspaceName, spendTracking, embedSecret: Buffer.from(secret, 'base64url') };
}

/** Creates or updates an API token (only its hash is stored). */
export async function upsertToken(
  db: Pick<Database, 'query'>,
  token: string,
  options: {
    label: string;
    principal: 'member' | 'agent';
    memberId: string;
    agentId?: string;
    scopes: readonly Scope[];
  },
): Promise<void> {
  await db.query(
    `insert into api_tokens (hash, label, principal, member_id, agent_id, scopes) values ($1, $2, $3, $4, $5, $6::text[])
     on conflict (hash) do update set label = excluded.label, principal = excluded.principal,
       member_id = excluded.member_id, agent_id = excluded.agent_id, scopes = excluded.scopes`,
    [
      hashToken(token),
      options.label,
      options.principal,
      options.memberId,
      options.agentId ?? null,
      [...options.scopes],
    ],
  );
}

const BOOTSTRAP_LABEL = 'bootstrap admin';

/**
 * Makes sure the admin member exists and registers the one bootstrap admin token: the one given
 * (`SESSION_LENS_ADMIN_TOKEN`), or else one derived from the workspace secret, so restarts and
 * every process on one database print the same token instead of piling up valid ones. Any other
 * bootstrap token (an earlier pinned or derived one) is revoked in the same transaction.
 */
export async function bootstrapAdmin(
  db: Database,
  settings: WorkspaceSettings,
  token: string | undefined,
): Promise<{ token: string; generated: boolean }> {
  const generated = !(token && token.length > 0);
  const value = generated
    ? `sl_admin_${createHmac('sha256', settings.embedSecret).update('bootstrap-admin').digest('base64url').slice(0, 24)}`
    : (token as string);
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into members (id, name, email, groups, position) values ($1, 'Workspace Admin', 'admin@session-lens.test', '{}', -1)
       on conflict (id) do nothing`,
      [ADMIN_MEMBER_ID],
    );
    await tx.query('delete from api_tokens where label = $1 and hash <> $2', [
      BOOTSTRAP_LABEL,
      hashToken(value),
    ]);
    await upsertToken(tx, value, {
      label: BOOTSTRAP_LABEL,
      principal: 'member',
      memberId: ADMIN_MEMBER_ID,
      scopes: ALL_SCOPES,
    });
  });
  return { token: value, generated };
}
