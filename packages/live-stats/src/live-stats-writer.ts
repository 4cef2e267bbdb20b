// Counts requests in memory and adds them to Redis every couple of seconds in one pipeline: the
// request path never waits on Redis, and a Redis that is away costs the console a few seconds of
// numbers, nothing else.
import type { Redis } from "ioredis";
import { LATENCY_BOUNDS_MS, bucketOf } from "./latency-buckets.ts";
import {
  BUCKET_TTL_SECONDS,
  DEFAULT_LIVE_PREFIX,
  bucketStart,
  gaugesKey,
  requestsKey,
} from "./live-stats-keys.ts";

interface Pending {
  requests: number;
  errors: number;
  buckets: number[];
}

export interface LiveStatsWriterOptions {
  prefix?: string;
  flushMs?: number;
}

export class LiveStatsWriter {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #pending = new Map<string, Pending>();
  readonly #timer: NodeJS.Timeout;

  constructor(redis: Redis, options: LiveStatsWriterOptions = {}) {
    this.#redis = redis;
    this.#prefix = options.prefix ?? DEFAULT_LIVE_PREFIX;
    this.#timer = setInterval(() => {
      void this.flush();
    }, options.flushMs ?? 2_000);
    this.#timer.unref();
  }

  /** One finished request of `subject`; `failed` for a server-side failure (5xx), not a 4xx. */
  record(subject: string, durationMs: number, failed: boolean, at = Date.now()): void {
    const key = requestsKey(this.#prefix, subject, bucketStart(at));
    let pending = this.#pending.get(key);
    if (!pending) {
      pending = {
        requests: 0,
        errors: 0,
        buckets: Array.from({ length: LATENCY_BOUNDS_MS.length + 1 }, () => 0),
      };
      this.#pending.set(key, pending);
    }
    pending.requests += 1;
    if (failed) pending.errors += 1;
    pending.buckets[bucketOf(durationMs)] = (pending.buckets[bucketOf(durationMs)] ?? 0) + 1;
  }

  /** The latest values of one reporter (a bot fleet instance); they vanish if it stops reporting. */
  async setGauges(subject: string, instance: string, values: Record<string, number>, ttlSeconds = 30) {
    const key = gaugesKey(this.#prefix, subject, instance);
    await this.#redis.multi().del(key).hset(key, values).expire(key, ttlSeconds).exec();
  }

  async flush(): Promise<void> {
    if (this.#pending.size === 0) return;
    const batch = [...this.#pending];
    this.#pending.clear();
    const pipeline = this.#redis.pipeline();
    for (const [key, pending] of batch) {
      pipeline.hincrby(key, "n", pending.requests);
      if (pending.errors > 0) pipeline.hincrby(key, "err", pending.errors);
      for (const [index, count] of pending.buckets.entries()) {
        if (count > 0) pipeline.hincrby(key, `b${String(index)}`, count);
      }
      pipeline.expire(key, BUCKET_TTL_SECONDS);
    }
    try {
      await pipeline.exec();
    } catch {
      // Redis away: these seconds are lost to the console, and only to the console.
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.flush();
  }
}
