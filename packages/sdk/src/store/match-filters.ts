import type { SessionFilters } from '../contract/requests.js';
import type { Session } from '../contract/session.js';
import { isActive } from '../helpers/active.js';

/**
 * Whether a session still matches the filters whose answer can change during its life: `status`
 * and `active` (plus `kind` and `owner`, which are exact). The live store uses it to drop a
 * session that an update, or the clock, moved out of the filtered view — no event announces
 * either. Text and record filters (`q`, `hostname`, `scope`, `agent`, `playbook`) are left to
 * the server, whose matching rules are authoritative and whose stream is already filtered.
 */
export function matchesFilters(session: Session, filters: SessionFilters, now: number): boolean {
  if (filters.kind?.length && !filters.kind.includes(session.kind)) return false;
  if (filters.owner?.length && !filters.owner.includes(session.owner.id)) return false;
  if (filters.status?.length && !filters.status.includes(session.status)) return false;
  if (filters.active !== undefined && isActive(session, now) !== filters.active) return false;
  return true;
}
