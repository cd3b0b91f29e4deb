import { LitElement, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { createClient, type TokenRequest } from '@session-lens/sdk';
import { LensClock } from '../context/clock.js';
import type { LensClient, LensIdentity } from '../context/lens-context.js';
import { provideSessionLens } from '../context/provide.js';

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

  /** Where the Sessions API lives, e.g. `https://lens.example.com`. */
  @property({ attribute: 'base-url' }) baseUrl = '';

  /** A bearer token (a person's token, or a scoped embed token). */
  @property() token = '';

  /**
   * Returns a bearer token; called per request, and again after a 401 with `{ refresh: true }`,
   * so an expired embed token is replaced by a fresh one rather than handed out again from a cache.
   */
  @property({ attribute: false }) getToken?: (context: TokenRequest) => string | Promise<string>;

  /** A ready client; when set, `base-url`, `token` and `getToken` are not used. */
  @property({ attribute: false }) client?: LensClient;

  /** The clock every time label inside reads. */
  readonly clock = new LensClock();

  // Set up in the constructor, before any child connects, so no child's request goes unheard.
  readonly #provision = provideSessionLens(this, undefined, { clock: this.clock });

  /** The identity currently provided. */
  get identity(): LensIdentity {
    return this.#provision.identity;
  }

  /** The client currently provided (undefined until `base-url` and a token are set). */
  get currentClient(): LensClient | undefined {
    return this.#provision.client;
  }

  /** Asks `/v1/me` again and provides the answer. */
  refreshIdentity(): Promise<LensIdentity> {
    return this.#provision.refreshIdentity();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client') || changed.has('baseUrl') || changed.has('token') || changed.has('getToken')) {
      this.#provision.setClient(this.#buildClient());
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
