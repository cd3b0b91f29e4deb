import type { Group, Member, MemberList } from '@session-lens/sdk';
import type { Queryable } from '../db/index.js';
import { memberFromRow, type Principal } from './principal.js';

/**
 * What each principal may read of the workspace's members (A6, A7). An embed token lives in a
 * browser page, often one shown to people outside the workspace, so it reads only what the owner
 * facet and the avatars need: each member's id, name and avatar. Emails, group membership and
 * the group list are left out (`groups: []`), and `/v1/me` leaves out the minting member's email.
 * Member, agent and admin tokens read everything.
 */
export function memberAsSeenBy(principal: Principal, member: Member): Member {
  if (principal.kind !== 'embed') return member;
  return {
    id: member.id,
    name: member.name,
    ...(member.avatarUrl ? { avatarUrl: member.avatarUrl } : {}),
    groups: [],
  };
}

/** `GET /v1/members` for this principal. */
export async function listMembers(db: Queryable, principal: Principal): Promise<MemberList> {
  const members = await db.query<Parameters<typeof memberFromRow>[0]>(
    'select id, name, email, avatar_url, groups from members order by position, id',
  );
  const groups =
    principal.kind === 'embed' ? [] : await db.query<Group>('select id, name from groups order by id');
  return { data: members.map((row) => memberAsSeenBy(principal, memberFromRow(row))), groups };
}
