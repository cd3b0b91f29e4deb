/**
 * Deadlines by key, with O(log n) updates and O(1) access to the earliest: a binary min-heap
 * with lazy deletion (an entry whose deadline no longer matches the map is skipped when it
 * surfaces). The live store keeps one per active chat, and reads the earliest on every event.
 */
export class DeadlineQueue {
  readonly #current = new Map<string, number>();
  #heap: { at: number; key: string }[] = [];

  /** The number of live deadlines. */
  get size(): number {
    return this.#current.size;
  }

  /** Sets (or replaces) the deadline of `key`. */
  set(key: string, at: number): void {
    this.#current.set(key, at);
    this.#push({ at, key });
  }

  /** Forgets the deadline of `key`. */
  delete(key: string): void {
    this.#current.delete(key);
  }

  /** Forgets everything. */
  clear(): void {
    this.#current.clear();
    this.#heap = [];
  }

  /** The earliest live deadline, or undefined. */
  peek(): number | undefined {
    this.#drop();
    return this.#heap[0]?.at;
  }

  /** Removes and returns the keys whose deadline is at or before `now`. */
  takeDue(now: number): string[] {
    const due: string[] = [];
    for (;;) {
      this.#drop();
      const top = this.#heap[0];
      if (!top || top.at > now) return due;
      this.#pop();
      this.#current.delete(top.key);
      due.push(top.key);
    }
  }

  /** Discards stale entries at the top. */
  #drop(): void {
    for (;;) {
      const top = this.#heap[0];
      if (!top || this.#current.get(top.key) === top.at) return;
      this.#pop();
    }
  }

  #push(entry: { at: number; key: string }): void {
    const heap = this.#heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((heap[parent] as { at: number }).at <= entry.at) break;
      heap[i] = heap[parent] as { at: number; key: string };
      i = parent;
    }
    heap[i] = entry;
  }

  #pop(): void {
    const heap = this.#heap;
    const last = heap.pop();
    if (!last || heap.length === 0) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child =
        right < heap.length && (heap[right] as { at: number }).at < (heap[left] as { at: number }).at
          ? right
          : left;
      if ((heap[child] as { at: number }).at >= last.at) break;
      heap[i] = heap[child] as { at: number; key: string };
      i = child;
    }
    heap[i] = last;
  }
}
