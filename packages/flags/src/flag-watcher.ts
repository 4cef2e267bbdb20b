// Each process's view of the flags: loaded once, then kept current by pub/sub (a change reaches
// every process within milliseconds) and by a periodic reload (a missed message, a Redis restart).
// Leases are checked locally, so an expired flag reads as off at once, without waiting for Redis.
import type { Redis } from "ioredis";
import { logger } from "@shop/telemetry";
import { FLAG_KEYS } from "./definitions.ts";
import type { FlagKey, FlagValue } from "./definitions.ts";
import { flagKeys, parseFlagState } from "./flag-store.ts";
import type { FlagState, FlagStoreOptions } from "./flag-store.ts";

export type FlagChangeListener = (key: FlagKey, value: FlagValue<FlagKey>) => void;

export interface FlagWatcherOptions extends FlagStoreOptions {
  /** How often the whole hash is reloaded and leases are checked. */
  refreshMs?: number;
}

export class FlagWatcher {
  readonly #redis: Redis;
  readonly #subscriber: Redis;
  readonly #keys: ReturnType<typeof flagKeys>;
  readonly #refreshMs: number;
  #states = new Map<FlagKey, FlagState>();
  #listeners = new Set<FlagChangeListener>();
  #notified = new Map<FlagKey, string>();
  #timer: NodeJS.Timeout | undefined;
  #reloading: Promise<void> | undefined;

  /** `redis` is used for reads; a duplicate of it is made for the subscription. */
  constructor(redis: Redis, options: FlagWatcherOptions = {}) {
    this.#redis = redis;
    this.#subscriber = redis.duplicate();
    this.#subscriber.on("error", () => undefined);
    this.#keys = flagKeys(options.prefix);
    this.#refreshMs = options.refreshMs ?? 1_000;
  }

  /** Subscribes and loads; a Redis that is away is not fatal (every flag reads as off meanwhile). */
  async start(): Promise<void> {
    this.#subscriber.on("message", () => {
      void this.reload();
    });
    // Resubscribing after a reconnect is ioredis's job; reloading then catches what was missed.
    this.#subscriber.on("ready", () => {
      void this.reload();
    });
    try {
      await this.#subscriber.subscribe(this.#keys.channel);
      await this.reload();
    } catch (error) {
      logger.warn({ err: error }, "flags: Redis unavailable, every flag reads as off until it answers");
    }
    this.#timer = setInterval(() => {
      void this.reload();
    }, this.#refreshMs);
    this.#timer.unref();
  }

  /** A flag's value now: false when off or when its lease ran out. */
  current<K extends FlagKey>(key: K): FlagValue<K> {
    const state = this.#states.get(key);
    if (!state || state.expiresAt <= Date.now()) return false;
    return state.value as FlagValue<K>;
  }

  /** The flags that are on now. */
  active(): FlagState[] {
    const now = Date.now();
    return [...this.#states.values()].filter((state) => state.expiresAt > now);
  }

  /** Called on every change of a flag's value (including a lease running out). */
  onChange(listener: FlagChangeListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  reload(): Promise<void> {
    this.#reloading ??= this.#load().finally(() => {
      this.#reloading = undefined;
    });
    return this.#reloading;
  }

  async #load(): Promise<void> {
    let raw: Record<string, string>;
    try {
      raw = await this.#redis.hgetall(this.#keys.hash);
    } catch {
      // Keep the last known flags (their leases still expire locally) until Redis answers.
      this.#apply(this.#states);
      return;
    }
    const now = Date.now();
    const next = new Map<FlagKey, FlagState>();
    for (const [field, value] of Object.entries(raw)) {
      const state = parseFlagState(field, value, now);
      if (state) next.set(state.key, state);
    }
    this.#apply(next);
  }

  #apply(next: Map<FlagKey, FlagState>) {
    this.#states = next;
    for (const key of FLAG_KEYS) {
      const value = this.current(key);
      // Compared with what listeners last heard, not with the previous states: a lease that ran
      // out reads as off in both, and its listeners must still hear that it turned off.
      const serialized = JSON.stringify(value);
      if (serialized === (this.#notified.get(key) ?? "false")) continue;
      this.#notified.set(key, serialized);
      logger.info({ flag: key, value }, `flag ${key} is now ${value === false ? "off" : "on"}`);
      for (const listener of this.#listeners) {
        try {
          listener(key, value);
        } catch (error) {
          logger.error({ err: error, flag: key }, "flag change listener failed");
        }
      }
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#listeners.clear();
    this.#subscriber.disconnect();
    await this.#reloading?.catch(() => undefined);
  }
}
