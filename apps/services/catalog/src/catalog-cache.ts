// Cache-aside in Redis for the catalog's hot reads. Every key carries the catalog's version:
// invalidating (a price or catalog change) is one INCR, and old entries simply age out. Redis is
// an optimisation, never a dependency: when it is down or slow, reads go to PostgreSQL and the
// shop stays up (slower), which is the story the demo tells when the cache fails.
import { businessMetrics, logger } from "@shop/telemetry";
import type { Redis } from "ioredis";

export interface CacheStats {
  hits: number;
  misses: number;
  errors: number;
}

export class CatalogCache {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly stats: CacheStats = { hits: 0, misses: 0, errors: 0 };

  /** `prefix` namespaces the keys: two catalogs (two databases) never share entries in one Redis. */
  constructor(redis: Redis, prefix = "catalog") {
    this.#redis = redis;
    this.#prefix = prefix;
  }

  get #versionKey() {
    return `${this.#prefix}:version`;
  }

  async getOrLoad<T>(kind: string, key: string, ttlSeconds: number, load: () => Promise<T>): Promise<T> {
    let fullKey: string | undefined;
    try {
      const version = (await this.#redis.get(this.#versionKey)) ?? "0";
      fullKey = `${this.#prefix}:v${version}:${kind}:${key}`;
      const cached = await this.#redis.get(fullKey);
      if (cached !== null) {
        this.stats.hits++;
        businessMetrics.cacheLookup(`catalog.${kind}`, true);
        return JSON.parse(cached) as T;
      }
    } catch (error) {
      this.#unavailable(error);
      return load();
    }
    this.stats.misses++;
    businessMetrics.cacheLookup(`catalog.${kind}`, false);
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
