import type { Session } from '../contract/session.js';

/** A valid session on the wire, for tests to start from and vary. */
export function wireSession(overrides: Partial<Session> = {}): Session {
  return {
    id: 'ses_7c3a2f10',
    kind: 'flow',
    title: 'Full SDLC',
    status: 'running',
    owner: { id: 'mem_sarah', name: 'Sarah Chen' },
    createdAt: '2026-11-21T09:00:00.000Z',
    updatedAt: '2026-11-21T09:11:42.000Z',
    progress: {
      steps: [
        { name: 'Plan', status: 'completed' },
        { name: 'Implement', status: 'running' },
        { name: 'Verify', status: 'pending' },
      ],
    },
    visibility: { type: 'workspace' },
    version: 3,
    ...overrides,
  };
}
