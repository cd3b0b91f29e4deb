import { Task, TaskStatus, initialState } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import type { Execution, Insight, Session, TranscriptEntry } from '@session-lens/sdk';
import type { LensClient } from '../context/lens-context.js';
import { AbortWhenAway } from '../controllers/abort-when-away.js';
import { errorMessage, errorStatus } from '../internal/format.js';

type Host = ReactiveControllerHost & HTMLElement;

/** How many transcript entries one request asks for. */
const TRANSCRIPT_PAGE = 200;

/** What the host was handed: the loader fetches only what is missing. */
export type GivenDetail = {
  readonly session?: Session;
  readonly transcript?: readonly TranscriptEntry[];
  readonly executions?: readonly Execution[];
  readonly insights?: readonly Insight[];
};

/** Options of {@link DetailLoader}. */
export type DetailLoaderOptions = {
  client: () => LensClient | undefined;
  sessionId: () => string;
  given: () => GivenDetail;
  /** What to say of a failure that carries no message, in the host's language. */
  fallbackMessage: () => string;
};

/** What one load brought. */
type Loaded = {
  readonly session: Session;
  readonly transcript: readonly TranscriptEntry[] | undefined;
  readonly executions: readonly Execution[] | undefined;
  readonly insights: readonly Insight[] | undefined;
};

/** Where the load stands: idle (nothing to load), loading, failed, or the session is not there. */
export type LoadState = 'idle' | 'loading' | 'error' | 'not-found';

/**
 * Loads a session's detail by id through the client: the session, its first transcript page
 * and an assessment's executions and insights — each only when the host was not handed it —
 * then further transcript pages on demand.
 *
 * A load starts when the client or the id changes; the one it supersedes is aborted (its
 * request's `signal`), and its answer, should it arrive anyway, is never shown. Disconnecting the
 * host aborts what is in flight; reconnecting loads again.
 */
export class DetailLoader {
  readonly #options: DetailLoaderOptions;
  readonly #first: Task<readonly [LensClient | undefined, string], Loaded>;
  readonly #more: Task<readonly [], void>;
  /** Transcript pages loaded after the first, and the cursor past the last one. */
  #moreEntries: readonly TranscriptEntry[] = [];
  #cursor: string | null = null;
  #moreError = '';

  constructor(host: Host, options: DetailLoaderOptions) {
    this.#options = options;
    this.#first = new Task(host, {
      args: () => [options.client(), options.sessionId()] as const,
      task: ([client, id], { signal }) => this.#load(client, id, signal),
    });
    this.#more = new Task(host, { autoRun: false, task: (_args, { signal }) => this.#loadMore(signal) });
    new AbortWhenAway(host, [this.#first, this.#more]);
  }

  /** The loaded session, if the last load brought one. */
  get session(): Session | undefined {
    return this.#loaded?.session;
  }

  /** The loaded transcript, all pages so far; undefined when none was loaded. */
  get transcript(): readonly TranscriptEntry[] | undefined {
    const first = this.#loaded?.transcript;
    return first && (this.#moreEntries.length ? [...first, ...this.#moreEntries] : first);
  }

  /** Whether the transcript has pages beyond the loaded ones. */
  get hasMoreTranscript(): boolean {
    return this.#loaded?.transcript !== undefined && this.#cursor !== null;
  }

  get executions(): readonly Execution[] | undefined {
    return this.#loaded?.executions;
  }

  get insights(): readonly Insight[] | undefined {
    return this.#loaded?.insights;
  }

  get state(): LoadState {
    switch (this.#first.status) {
      case TaskStatus.PENDING:
        return 'loading';
      case TaskStatus.ERROR:
        return errorStatus(this.#first.error) === 404 ? 'not-found' : 'error';
      default:
        return 'idle';
    }
  }

  /** Why the last load, or the last further page, failed. */
  get error(): string {
    if (this.#first.status === TaskStatus.ERROR) {
      return errorMessage(this.#first.error, this.#options.fallbackMessage());
    }
    return this.#moreError;
  }

  /** Loads again (after a failure). */
  retry(): void {
    void this.#first.run();
  }

  /** Loads the next transcript page. */
  loadMoreTranscript(): void {
    if (this.hasMoreTranscript && this.#more.status !== TaskStatus.PENDING) void this.#more.run();
  }

  get #loaded(): Loaded | undefined {
    return this.#first.status === TaskStatus.COMPLETE ? this.#first.value : undefined;
  }

  async #load(
    client: LensClient | undefined,
    id: string,
    signal: AbortSignal,
  ): Promise<Loaded | typeof initialState> {
    this.#more.abort();
    this.#moreEntries = [];
    this.#moreError = '';
    if (!client || !id) return initialState;
    const given = this.#options.given();
    const session = given.session?.id === id ? given.session : await client.sessions.get(id, { signal });
    // Superseded while the session loaded: ask for nothing more.
    signal.throwIfAborted();
    const findings = session.kind === 'assessment';
    const [page, executions, insights] = await Promise.all([
      given.transcript ? undefined : client.sessions.transcript(id, { limit: TRANSCRIPT_PAGE }, { signal }),
      findings && !given.executions ? client.sessions.executions(id, { signal }) : undefined,
      findings && !given.insights ? client.sessions.insights(id, { signal }) : undefined,
    ]);
    signal.throwIfAborted();
    this.#cursor = page?.nextCursor ?? null;
    return { session, transcript: page?.data, executions: executions?.data, insights: insights?.data };
  }

  async #loadMore(signal: AbortSignal): Promise<void> {
    const client = this.#options.client();
    const id = this.#loaded?.session.id;
    const cursor = this.#cursor;
    if (!client || !id || !cursor) return;
    this.#moreError = '';
    try {
      const page = await client.sessions.transcript(id, { limit: TRANSCRIPT_PAGE, cursor }, { signal });
      signal.throwIfAborted();
      this.#moreEntries = [...this.#moreEntries, ...page.data];
      this.#cursor = page.nextCursor;
    } catch (error) {
      if (!signal.aborted) this.#moreError = errorMessage(error, this.#options.fallbackMessage());
    }
  }
}
