import type { IncomingMessage } from 'node:http';
import type { MiddlewareHandler } from 'hono';
import type { Route } from '@session-lens/sdk/contract';
import { viewerOf, type Principal } from '../auth/principal.js';
import { refusedOrigin } from '../auth/embed-token.js';
import type { AppDeps, LensEnv } from '../routes/context.js';
import { forbidden, unauthorized } from './problem.js';

/** The token of an `Authorization: Bearer <token>` header, if there is one. */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  return /^Bearer\s+(.+)$/i.exec(header.trim())?.[1]?.trim();
}

/**
 * 403 unless the principal holds the route's scopes (all of them, or one with `anyScope`): the
 * check of every route, and of each action a bulk call takes as that action's route.
 */
export function assertScopes(route: Pick<Route, 'scopes' | 'anyScope'>, principal: Principal): void {
  const missing = route.scopes.filter((scope) => !principal.scopes.has(scope));
  const refused = route.anyScope
    ? missing.length === route.scopes.length && route.scopes.length > 0
    : missing.length > 0;
  if (refused) {
    throw forbidden(`This needs the ${missing.join(', ')} scope${missing.length > 1 ? 's' : ''}.`);
  }
}

/**
 * Middleware that authenticates a request and leaves its caller in `c.var.caller`: a bearer
 * token (or, where `accessTokenQuery` allows it, `access_token` in the query, for a native
 * `EventSource`), the failed-authentication limit of the client address, the token's request
 * rate, an embed token's origins, and the route's scopes — in that order, each refusal a
 * problem document.
 */
export function authenticateRequest(
  deps: Pick<AppDeps, 'authenticate' | 'limits' | 'settings'>,
  route: Route,
  { accessTokenQuery = false } = {},
): MiddlewareHandler<LensEnv> {
  return async (c, next) => {
    let token = bearerToken(c.req.header('authorization'));
    if (!token && accessTokenQuery) token = new URL(c.req.url).searchParams.get('access_token') ?? undefined;
    if (!token) throw unauthorized();
    const address =
      (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket.remoteAddress ?? '';
    deps.limits.checkAddress(address);
    const principal = await deps.authenticate(token);
    if (!principal) {
      deps.limits.failedAuthentication(address);
      throw unauthorized('The token is unknown or expired.');
    }
    deps.limits.takeRequest(token);
    const refused = refusedOrigin(principal.embed, c.req.header('origin'));
    if (refused) throw forbidden(refused);
    assertScopes(route, principal);
    c.set('caller', { principal, token, viewer: viewerOf(principal, deps.settings) });
    await next();
  };
}
