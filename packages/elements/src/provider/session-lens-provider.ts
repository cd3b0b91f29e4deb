import { ContextProvider } from '@lit/context';
import { LitElement, css, html, type PropertyValues } from 'lit';
import { createClient, type TokenRequest } from '@session-lens/sdk';
import { LensClock } from '../context/clock.js';
import {
  UNKNOWN_IDENTITY,
  clientContext,
  clockContext,
  identityContext,
  identityFromMe,
  type LensClient,
  type LensIdentity,
} from '../context/lens-context.js';

/**
 * Hands every Session Lens element inside it what it needs (E8): a client for the Sessions API,
 * the caller's identity and scopes (from `/v1/me`), and one clock that ticks every time label on
 * the page. It renders nothing of its own.
 *
 * Give it `base-url` and `token` (or a `getToken` callback that returns a fresh embed token), or a
 * ready `client`. Changing any of them builds a new client and reloads the identity; until
 * `/v1/me` answers no scope is held, so gated actions (Cancel, End, cost) stay hidden.
 *
 * @summary Provides the client, identity and shared clock to the elements inside.
 * @tagname session-lens-provider
 *
 * @slot - The page content whose Session Lens elements use this provider.
 */
export class SessionLensProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  static override properties = {
    baseUrl: { attribute: 'base-url' },
    token: {},
    getToken: { attribute: false },
    client: { attribute: false },
  };

  /** Where the Sessions API lives, e.g. `https://lens.example.com`. */
  baseUrl = '';

  /** A bearer token (a person's token, or a scoped embed token). */
  token = '';

  /**
   * Returns a bearer token; called per request, and again after a 401 with `{ refresh: true }`,
   * so an expired embed token is replaced by a fresh one rather than handed out again from a cache.
   */
  getToken?: (context: TokenRequest) => string | Promise<string>;

  /** A ready client; when set, `base-url`, `token` and `getToken` are not used. */
  client?: LensClient;

  /** The clock every time label inside reads. */
  readonly clock = new LensClock();

  // Created in the constructor, before any child connects, so no child's request goes unheard.
  readonly #clientProvider = new ContextProvider(this, { context: clientContext });
  readonly #identityProvider = new ContextProvider(this, {
    context: identityContext,
    initialValue: UNKNOWN_IDENTITY,
  });
  readonly #clockProvider = new ContextProvider(this, { context: clockContext, initialValue: this.clock });
  #generation = 0;

  /** The identity currently provided. */
  get identity(): LensIdentity {
    return this.#identityProvider.value ?? UNKNOWN_IDENTITY;
  }

  /** The client currently provided (undefined until `base-url` and a token are set). */
  get currentClient(): LensClient | undefined {
    return this.#clientProvider.value;
  }

  /** Asks `/v1/me` again and provides the answer. */
  async refreshIdentity(): Promise<LensIdentity> {
    const client = this.#clientProvider.value;
    const mine = ++this.#generation;
    if (!client) {
      this.#identityProvider.setValue(UNKNOWN_IDENTITY);
      return UNKNOWN_IDENTITY;
    }
    this.#identityProvider.setValue(UNKNOWN_IDENTITY);
    let identity: LensIdentity;
    try {
      identity = identityFromMe(await client.me.get());
    } catch {
      // Without an identity no scope is held, so no gated action shows: the safe failure.
      identity = { status: 'error', me: undefined, scopes: new Set() };
    }
    // A newer client may have replaced this one while we waited: its answer wins.
    if (mine === this.#generation) this.#identityProvider.setValue(identity);
    return identity;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client') || changed.has('baseUrl') || changed.has('token') || changed.has('getToken')) {
      this.#clockProvider.setValue(this.clock);
      this.#clientProvider.setValue(this.#buildClient());
      void this.refreshIdentity();
    }
  }

  override render() {
    return html`<slot></slot>`;
  }

  #buildClient(): LensClient | undefined {
    if (this.client) return this.client;
    if (!this.baseUrl || (!this.token && !this.getToken)) return undefined;
    return createClient({
      baseUrl: this.baseUrl,
      ...(this.getToken ? { getToken: this.getToken } : { token: this.token }),
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'session-lens-provider': SessionLensProvider;
  }
}
