import { createHmac } from 'node:crypto';
import { Scope } from '@session-lens/sdk';
import type { Database } from '../db/index.js';
import type { WorkspaceSettings } from '../auth/principal.js';
import { upsertToken } from '../workspace.js';

/** The ready-to-use tokens of the demo workspace (`--print-tokens`). */
export type DemoTokens = {
  /** Every scope except `sessions:admin`, spend included. */
  member: string;
  /** A member without `spend:read`: cost is absent from everything it reads. */
  memberNoSpend: string;
  /** Read-only (with spend), used by the placeholder page at `/`. */
  reader: string;
  /** Agent runtimes' tokens (principal `agent`), one per agent-owning member. */
  agents: { token: string; agentId: string; memberId: string }[];
};

/** A member holds every scope but workspace administration. */
const MEMBER_SCOPES: Scope[] = Scope.options.filter((scope) => scope !== 'sessions:admin');

/** Members whose agent tokens the simulator drives, with the agent each one runs. */
const AGENT_OWNERS: readonly [string, string][] = [
  ['m_sarah', 'ag_web1'],
  ['m_dev', 'ag_bastion1'],
  ['m_lina', 'ag_db1'],
  ['m_tomas', 'ag_api2'],
  ['m_priya', 'ag_worker3'],
  ['m_omar', 'ag_k8snode1'],
  // The demo host's admin and member (DEMO_PERSONAS) get live work of their own too.
  ['m_ana', 'ag_web2'],
  ['m_ben', 'ag_api1'],
];

/** Registers the demo tokens (idempotent) and returns them. */
export async function ensureDemoTokens(db: Database, settings: WorkspaceSettings): Promise<DemoTokens> {
  const member = demoToken(settings, 'member');
  const memberNoSpend = demoToken(settings, 'nospend');
  const reader = demoToken(settings, 'reader');
  await upsertToken(db, member, {
    label: 'demo member',
    principal: 'member',
    memberId: 'm_ana',
    scopes: MEMBER_SCOPES,
  });
  await upsertToken(db, memberNoSpend, {
    label: 'demo member without spend',
    principal: 'member',
    memberId: 'm_ben',
    scopes: MEMBER_SCOPES.filter((scope) => scope !== 'spend:read'),
  });
  await upsertToken(db, reader, {
    label: 'demo reader',
    principal: 'member',
    memberId: 'm_ana',
    scopes: ['sessions:read', 'flows:read', 'spend:read'],
  });
  const agents: DemoTokens['agents'] = [];
  for (const [memberId, agentId] of AGENT_OWNERS) {
    const token = demoToken(settings, `agent_${agentId}`);
    await upsertToken(db, token, {
      label: `demo agent ${agentId}`,
      principal: 'agent',
      memberId,
      agentId,
      scopes: ['sessions:read', 'flows:read', 'sessions:write'],
    });
    agents.push({ token, agentId, memberId });
  }
  return { member, memberNoSpend, reader, agents };
}

/**
 * A deterministic demo token for a label, derived from the workspace secret: the same data
 * directory always prints the same demo tokens, and no plaintext token is stored.
 */
export function demoToken(settings: WorkspaceSettings, label: string): string {
  return `sl_demo_${label}_${createHmac('sha256', settings.embedSecret).update(`demo:${label}`).digest('base64url').slice(0, 24)}`;
}
