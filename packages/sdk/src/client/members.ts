import type { MemberList } from '../contract/member.js';
import { endpoints } from '../contract/endpoints.js';
import type { RequestOptions, SessionLensClient } from './client.js';

/** Workspace members and groups. */
export class Members {
  readonly #client: SessionLensClient;

  /** @internal Created by the client. */
  constructor(client: SessionLensClient) {
    this.#client = client;
  }

  /** Every workspace member and group — the owner facet lists all of them. */
  list(options?: RequestOptions): Promise<MemberList> {
    return this.#client.request(endpoints.listMembers, {}, options);
  }
}
