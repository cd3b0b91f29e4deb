import type { Scope } from '@session-lens/sdk/contract';
import { READ_SCOPES, signEmbedToken } from '../auth/principal.js';
import { forbidden } from '../http/problem.js';
import type { AppDeps, Handlers } from './context.js';

/** Minting embed tokens (`POST /v1/embed-tokens`): a subset of the caller's read scopes, locked to one record. */
export function embedTokenHandlers({
  settings,
}: Pick<AppDeps, 'settings'>): Pick<Handlers, 'mintEmbedToken'> {
  return {
    mintEmbedToken: async ({ principal, body, now }) => {
      const held = READ_SCOPES.filter((scope) => principal.scopes.has(scope));
      const requested: Scope[] = body.scopes ?? held;
      const refused = requested.filter((scope) => !held.includes(scope));
      if (refused.length > 0) {
        throw forbidden(
          `An embed token carries only read scopes the caller holds; refused: ${refused.join(', ')}.`,
        );
      }
      const exp = Math.floor(now / 1000) + (body.ttlSeconds ?? 900);
      const token = signEmbedToken(settings, {
        sub: principal.member.id,
        scope: body.scope,
        scopes: requested,
        exp,
        ...(body.origins ? { origins: [...new Set(body.origins)] } : {}),
      });
      return { token, expiresAt: new Date(exp * 1000).toISOString() };
    },
  };
}
