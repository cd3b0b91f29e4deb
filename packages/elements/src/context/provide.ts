import { ContextProvider } from '@lit/context';
import { LensClock } from './clock.js';
import {
  UNKNOWN_IDENTITY,
  clientContext,
  clockContext,
  identityContext,
  identityFromMe,
  type LensClient,
  type LensIdentity,
} from './lens-context.js';

/** Options of {@link provideSessionLens}. */
export type ProvideOptions = {
  /** The clock to share; a new one ticking each second by default. */
  clock?: LensClock;
  /**
   * The identity to provide instead of asking `/v1/me` (a host that already knows it, a story).
   * Omit it and the identity is loaded from the client.
   */
  identity?: LensIdentity;
};

/** What {@link provideSessionLens} set up, and how to change or undo it. */
export type SessionLensProvision = {
  /** The client currently provided; none until a host has one. */
  readonly client: LensClient | undefined;
  readonly clock: LensClock;
  /** The identity currently provided. */
  readonly identity: LensIdentity;
  /** Asks `/v1/me` again (after a token change, say) and provides the answer. */
  refreshIdentity(): Promise<LensIdentity>;
  /** Replaces the client (or removes it), and reloads the identity unless one was given. */
  setClient(client: LensClient | undefined): void;
  /** Stops providing: descendants fall back to no client and the default clock. */
  dispose(): void;
};

type ProviderSet = {
  client: ContextProvider<typeof clientContext>;
  identity: ContextProvider<typeof identityContext>;
  clock: ContextProvider<typeof clockContext>;
};

const providersOf = new WeakMap<HTMLElement, ProviderSet>();

/** What a failed `/v1/me` leaves: no scope is held, so no gated action shows (the safe failure). */
const FAILED_IDENTITY: LensIdentity = { status: 'error', me: undefined, scopes: new Set() };

/**
 * Provides a client, the caller's identity (from `/v1/me`) and one shared clock to every Session
 * Lens element inside `element`, without `<session-lens-provider>`: for a host that builds its
 * own client, or renders into an element it owns. `<session-lens-provider>` is this, as an
 * element.
 *
 * Call it before the elements inside connect (before appending them, or before loading the
 * `define` entry); elements that connected earlier pick the provision up when next connected.
 * Each identity load aborts the one before it: only the newest client's answer is provided.
 */
export function provideSessionLens(
  element: HTMLElement,
  client: LensClient | undefined,
  options: ProvideOptions = {},
): SessionLensProvision {
  const clock = options.clock ?? new LensClock();
  const providers: ProviderSet = providersOf.get(element) ?? {
    client: new ContextProvider(element, { context: clientContext }),
    identity: new ContextProvider(element, { context: identityContext }),
    clock: new ContextProvider(element, { context: clockContext }),
  };
  providersOf.set(element, providers);
  let current = client;
  let identity = options.identity ?? UNKNOWN_IDENTITY;
  let load: AbortController | undefined;
  providers.client.setValue(client);
  providers.clock.setValue(clock);
  providers.identity.setValue(identity);

  const provideIdentity = (next: LensIdentity) => {
    identity = next;
    providers.identity.setValue(next);
    return next;
  };
  const refreshIdentity = async (): Promise<LensIdentity> => {
    load?.abort();
    const mine = (load = new AbortController());
    if (!current) return provideIdentity(UNKNOWN_IDENTITY);
    let next: LensIdentity;
    try {
      next = identityFromMe(await current.me.get({ signal: mine.signal }));
    } catch {
      next = FAILED_IDENTITY;
    }
    // A newer load (another client, or dispose) superseded this one: its answer wins.
    return mine.signal.aborted ? identity : provideIdentity(next);
  };
  if (!options.identity) void refreshIdentity();

  return {
    get client() {
      return current;
    },
    clock,
    get identity() {
      return identity;
    },
    refreshIdentity,
    setClient(next) {
      current = next;
      providers.client.setValue(next);
      if (!options.identity) {
        provideIdentity(UNKNOWN_IDENTITY);
        void refreshIdentity();
      }
    },
    dispose() {
      load?.abort();
      providers.client.setValue(undefined);
      providers.identity.setValue(undefined);
      providers.clock.setValue(undefined);
    },
  };
}
