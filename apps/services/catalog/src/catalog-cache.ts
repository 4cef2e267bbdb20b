// Cache-aside in Redis for the catalog's hot reads. Every key carries the catalog's version:
// invalidating (a price or catalog change) is one INCR, and old entries simply age out. Redis is
// an optimisation, never a dependency: when it is down or slow, reads go to PostgreSQL and the
// shop stays up (slower), which is the story the demo tells when the cache fails.
//
// The `cache.disabled` failure mode is evaluated on every read (the evaluation lands on the
// procedure's span through the flags' hook): while it is on, reads go straight to PostgreSQL and
// Redis is neither read nor written, and the span says so (shop.cache.result = bypass). Bypasses
// are not counted as cache lookups: the hit ratio stays the cache's, and the request rate of
// shop.cache.requests dropping is part of the signature.
import { trace } from "@opentelemetry/api";
import { evaluateFlag } from "@shop/flags";
import { ATTR, businessMetrics, logger } from "@shop/telemetry";
import type { Redis } from "ioredis";

export interface CacheStats {
  hits: number;
  misses: number;
  errors: number;
  /** Reads that skipped Redis because `cache.disabled` was on. */
  bypasses: number;
}

function recordCacheResult(name: string, result: "hit" | "miss" | "bypass") {
  trace.getActiveSpan()?.setAttributes({ [ATTR.CACHE_NAME]: name, [ATTR.CACHE_RESULT]: result });
}

export class CatalogCache {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly stats: CacheStats = { hits: 0, misses: 0, errors: 0, bypasses: 0 };

  /** `prefix` namespaces the keys: two catalogs (two databases) never share entries in one Redis. */
  constructor(redis: Redis, prefix = "catalog") {
    this.#redis = redis;
    this.#prefix = prefix;
  }

  get #versionKey() {
    return `${this.#prefix}:version`;
  }

  async getOrLoad<T>(kind: string, key: string, ttlSeconds: number, load: () => Promise<T>): Promise<T> {
    const name = `catalog.${kind}`;
    if (await evaluateFlag("cache.disabled")) {
      this.stats.bypasses++;
      recordCacheResult(name, "bypass");
      return load();
    }
    let fullKey: string | undefined;
    try {
      const version = (await this.#redis.get(this.#versionKey)) ?? "0";
      fullKey = `${this.#prefix}:v${version}:${kind}:${key}`;
      const cached = await this.#redis.get(fullKey);
      if (cached !== null) {
        this.stats.hits++;
        businessMetrics.cacheLookup(name, true);
        recordCacheResult(name, "hit");
        return JSON.parse(cached) as T;
      }
    } catch (error) {
      this.#unavailable(error);
      return load();
    }
    this.stats.misses++;
    businessMetrics.cacheLookup(name, false);
    recordCacheResult(name, "miss");
    const value = await load();
    this.#redis.set(fullKey, JSON.stringify(value), "EX", ttlSeconds).catch((error: unknown) => {
      this.#unavailable(error);
    });
    return value;
  }

  /** Makes every cached entry stale at once. */
  async invalidate(): Promise<number> {
    return this.#redis.incr(this.#versionKey);
  }

  async ping(): Promise<void> {
    await this.#redis.ping();
  }

  #unavailable(error: unknown) {
    this.stats.errors++;
    logger.warn({ err: error }, "catalog cache unavailable: reading from the database");
  }
}
