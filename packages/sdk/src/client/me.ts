import type { Me } from '../contract/member.js';
import { endpoints } from '../contract/endpoints.js';
import type { RequestOptions, SessionLensClient } from './client.js';

/** The caller's identity. */
export class MeResource {
  readonly #client: SessionLensClient;

  /** @internal Created by the client. */
  constructor(client: SessionLensClient) {
    this.#client = client;
  }

  /** Who the token speaks for, the scopes it holds and the workspace's settings. */
  get(options?: RequestOptions): Promise<Me> {
    return this.#client.request(endpoints.getMe, {}, options);
  }
}
