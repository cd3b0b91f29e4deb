import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Member, MemberList } from '@session-lens/sdk';
import type { LensClient } from '../context/lens-context.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The workspace's members and groups per client, asked once and shared by every element on the
 * page that lists them (members change rarely; a failed answer is forgotten, so the next ask tries
 * again).
 */
const byClient = new WeakMap<LensClient, Promise<MemberList>>();

/** Loads the members and groups through `client`, sharing one request per client. */
export function loadMemberList(client: LensClient): Promise<MemberList> {
  let list = byClient.get(client);
  if (!list) {
    list = client.members.list();
    byClient.set(client, list);
    list.catch(() => byClient.delete(client));
  }
  return list;
}

/** Loads the members through `client`, sharing one request per client. */
export function loadMembers(client: LensClient): Promise<Member[]> {
  return loadMemberList(client).then((list) => list.data);
}

/** What a {@link MembersController} knows: nothing yet, the members, or why they failed. */
export type MembersState =
  | { readonly status: 'idle' | 'loading' }
  | { readonly status: 'ready'; readonly members: readonly Member[] }
  | { readonly status: 'error'; readonly error: unknown };

/**
 * The workspace's members for an element, through the provider's client and the shared loader.
 * Call {@link load} when the element needs them (a facet opening); the host re-renders when they
 * arrive. An answer for a client the host no longer uses, or after it disconnected, is dropped.
 */
export class MembersController implements ReactiveController {
  readonly #host: Host;
  readonly #client: () => LensClient | undefined;
  #state: MembersState = { status: 'idle' };
  #for: LensClient | undefined;

  constructor(host: Host, client: () => LensClient | undefined) {
    this.#host = host;
    this.#client = client;
    host.addController(this);
  }

  get state(): MembersState {
    return this.#state;
  }

  /** Asks for the members unless they are loaded or loading for the current client. */
  load(): void {
    const client = this.#client();
    if (!client || !this.#host.isConnected) return;
    if (client === this.#for && this.#state.status !== 'error' && this.#state.status !== 'idle') return;
    this.#for = client;
    this.#set({ status: 'loading' });
    loadMembers(client).then(
      (members) => this.#settle(client, { status: 'ready', members }),
      (error: unknown) => this.#settle(client, { status: 'error', error }),
    );
  }

  hostDisconnected(): void {
    this.#for = undefined;
    if (this.#state.status === 'loading') this.#state = { status: 'idle' };
  }

  #settle(client: LensClient, state: MembersState): void {
    if (client === this.#for) this.#set(state);
  }

  #set(state: MembersState): void {
    this.#state = state;
    this.#host.requestUpdate();
  }
}
