// Where flags live: one Redis hash, one pub/sub channel. Every flag is set with a lease (an
// expiry time) that its owner renews: a scenario conductor that crashes stops renewing, the lease
// runs out, and every process reads the flag as off again. Nothing stays broken after a crash.
import type { Redis } from "ioredis";
import { FLAG_KEYS, isFlagKey, parseFlagParams } from "./definitions.ts";
import type { FlagKey, FlagParams } from "./definitions.ts";

/** How a flag is stored: its parameters, who set it, and until when it holds. */
export interface FlagState<K extends FlagKey = FlagKey> {
  key: K;
  value: FlagParams<K>;
  setBy: string;
  setAt: number;
  /** Epoch ms; the flag reads as off from then on unless its owner renews it. */
  expiresAt: number;
}

export interface FlagStoreOptions {
  /** Prefix of the Redis keys (tests use their own). */
  prefix?: string;
}

export const DEFAULT_FLAG_PREFIX = "shop:";
/** A manual switch from the console holds for an hour unless renewed or cleared. */
export const DEFAULT_FLAG_TTL_MS = 60 * 60_000;

export function flagKeys(prefix = DEFAULT_FLAG_PREFIX) {
  return { hash: `${prefix}flags`, channel: `${prefix}flags:changed` };
}

/** Parses one stored hash field; undefined for anything malformed, unknown or expired. */
export function parseFlagState(key: string, raw: string, now = Date.now()): FlagState | undefined {
  if (!isFlagKey(key)) return undefined;
  try {
    const stored = JSON.parse(raw) as Partial<FlagState>;
    if (typeof stored.expiresAt !== "number" || stored.expiresAt <= now) return undefined;
    return {
      key,
      value: parseFlagParams(key, stored.value),
      setBy: typeof stored.setBy === "string" ? stored.setBy : "unknown",
      setAt: typeof stored.setAt === "number" ? stored.setAt : 0,
      expiresAt: stored.expiresAt,
    };
  } catch {
    return undefined;
  }
}

export class FlagStore {
  readonly #redis: Redis;
  readonly #keys: ReturnType<typeof flagKeys>;

  constructor(redis: Redis, options: FlagStoreOptions = {}) {
    this.#redis = redis;
    this.#keys = flagKeys(options.prefix);
  }

  /** Turns a flag on (or renews it) with validated parameters, and tells every process. */
  async set<K extends FlagKey>(
    key: K,
    value: FlagParams<K>,
    options: { setBy: string; ttlMs?: number },
  ): Promise<FlagState<K>> {
    const state: FlagState<K> = {
      key,
      value: parseFlagParams(key, value),
      setBy: options.setBy,
      setAt: Date.now(),
      expiresAt: Date.now() + (options.ttlMs ?? DEFAULT_FLAG_TTL_MS),
    };
    await this.#redis
      .multi()
      .hset(this.#keys.hash, key, JSON.stringify(state))
      .publish(this.#keys.channel, key)
      .exec();
    return state;
  }

  /** Turns flags off (all of them when none is named). */
  async clear(...keys: FlagKey[]): Promise<void> {
    const fields = keys.length > 0 ? keys : FLAG_KEYS;
    await this.#redis
      .multi()
      .hdel(this.#keys.hash, ...fields)
      .publish(this.#keys.channel, "*")
      .exec();
  }

  /** The flags that are on now (expired leases are dropped from Redis on the way). */
  async list(): Promise<FlagState[]> {
    const raw = await this.#redis.hgetall(this.#keys.hash);
    const now = Date.now();
    const states: FlagState[] = [];
    const stale: string[] = [];
    for (const [field, value] of Object.entries(raw)) {
      const state = parseFlagState(field, value, now);
      if (state) states.push(state);
      else stale.push(field);
    }
    if (stale.length > 0) await this.#redis.hdel(this.#keys.hash, ...stale);
    return states.sort((a, b) => FLAG_KEYS.indexOf(a.key) - FLAG_KEYS.indexOf(b.key));
  }
}
