import type { Context } from 'hono';
import type { z } from 'zod/mini';
import type { Route, RouteName, routes } from '@session-lens/sdk/contract';
import type { Database, Queryable } from '../db/index.js';
import type { Principal, WorkspaceSettings } from '../auth/principal.js';
import type { CursorSeal } from '../http/cursors.js';
import type { RequestLimits } from '../http/limits.js';
import type { Logger } from '../ops/logger.js';
import type { Viewer } from '../sessions/model.js';
import type { SessionStore } from '../sessions/store.js';
import type { StreamHub } from '../stream/hub.js';

/** What the route handlers and the request middleware share: one app's parts and settings. */
export type AppDeps = {
  db: Database;
  store: SessionStore;
  hub: StreamHub;
  settings: WorkspaceSettings;
  cursors: CursorSeal;
  limits: RequestLimits;
  logger: Logger;
  /** Resolves a bearer token to its principal (cached), or undefined when it is not accepted. */
  authenticate: (token: string) => Promise<Principal | undefined>;
  /** Check every response body against the contract. */
  validateResponses: boolean;
  /** Largest accepted request body, in bytes. */
  maxBodyBytes: number;
};

/** The authenticated caller of a request. */
export type Caller = { principal: Principal; token: string; viewer: Viewer };

/** The Hono environment of the API routes: what the middleware leaves for the handler. */
export type LensEnv = {
  Variables: {
    caller: Caller;
    /** Validated path parameters and query (undefined where the route takes none). */
    input: { params: unknown; query: unknown };
  };
};

type Out<S> = S extends z.ZodMiniType ? z.output<S> : undefined;

/** What a handler receives: the caller and its validated input. */
export type HandlerContext<R extends Route> = {
  c: Context<LensEnv>;
  principal: Principal;
  viewer: Viewer;
  params: Out<R['params']>;
  query: Out<R['query']>;
  body: Out<R['body']>;
  now: number;
};

type RouteTable = typeof routes;

/** The JSON routes: all but the two streams, the export and the unauthenticated service endpoints. */
export type JsonRouteName = Exclude<
  RouteName,
  'stream' | 'followSession' | 'exportSessions' | 'health' | 'ready'
>;

/** One handler per JSON route; `tx` is the transaction of a write (the database for a read). */
export type Handlers = {
  [K in JsonRouteName]: (ctx: HandlerContext<RouteTable[K]>, tx: Queryable) => Promise<unknown>;
};

/** A response body that is already JSON text (spliced, never parsed and re-serialized). */
export class RawJson {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

/** The contract's `{id}` path style in Hono's `:id`. */
export const honoPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');
