// Counts of completed actions, and of the actions the target asked for, over the last ten minutes
// in 100 ms slots. The fleet asks "how many actions per minute lately?" and "did we do what the
// target asked?" at any window up to ten minutes. A list of timestamps would answer too, but grows
// with the rate (100 000 entries at 10 000 actions/min); the slots are a fixed 6001 whatever the
// rate, and 100 ms is far finer than any window anyone asks about.

const SLOT_MS = 100;
export const RATE_HISTORY_MS = 10 * 60_000;
// One more than ten minutes' worth: a ten-minute window touches 6001 slots (the oldest and the
// newest only partly), and the oldest must not share a ring position with the newest.
const SLOTS = RATE_HISTORY_MS / SLOT_MS + 1;

export class ActionRate {
  readonly #startedAt: number;
  /** Which absolute slot (ms since start / SLOT_MS) each ring position holds; -1 for none yet. */
  readonly #slotIds = new Float64Array(SLOTS).fill(-1);
  readonly #actions = new Float64Array(SLOTS);
  /** Target (actions/min) multiplied by the milliseconds it held within the slot. */
  readonly #targetMs = new Float64Array(SLOTS);
  #target = 0;
  /** Ms since start up to which the target's time has been booked into the slots. */
  #bookedUntil = 0;
  /** Latest time seen: a clock stepping back is treated as standing still. */
  #latest = 0;

  constructor(startedAt: number) {
    this.#startedAt = startedAt;
  }

  /** How many slots the ring holds: fixed, whatever the rate (for memory checks). */
  get slots(): number {
    return SLOTS;
  }

  /** The target from now on (actions per minute). */
  setTarget(perMinute: number, now: number): void {
    this.#book(this.#elapsed(now));
    this.#target = perMinute;
  }

  /** One action completed at `now`. */
  action(now: number): void {
    const t = this.#elapsed(now);
    this.#book(t);
    const position = this.#claim(Math.floor(t / SLOT_MS));
    this.#actions[position] = (this.#actions[position] ?? 0) + 1;
  }

  /** Actions completed in the `windowMs` up to `now` (at most the last ten minutes). */
  actions(now: number, windowMs: number): number {
    return this.#sum(this.#actions, this.#elapsed(now), windowMs);
  }

  /** Actions the target asked for in the `windowMs` up to `now` (at most the last ten minutes). */
  expected(now: number, windowMs: number): number {
    const t = this.#elapsed(now);
    this.#book(t);
    return this.#sum(this.#targetMs, t, windowMs) / 60_000;
  }

  #elapsed(now: number): number {
    this.#latest = Math.max(this.#latest, now - this.#startedAt);
    return this.#latest;
  }

  /** Books the current target's time from the last booking up to `t` into the slots it covers. */
  #book(t: number): void {
    // Only the last ten minutes matter; a target of 0 adds nothing.
    const from = Math.max(this.#bookedUntil, t - RATE_HISTORY_MS);
    this.#bookedUntil = t;
    if (this.#target === 0 || from >= t) return;
    for (let slot = Math.floor(from / SLOT_MS); slot * SLOT_MS < t; slot++) {
      const start = Math.max(from, slot * SLOT_MS);
      const end = Math.min(t, (slot + 1) * SLOT_MS);
      const position = this.#claim(slot);
      this.#targetMs[position] = (this.#targetMs[position] ?? 0) + this.#target * (end - start);
    }
  }

  /** The ring position of `slot`, emptied first if it still holds a slot from ten minutes ago. */
  #claim(slot: number): number {
    const position = slot % SLOTS;
    if (this.#slotIds[position] !== slot) {
      this.#slotIds[position] = slot;
      this.#actions[position] = 0;
      this.#targetMs[position] = 0;
    }
    return position;
  }

  /**
   * The sum of `values` over [t - windowMs, t]. The oldest slot usually straddles the window's
   * start; it counts in proportion to its overlap, as if its actions were spread evenly.
   */
  #sum(values: Float64Array, t: number, windowMs: number): number {
    const from = Math.max(0, t - Math.min(windowMs, RATE_HISTORY_MS));
    let total = 0;
    for (let slot = Math.floor(from / SLOT_MS); slot * SLOT_MS <= t; slot++) {
      const position = slot % SLOTS;
      if (this.#slotIds[position] !== slot) continue;
      const overlap = Math.min(1, ((slot + 1) * SLOT_MS - from) / SLOT_MS);
      total += (values[position] ?? 0) * overlap;
    }
    return total;
  }
}
