import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How close to the end, in px, still counts as reading the newest entry. */
const AT_END_PX = 32;

/**
 * Follow mode of the transcript (E13). While the reader is at the newest entry, live entries
 * keep it in view; once they have scrolled up, arrivals are counted instead, shown as "N new
 * entries", until they jump back (which focuses the transcript: they acted inside it) or scroll
 * to the end themselves. Nothing scrolls while the reader is elsewhere in the transcript.
 */
export class FollowMode implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #scroller: () => HTMLElement | null | undefined;
  readonly #live: () => number;
  #seen = 0;
  #unseen = 0;
  #stick = false;

  /** `scroller`: the transcript's scroll container; `live`: how many live entries arrived so far. */
  constructor(
    host: ReactiveControllerHost,
    scroller: () => HTMLElement | null | undefined,
    live: () => number,
  ) {
    this.#host = host;
    this.#scroller = scroller;
    this.#live = live;
    host.addController(this);
  }

  /** Live entries below the reader's view. */
  get unseen(): number {
    return this.#unseen;
  }

  hostUpdate(): void {
    const live = this.#live();
    const added = live - this.#seen;
    this.#seen = live;
    // Another session (the count started over): nothing of the last one is unseen.
    if (added < 0) this.#unseen = 0;
    if (added <= 0) return;
    // Decided before the new entries render: was the reader at the end?
    if (this.#atEnd()) this.#stick = true;
    else this.#unseen += added;
  }

  hostUpdated(): void {
    if (!this.#stick) return;
    this.#stick = false;
    const scroller = this.#scroller();
    if (!scroller) return;
    scroller.scrollTop = scroller.scrollHeight;
    // Entries brought into view are measured after they render (a windowed transcript): once more after.
    requestAnimationFrame(() => (scroller.scrollTop = scroller.scrollHeight));
  }

  /** The reader scrolled: at the end again, nothing is unseen any more. */
  readonly onScroll = (): void => {
    if (this.#unseen > 0 && this.#atEnd()) {
      this.#unseen = 0;
      this.#host.requestUpdate();
    }
  };

  /** "N new entries": back to the newest entry, following again. */
  readonly jump = (): void => {
    const scroller = this.#scroller();
    this.#unseen = 0;
    if (scroller) {
      scroller.scrollTop = scroller.scrollHeight;
      scroller.focus({ preventScroll: true });
    }
    this.#host.requestUpdate();
  };

  #atEnd(): boolean {
    const scroller = this.#scroller();
    return !scroller || scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight <= AT_END_PX;
  }
}
