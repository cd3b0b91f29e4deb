import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Session } from '@session-lens/sdk';
import type { LensClient } from '../context/lens-context.js';
import { nearestSessionStore } from '../context/session-store.js';
import { SessionActionErrorEvent, SessionActionEvent, type SessionAction } from '../events/events.js';
import { errorMessage } from '../internal/format.js';

type Host = ReactiveControllerHost & HTMLElement;

/** Options of {@link SessionActionController}. */
export type SessionActionOptions = {
  /** The client to call: the provider's. */
  client: () => LensClient | undefined;
  /** What to say of a refusal that carries no message of its own, in the host's language. */
  fallbackMessage: () => string;
};

/** The server's refusal of an action, with the session it was about. */
export type ActionRefusal = {
  readonly sessionId: string;
  readonly action: SessionAction;
  readonly message: string;
};

/** What each action asks of the server. */
const CALLS: Readonly<Record<SessionAction, (client: LensClient, id: string) => Promise<Session>>> = {
  cancel: (client, id) => client.sessions.cancel(id),
  end: (client, id) => client.sessions.end(id),
  approve: (client, id) => client.sessions.review(id, { decision: 'completed' }),
  reject: (client, id) => client.sessions.review(id, { decision: 'rejected' }),
};

/**
 * Runs a person's action on a session — Cancel, End, Approve, Reject — for the element that
 * offers it (`<session-row>`, `<session-detail>`), one action at a time.
 *
 * {@link run} fires the cancelable `session-action` from the host first (a host that handles the
 * action itself calls `preventDefault()`), then marks the action pending and calls the client.
 * The server's answer goes to the live store around the host (the list the session came from),
 * so the session comes back down as data like any other change; the element never writes it
 * into its own properties. A refusal is kept for the host to show and fired as
 * `session-action-error`. Pending and refusal belong to one session id: a row reused for another
 * session shows neither.
 *
 * An element placed by hand, with no live store around it, has nowhere to send the answer: then
 * {@link latest} shows the answer until a newer version of the session is handed in.
 */
export class SessionActionController implements ReactiveController {
  readonly #host: Host;
  readonly #options: SessionActionOptions;
  #pending: { readonly sessionId: string; readonly action: SessionAction } | undefined;
  #refusal: ActionRefusal | undefined;
  /** The last answer, kept only when no live store took it. */
  #answer: Session | undefined;

  constructor(host: Host, options: SessionActionOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The action in flight on `session`, if any. */
  pendingFor(session: Session | undefined): SessionAction | undefined {
    return session && this.#pending?.sessionId === session.id ? this.#pending.action : undefined;
  }

  /** The server's refusal of the last action on `session`, if it refused. */
  refusalFor(session: Session | undefined): ActionRefusal | undefined {
    return session && this.#refusal?.sessionId === session.id ? this.#refusal : undefined;
  }

  /**
   * The newer of `session` and the answer kept when no live store was there to take it; with a
   * store around the host, `session` itself.
   */
  latest(session: Session | undefined): Session | undefined {
    const answer = this.#answer;
    if (!session || answer?.id !== session.id) return session;
    return answer.version > session.version ? answer : session;
  }

  /** Runs `action` on `session` (nothing while another action is in flight). */
  async run(session: Session, action: SessionAction): Promise<void> {
    if (this.#pending) return;
    this.#refusal = undefined;
    this.#host.requestUpdate();
    if (!this.#host.dispatchEvent(new SessionActionEvent(session, action))) return;
    const client = this.#options.client();
    if (!client) return;
    this.#pending = { sessionId: session.id, action };
    try {
      this.#deliver(await CALLS[action](client, session.id));
    } catch (error) {
      const message = errorMessage(error, this.#options.fallbackMessage());
      this.#refusal = { sessionId: session.id, action, message };
      this.#host.dispatchEvent(new SessionActionErrorEvent(session, action, error, message));
    } finally {
      this.#pending = undefined;
      this.#host.requestUpdate();
    }
  }

  /** A refusal belongs to the moment it was shown: an element taken off the page and put back shows none. */
  hostDisconnected(): void {
    this.#refusal = undefined;
  }

  /** Hands the answer to the live store around the host, else keeps it for {@link latest}. */
  #deliver(answer: Session): void {
    const store = nearestSessionStore(this.#host);
    if (store) {
      this.#answer = undefined;
      store.apply(answer);
    } else if (!this.#answer || this.#answer.id !== answer.id || answer.version > this.#answer.version) {
      this.#answer = answer;
    }
  }
}
