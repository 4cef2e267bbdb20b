// A fixed-capacity FIFO window: pushing into a full buffer evicts the oldest item. The sink keeps
// the most recent telemetry of a long-running demo without growing without bound.
export class RingBuffer<T> {
  readonly capacity: number;
  #items: (T | undefined)[];
  /** Index of the oldest item. */
  #head = 0;
  #size = 0;
  #evicted = 0;

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`ring buffer capacity must be a positive integer, got ${capacity}`);
    }
    this.capacity = capacity;
    this.#items = new Array<T | undefined>(capacity);
  }

  get size(): number {
    return this.#size;
  }

  /** How many items were evicted to make room since creation or the last clear(). */
  get evicted(): number {
    return this.#evicted;
  }

  /** Appends an item; returns the evicted oldest item when the buffer was full. */
  push(item: T): T | undefined {
    if (this.#size < this.capacity) {
      this.#items[(this.#head + this.#size) % this.capacity] = item;
      this.#size++;
      return undefined;
    }
    const oldest = this.#items[this.#head];
    this.#items[this.#head] = item;
    this.#head = (this.#head + 1) % this.capacity;
    this.#evicted++;
    return oldest;
  }

  /** Oldest first. */
  *[Symbol.iterator](): IterableIterator<T> {
    for (let i = 0; i < this.#size; i++) {
      yield this.#items[(this.#head + i) % this.capacity] as T;
    }
  }

  toArray(): T[] {
    return [...this];
  }

  clear(): void {
    // A fresh array lets the evicted records be garbage-collected at once.
    this.#items = new Array<T | undefined>(this.capacity);
    this.#head = 0;
    this.#size = 0;
    this.#evicted = 0;
  }
}
