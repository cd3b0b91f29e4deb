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
  readonly client: LensClient;
  readonly clock: LensClock;
  /** The identity currently provided. */
  readonly identity: LensIdentity;
  /** Asks `/v1/me` again (after a token change, say) and provides the answer. */
  refreshIdentity(): Promise<LensIdentity>;
  /** Replaces the client, and reloads the identity unless one was given. */
  setClient(client: LensClient): void;
  /** Stops providing: descendants fall back to no client and the default clock. */
  dispose(): void;
};

type ProviderSet = {
  client: ContextProvider<typeof clientContext>;
  identity: ContextProvider<typeof identityContext>;
  clock: ContextProvider<typeof clockContext>;
};

const listeners = new WeakMap<HTMLElement, ProviderSet>();

/**
 * Provides a client, the caller's identity (from `/v1/me`) and one shared clock to every Session
 * Lens element inside `element` (E8), without `<session-lens-provider>`: for a host that builds
 * its own client, or renders into an element it owns.
 *
 * Call it before the elements inside connect (before appending them, or before loading the
 * `define` entry); elements that connected earlier pick the provision up when next connected.
 */
export function provideSessionLens(
  element: HTMLElement,
  client: LensClient,
  options: ProvideOptions = {},
): SessionLensProvision {
  const clock = options.clock ?? new LensClock();
  const providers: ProviderSet = listeners.get(element) ?? {
    client: new ContextProvider(element, { context: clientContext }),
    identity: new ContextProvider(element, { context: identityContext }),
    clock: new ContextProvider(element, { context: clockContext }),
  };
  listeners.set(element, providers);
  let current = client;
  let identity = options.identity ?? UNKNOWN_IDENTITY;
  let generation = 0;
  providers.client.setValue(client);
  providers.clock.setValue(clock);
  providers.identity.setValue(identity);

  const refreshIdentity = async (): Promise<LensIdentity> => {
    const mine = ++generation;
    try {
      const next = identityFromMe(await current.me.get());
      if (mine === generation) identity = next;
    } catch {
      // Without an identity no scope is held, so no gated action shows: the safe failure.
      if (mine === generation) identity = { status: 'error', me: undefined, scopes: new Set() };
    }
    providers.identity.setValue(identity);
    return identity;
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
        identity = UNKNOWN_IDENTITY;
        providers.identity.setValue(identity);
        void refreshIdentity();
      }
    },
    dispose() {
      generation++;
      providers.client.setValue(undefined);
      providers.identity.setValue(undefined);
      providers.clock.setValue(undefined);
    },
  };
}
