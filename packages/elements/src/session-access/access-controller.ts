import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MemberList, Session, Visibility } from '@session-lens/sdk';
import type { LensClient } from '../context/lens-context.js';
import { nearestSessionStore } from '../context/session-store.js';
import { loadMemberList } from '../data/members-controller.js';
import { errorMessage, errorStatus } from '../internal/format.js';

type Host = ReactiveControllerHost & HTMLElement;

/** Fired when a person saved who may see a session, with the server's answer. */
export class SessionVisibilityChangeEvent extends CustomEvent<{ session: Session; visibility: Visibility }> {
  static readonly eventName = 'session-visibility-change';
  constructor(session: Session) {
    super(SessionVisibilityChangeEvent.eventName, {
      bubbles: true,
      composed: true,
      detail: { session, visibility: session.visibility },
    });
  }
}

/** Why a save failed: the server's message, and whether it was a conflict (409). */
export type AccessRefusal = { readonly message: string; readonly conflict: boolean };

/**
 * The I/O of `<session-access>`: the workspace's members and groups (`GET /v1/members`, shared
 * with every element through the members loader) and saving a session's visibility
 * (`PUT /v1/sessions/{id}/visibility` through the provider's client). The server's answer goes to
 * the live store around the host, as an action's does, and is fired as
 * `session-visibility-change`; with no store around, {@link latest} keeps it until a newer
 * version of the session is handed in. The element only renders what this holds.
 */
export class AccessController implements ReactiveController {
  readonly #host: Host;
  readonly #client: () => LensClient | undefined;
  #directory: MemberList | undefined;
  #directoryFailed: unknown;
  #saving = false;
  #refusal: AccessRefusal | undefined;
  #answer: Session | undefined;

  constructor(host: Host, client: () => LensClient | undefined) {
    this.#host = host;
    this.#client = client;
    host.addController(this);
  }

  /** A refusal belongs to the moment it was shown. */
  hostDisconnected(): void {
    this.#refusal = undefined;
  }

  /** The members and groups, once loaded. */
  get directory(): MemberList | undefined {
    return this.#directory;
  }

  /** Why the members could not be loaded, if they could not. */
  get directoryFailed(): unknown {
    return this.#directoryFailed;
  }

  get saving(): boolean {
    return this.#saving;
  }

  get refusal(): AccessRefusal | undefined {
    return this.#refusal;
  }

  /** Asks for the members and groups unless they are here (one request per client, shared). */
  loadDirectory(): void {
    const client = this.#client();
    if (!client || this.#directory) return;
    this.#directoryFailed = undefined;
    loadMemberList(client).then(
      (list) => this.#settle(() => (this.#directory = list)),
      (error: unknown) => this.#settle(() => (this.#directoryFailed = error)),
    );
  }

  /** The newer of `session` and the last answer kept when no live store took it. */
  latest(session: Session): Session {
    const answer = this.#answer;
    return answer?.id === session.id && answer.version > session.version ? answer : session;
  }

  /** Forgets the last refusal (the dialog opened again). */
  clearRefusal(): void {
    this.#refusal = undefined;
  }

  /** Saves `visibility` for `session`; resolves true when the server took it. */
  async save(session: Session, visibility: Visibility, fallback: string): Promise<boolean> {
    const client = this.#client();
    if (!client?.sessions.setVisibility || this.#saving) return false;
    this.#saving = true;
    this.#refusal = undefined;
    this.#host.requestUpdate();
    try {
      const answer = await client.sessions.setVisibility(session.id, visibility);
      const store = nearestSessionStore(this.#host);
      if (store) store.apply(answer);
      else this.#answer = answer;
      this.#host.dispatchEvent(new SessionVisibilityChangeEvent(answer));
      return true;
    } catch (error) {
      this.#refusal = { message: errorMessage(error, fallback), conflict: errorStatus(error) === 409 };
      return false;
    } finally {
      this.#saving = false;
      this.#host.requestUpdate();
    }
  }

  #settle(apply: () => void): void {
    if (!this.#host.isConnected) return;
    apply();
    this.#host.requestUpdate();
  }
}
