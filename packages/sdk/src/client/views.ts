import { endpoints } from '../contract/endpoints.js';
import type { CreateView, UpdateView } from '../contract/requests.js';
import type { View, ViewList } from '../contract/views.js';
import type { RequestOptions, SessionLensClient } from './client.js';

/**
 * Saved views (A13): named list filters, private to their owner unless shared. Apply one with
 * `view: id` on `sessions.list`, `sessions.watch` or `createLiveSessions`.
 */
export class Views {
  readonly #client: SessionLensClient;

  /** @internal Created by the client. */
  constructor(client: SessionLensClient) {
    this.#client = client;
  }

  /** The caller's own views and the shared ones, newest first. */
  list(options?: RequestOptions): Promise<ViewList> {
    return this.#client.request(endpoints.listViews, {}, options) as Promise<ViewList>;
  }

  /** One view; a `NotFoundError` for another member's private view. */
  get(id: string, options?: RequestOptions): Promise<View> {
    return this.#client.request(endpoints.getView, { params: { id } }, options) as Promise<View>;
  }

  /** Saves a view (members only; at most 100 each: a `ConflictError` past that). */
  create(body: CreateView, options?: RequestOptions): Promise<View> {
    return this.#client.request(endpoints.createView, { body }, options) as Promise<View>;
  }

  /** Renames, refilters (replacing the filters whole) or shares a view; its owner only. */
  update(id: string, body: UpdateView, options?: RequestOptions): Promise<View> {
    return this.#client.request(endpoints.updateView, { params: { id }, body }, options) as Promise<View>;
  }

  /** Deletes a view; its owner only. Resolves with the deleted view. */
  delete(id: string, options?: RequestOptions): Promise<View> {
    return this.#client.request(endpoints.deleteView, { params: { id } }, options) as Promise<View>;
  }
}
