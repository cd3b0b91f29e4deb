import type { MintEmbedToken } from '../contract/requests.js';
import type { EmbedToken } from '../contract/responses.js';
import { endpoints } from '../contract/endpoints.js';
import type { RequestOptions, SessionLensClient } from './client.js';

/** Embed tokens: mint them server-side, hand them to a `<session-tab>`. */
export class EmbedTokens {
  readonly #client: SessionLensClient;

  /** @internal Created by the client. */
  constructor(client: SessionLensClient) {
    this.#client = client;
  }

  /**
   * Mints a short-lived token locked to one record (`initiative:<id>`, `plan:<id>` or
   * `agent:<id>`) and a subset of the caller's read scopes. Needs `embed:mint`; call it from
   * your server, never from the browser.
   */
  mint(body: MintEmbedToken, options?: RequestOptions): Promise<EmbedToken> {
    return this.#client.request(endpoints.mintEmbedToken, { body }, options);
  }
}
