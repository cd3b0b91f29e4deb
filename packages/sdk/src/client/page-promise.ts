import type { Page } from '../contract/responses.js';

/** Fetches the page after `cursor` (the first page when undefined). */
export type PageFetcher<T> = (cursor: string | undefined) => Promise<Page<T>>;

/**
 * The result of a list call: awaitable as its first page, and async-iterable over every
 * item of every page, following `nextCursor` until it is null.
 *
 * ```ts
 * const page = await client.sessions.list({ kind: ['chat'] });       // one page
 * for await (const session of client.sessions.list({ kind: ['chat'] })) {}  // every session
 * for await (const page of client.sessions.list().pages()) {}         // page by page
 * ```
 *
 * The first page is requested once, lazily, and shared by `then` and the iterators. Pages are
 * fetched one at a time as iteration needs them: breaking out of the loop stops the walk.
 */
export class PagePromise<T> implements PromiseLike<Page<T>>, AsyncIterable<T> {
  readonly #fetch: PageFetcher<T>;
  #first: Promise<Page<T>> | undefined;

  /** Wraps a page fetcher; resources create these, callers receive them. */
  constructor(fetch: PageFetcher<T>) {
    this.#fetch = fetch;
  }

  #firstPage(): Promise<Page<T>> {
    this.#first ??= this.#fetch(undefined);
    return this.#first;
  }

  /** Resolves with the first page. */
  then<R1 = Page<T>, R2 = never>(
    onfulfilled?: ((page: Page<T>) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#firstPage().then(onfulfilled, onrejected);
  }

  /** Handles a failure of the first page. */
  catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<Page<T> | R> {
    return this.#firstPage().catch(onrejected);
  }

  /** Runs `onfinally` once the first page settles. */
  finally(onfinally?: (() => void) | null): Promise<Page<T>> {
    return this.#firstPage().finally(onfinally);
  }

  /** Iterates page by page, starting with the first. */
  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    let page = await this.#firstPage();
    for (;;) {
      yield page;
      if (page.nextCursor === null) return;
      page = await this.#fetch(page.nextCursor);
    }
  }

  /** Iterates every item of every page. */
  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.pages()) yield* page.data;
  }

  /** Makes `String(promise)` and dev tools say what this is. */
  get [Symbol.toStringTag](): string {
    return 'PagePromise';
  }
}
