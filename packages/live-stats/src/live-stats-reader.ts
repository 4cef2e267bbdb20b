// Reads the live numbers back: per subject over a recent window, and the gauges of every reporter.
import type { Redis } from "ioredis";
import { LATENCY_BOUNDS_MS, quantileOf } from "./latency-buckets.ts";
import {
  BUCKET_MS,
  DEFAULT_LIVE_PREFIX,
  bucketStart,
  gaugesPattern,
  requestsKey,
} from "./live-stats-keys.ts";

export interface SubjectSummary {
  subject: string;
  /** Requests per minute over the window. */
  perMinute: number;
  /** Share of requests that failed server-side (0..1); 0 without traffic. */
  errorRate: number;
  /** Bucketed p95 in ms (an upper bound); undefined without traffic. */
  p95Ms: number | undefined;
  requests: number;
}

export class LiveStatsReader {
  readonly #redis: Redis;
  readonly #prefix: string;

  constructor(redis: Redis, options: { prefix?: string } = {}) {
    this.#redis = redis;
    this.#prefix = options.prefix ?? DEFAULT_LIVE_PREFIX;
  }

  /**
   * The last `windowMs` of complete 10-second buckets (the current one is still filling, and
   * writers flush every couple of seconds).
   */
  async summary(subjects: readonly string[], windowMs = 60_000, now = Date.now()): Promise<SubjectSummary[]> {
    const last = bucketStart(now) - BUCKET_MS;
    const count = Math.max(1, Math.round(windowMs / BUCKET_MS));
    const buckets = Array.from({ length: count }, (_, index) => last - index * BUCKET_MS);
    const pipeline = this.#redis.pipeline();
    for (const subject of subjects) {
      for (const bucket of buckets) pipeline.hgetall(requestsKey(this.#prefix, subject, bucket));
    }
    const results = (await pipeline.exec()) ?? [];
    return subjects.map((subject, subjectIndex) => {
      let requests = 0;
      let errors = 0;
      const latency = Array.from({ length: LATENCY_BOUNDS_MS.length + 1 }, () => 0);
      for (let index = 0; index < buckets.length; index++) {
        const hash = (results[subjectIndex * buckets.length + index]?.[1] ?? {}) as Record<string, string>;
        requests += Number(hash.n ?? 0);
        errors += Number(hash.err ?? 0);
        for (let bucket = 0; bucket < latency.length; bucket++) {
          latency[bucket] = (latency[bucket] ?? 0) + Number(hash[`b${String(bucket)}`] ?? 0);
        }
      }
      const minutes = (buckets.length * BUCKET_MS) / 60_000;
      return {
        subject,
        requests,
        perMinute: requests / minutes,
        errorRate: requests > 0 ? errors / requests : 0,
        p95Ms: quantileOf(latency, 0.95),
      };
    });
  }

  /** Each live reporter's latest gauges, by instance. */
  async gauges(subject: string): Promise<Record<string, Record<string, number>>> {
    const keys: string[] = [];
    let cursor = "0";
    do {
      const [next, found] = await this.#redis.scan(
        cursor,
        "MATCH",
        gaugesPattern(this.#prefix, subject),
        "COUNT",
        100,
      );
      cursor = next;
      keys.push(...found);
    } while (cursor !== "0");
    const result: Record<string, Record<string, number>> = {};
    if (keys.length === 0) return result;
    // One round trip for every reporter's hash, not one per reporter (the console polls this).
    const pipeline = this.#redis.pipeline();
    for (const key of keys) pipeline.hgetall(key);
    const hashes = (await pipeline.exec()) ?? [];
    for (const [index, key] of keys.entries()) {
      const hash = (hashes[index]?.[1] ?? {}) as Record<string, string>;
      if (Object.keys(hash).length === 0) continue;
      result[key.slice(key.lastIndexOf(":") + 1)] = Object.fromEntries(
        Object.entries(hash).map(([field, value]) => [field, Number(value)]),
      );
    }
    return result;
  }
}
