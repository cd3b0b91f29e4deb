import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Session, TranscriptEntry } from '@session-lens/sdk';
import type { LensClient } from '../context/lens-context.js';

type Host = ReactiveControllerHost & HTMLElement;

/** How often, at most, new entries are announced to assistive technology, in ms. */
export const ANNOUNCE_EVERY_MS = 5_000;

/** Options of {@link FollowController}; each getter is read on every host update. */
export type FollowControllerOptions = {
  client: () => LensClient | undefined;
  sessionId: () => string;
  /**
   * The `seq` of the last entry the host shows (0 for none), or undefined while it cannot tell
   * yet (its transcript is loading, or failed): following starts once this is known.
   */
  after: () => number | undefined;
  /** Told how many live entries arrived, at most once per {@link ANNOUNCE_EVERY_MS}. */
  announce?: (count: number) => void;
  /** The stream says the host's position is not the server's (`reset`): reload the transcript. */
  onReset?: () => void;
};

/**
 * Follows one session live (E13) through the client's `sessions.follow` (A16): keeps the entries
 * that arrive after the host's transcript and the newest version of the session, and re-renders
 * the host at most once per animation frame. It starts once the host knows where its transcript
 * ends, resumes after the last entry it holds when the host comes back to the page, starts over
 * for another session or client, and stops when the host leaves the page.
 *
 * Entries that arrive before the stream's first `session` event are the catch-up of what the
 * host had not loaded; only the ones after it are live: counted in {@link live} and announced.
 * A client without `sessions.follow` (a stand-in) follows nothing.
 */
export class FollowController implements ReactiveController {
  readonly #host: Host;
  readonly #options: FollowControllerOptions;
  #entries: TranscriptEntry[] = [];
  #session: Session | undefined;
  #live = 0;
  #following: { client: LensClient; id: string; stop: AbortController } | undefined;
  #frame = 0;
  #unannounced = 0;
  #announceTimer: ReturnType<typeof setTimeout> | undefined;
  /** The merged transcript of the last {@link withEntries} call, while nothing changed. */
  #merged:
    | { base: readonly TranscriptEntry[] | undefined; count: number; value: readonly TranscriptEntry[] }
    | undefined;

  constructor(host: Host, options: FollowControllerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The newest version of the session the stream brought, if any. */
  get session(): Session | undefined {
    return this.#session;
  }

  /** How many live entries (not the catch-up) arrived since the stream opened. */
  get live(): number {
    return this.#live;
  }

  /** Whether a stream is open (or reconnecting) for the host's session. */
  get following(): boolean {
    return this.#following !== undefined;
  }

  /** `base` with the followed entries after its last one; the same array while nothing changed. */
  withEntries(base: readonly TranscriptEntry[] | undefined): readonly TranscriptEntry[] | undefined {
    if (this.#entries.length === 0) return base;
    const merged = this.#merged;
    if (merged && merged.base === base && merged.count === this.#entries.length) return merged.value;
    const last = base?.at(-1)?.seq ?? 0;
    const value = [...(base ?? []), ...this.#entries.filter((entry) => entry.seq > last)];
    this.#merged = { base, count: this.#entries.length, value };
    return value;
  }

  hostConnected(): void {
    // Back on the page: the next update resumes where the entries end.
    this.#host.requestUpdate();
  }

  hostUpdated(): void {
    const client = this.#options.client();
    const id = this.#options.sessionId();
    const current = this.#following;
    if (current && current.client === client && current.id === id) return;
    if (current || this.#session?.id !== id) this.#stop(true);
    if (!client?.sessions.follow || !id) return;
    const after = this.#options.after();
    if (after === undefined) return;
    const stop = new AbortController();
    this.#following = { client, id, stop };
    void this.#run(client, id, after, stop.signal);
  }

  hostDisconnected(): void {
    this.#stop(false);
  }

  async #run(client: LensClient, id: string, after: number, signal: AbortSignal): Promise<void> {
    let caughtUp = false;
    try {
      const stream = client.sessions.follow!(id, { lastEventId: String(after), signal });
      for await (const event of stream) {
        if (signal.aborted) return;
        if (event.type === 'entry') {
          const last = this.#entries.at(-1)?.seq ?? after;
          if (event.data.seq <= last) continue;
          this.#entries.push(event.data);
          if (caughtUp) this.#arrived();
        } else if (event.type === 'session') {
          caughtUp = true;
          if (!this.#session || event.data.version > this.#session.version) this.#session = event.data;
        } else if (event.type === 'reset') {
          this.#entries = [];
          this.#options.onReset?.();
        }
        this.#render();
      }
    } catch {
      // Refused (the session left the caller's view, a 404): the detail shows what it has.
    }
  }

  #arrived(): void {
    this.#live += 1;
    this.#unannounced += 1;
    this.#announceTimer ??= setTimeout(() => {
      this.#announceTimer = undefined;
      const count = this.#unannounced;
      this.#unannounced = 0;
      if (count > 0) this.#options.announce?.(count);
    }, ANNOUNCE_EVERY_MS);
  }

  /** One host update per animation frame, however many events arrived in it. */
  #render(): void {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#host.requestUpdate();
    });
  }

  /** Closes the stream; `forget` also drops what it brought (another session, another client). */
  #stop(forget: boolean): void {
    this.#following?.stop.abort();
    this.#following = undefined;
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    clearTimeout(this.#announceTimer);
    this.#announceTimer = undefined;
    this.#unannounced = 0;
    if (!forget) return;
    this.#entries = [];
    this.#session = undefined;
    this.#merged = undefined;
    this.#live = 0;
  }
}
