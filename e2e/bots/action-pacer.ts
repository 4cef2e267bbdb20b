// Keeps the fleet's actions to the target rate, open loop: every 100 ms the pacer earns
// "target / 60 × elapsed" action credits, and each user action spends one. Sessions that are ready
// wait for credit, so the achieved rate follows the target whatever the sessions' own pace, and a
// new target takes effect on the next tick. When no session is ready to spend the credit (the
// fleet cannot keep up), credit piles up only to a couple of seconds' worth: the rest is counted
// as missed instead of being spent later in a burst no real crowd would make.
import type { TrafficShape } from "./traffic-shapes.ts";
import { targetAt } from "./traffic-shapes.ts";

const TICK_MS = 100;

export class ActionPacer {
  #shape: TrafficShape;
  #shapeStartedAt: number;
  #credit = 0;
  #lastTick: number;
  #missed = 0;
  #waiters: (() => void)[] = [];
  #timer: NodeJS.Timeout | undefined;
  readonly #now: () => number;
  readonly #maxBurstSeconds: number;

  constructor(shape: TrafficShape, options: { now?: () => number; maxBurstSeconds?: number } = {}) {
    this.#now = options.now ?? Date.now;
    this.#maxBurstSeconds = options.maxBurstSeconds ?? 2;
    this.#shape = shape;
    this.#shapeStartedAt = this.#now();
    this.#lastTick = this.#now();
  }

  start() {
    this.#lastTick = this.#now();
    this.#timer ??= setInterval(() => {
      this.tick();
    }, TICK_MS);
    this.#timer.unref();
  }

  /** Stops earning; sessions waiting for credit are released (they then see the fleet stopping). */
  stop() {
    clearInterval(this.#timer);
    this.#timer = undefined;
    for (const release of this.#waiters.splice(0)) release();
  }

  /**
   * A new shape, starting now (a ramp starts from its beginning), or at `startedAt` to pick a
   * shape up where it would be had it never been interrupted (after a scenario's override).
   */
  setShape(shape: TrafficShape, startedAt = this.#now()) {
    this.#shape = shape;
    this.#shapeStartedAt = startedAt;
  }

  get shape(): TrafficShape {
    return this.#shape;
  }

  /** Actions per minute wanted now. */
  target(): number {
    return targetAt(this.#shape, (this.#now() - this.#shapeStartedAt) / 1000);
  }

  /** Resolves when this action may start. */
  acquire(): Promise<void> {
    if (this.#waiters.length === 0 && this.#credit >= 1) {
      this.#credit -= 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  /** Earns credit for the time since the last tick and lets waiting sessions go (public for tests). */
  tick() {
    const now = this.#now();
    const earned = (this.target() / 60) * ((now - this.#lastTick) / 1000);
    this.#lastTick = now;
    this.#credit += earned;
    while (this.#credit >= 1 && this.#waiters.length > 0) {
      this.#credit -= 1;
      this.#waiters.shift()?.();
    }
    const cap = Math.max(1, (this.target() / 60) * this.#maxBurstSeconds);
    if (this.#credit > cap) {
      this.#missed += this.#credit - cap;
      this.#credit = cap;
    }
  }

  /** Sessions ready and waiting for credit. */
  get waiting(): number {
    return this.#waiters.length;
  }

  /** Actions due that no session was ready to take. */
  get backlog(): number {
    return this.#waiters.length === 0 ? Math.floor(this.#credit) : 0;
  }

  /** Actions the fleet owed and never took, since start. */
  get missed(): number {
    return Math.floor(this.#missed);
  }
}
