import type { Hono } from 'hono';
import { routes, type Route, type RouteName } from '@session-lens/sdk/contract';
import type { Queryable } from '../db/index.js';
import { authenticateRequest } from '../http/authenticate.js';
import { runIdempotent, runIdempotentBatch } from '../http/idempotency.js';
import { respond } from '../http/respond.js';
import { readJsonBody, validateInput } from '../http/route-input.js';
import {
  honoPath,
  type AppDeps,
  type HandlerContext,
  type Handlers,
  type JsonRouteName,
  type LensEnv,
} from './context.js';

/** Routes whose handler changes data: run in one transaction together with the idempotency record. */
export const WRITE_ROUTES: ReadonlySet<RouteName> = new Set([
  'startSession',
  'ingestActivity',
  'cancelSession',
  'endSession',
  'submitSession',
  'reviewSession',
  'setVisibility',
]);

/**
 * Routes whose handler makes many changes, each in a transaction of its own (the bulk call):
 * run idempotently around them, the record written once they have all run.
 */
export const BATCH_WRITE_ROUTES: ReadonlySet<RouteName> = new Set(['bulkSessions']);

/** `METHOD /path/{param}` of every write route, as the request metrics label them. */
export function writeRouteLabels(): Set<string> {
  return new Set(
    [...WRITE_ROUTES, ...BATCH_WRITE_ROUTES].map(
      (name) => `${routes[name].method.toUpperCase()} ${routes[name].path}`,
    ),
  );
}

/**
 * Registers every JSON route of the contract's route table with its handler: authentication,
 * then the validated parameters and query, then the body; reads run on the database, writes in
 * one transaction with their idempotency record; the answer is checked against the contract.
 */
export function mountJsonRoutes(app: Hono<LensEnv>, handlers: Handlers, deps: AppDeps): void {
  for (const name of Object.keys(handlers) as JsonRouteName[]) {
    const route: Route = routes[name];
    const handler = handlers[name] as (ctx: HandlerContext<Route>, tx: Queryable) => Promise<unknown>;
    const check = { validate: deps.validateResponses, logger: deps.logger, name };
    app.on(
      route.method.toUpperCase(),
      honoPath(route.path),
      authenticateRequest(deps, route),
      validateInput(route, deps.db),
      async (c) => {
        const { principal, viewer } = c.var.caller;
        const { body, text } = await readJsonBody(c, route, deps.maxBodyBytes);
        const ctx = { c, principal, viewer, ...c.var.input, body, now: Date.now() } as HandlerContext<Route>;
        const request = { c, route, name, text, principal, viewer };
        let outcome;
        if (WRITE_ROUTES.has(name)) {
          outcome = await runIdempotent(deps.store, request, (tx) => handler(ctx, tx));
        } else if (BATCH_WRITE_ROUTES.has(name)) {
          outcome = await runIdempotentBatch(deps.store, request, () => handler(ctx, deps.db));
        } else {
          return respond(c, route, route.response.status, await handler(ctx, deps.db), check);
        }
        if (outcome.replayed) c.header('idempotent-replayed', 'true');
        return respond(c, route, outcome.status, outcome.body, check);
      },
    );
  }
}
