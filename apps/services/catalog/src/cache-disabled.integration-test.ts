// The `cache.disabled` failure mode against real PostgreSQL and Redis, through the catalog's HTTP
// server: while the flag is on every read goes to PostgreSQL and Redis is neither read nor
// written, the procedure's span says so; when it turns off, the cache serves again.
import { randomUUID } from "node:crypto";
import { createDbClient } from "@shop/db";
import type { DbClient } from "@shop/db";
import { seedDatabase } from "@shop/db/seed";
import { FEATURE_FLAG_ATTR, FlagStore, processFlags, startProcessFlags } from "@shop/flags";
import { createServiceClient, startServiceServer } from "@shop/service-kit";
import type { ServiceServer } from "@shop/service-kit";
import { waitFor } from "@shop/service-kit/testing";
import { ATTR } from "@shop/telemetry";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { forgetSpans } from "../test/in-memory-tracing.ts";
import { isRedis, isSql, lastRequests } from "../test/request-spans.ts";
import { createCatalog } from "./catalog.ts";
import type { CatalogRouter } from "./router.ts";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const run = randomUUID();
const flagPrefix = `test:catalog-cache-flags:${run}:`;
const cachePrefix = `catalog-test-bypass-${run}`;

let db: DbClient;
let redis: Redis;
let flags: FlagStore;
let catalog: ReturnType<typeof createCatalog>;
let server: ServiceServer;
let client: ReturnType<typeof createServiceClient<CatalogRouter>>;

async function cacheKeys(): Promise<string[]> {
  return redis.keys(`${cachePrefix}:*`);
}

async function switchCacheOff(on: boolean) {
  if (on) await flags.set("cache.disabled", true, { setBy: "cache-disabled test" });
  else await flags.clear("cache.disabled");
  await waitFor(
    () => Promise.resolve(processFlags()?.current("cache.disabled")),
    (value) => value === on,
    { description: `cache.disabled to read ${String(on)}` },
  );
}

beforeAll(async () => {
  db = createDbClient({ connectionString: inject("databaseUrl"), poolMax: 4 });
  // The same history as catalog.integration-test.ts (they share this run's database).
  await seedDatabase(db, { anchorDate: "2026-11-26", orders: 1_500 });
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  flags = new FlagStore(redis, { prefix: flagPrefix });
  await startProcessFlags({ source: "catalog", redis: REDIS_URL, prefix: flagPrefix });
  catalog = createCatalog(db, redis, { cachePrefix });
  server = await startServiceServer({ name: "catalog", router: catalog.router, port: 0 });
  client = createServiceClient<CatalogRouter>({ service: "catalog", url: server.url });
});

afterAll(async () => {
  await flags.clear();
  await server.stop(); // stops this process's flags too
  const keys = await cacheKeys();
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  await db.$disconnect();
});

describe("cache.disabled", () => {
  it("sends every read to PostgreSQL and leaves Redis untouched while on, and caches again when off", async () => {
    const input = { category: "garden", sort: "price_asc" as const, limit: 6 };

    // Off: the second read is a hit, served without SQL.
    forgetSpans();
    const before = { ...catalog.cache.stats };
    const expected = await client.products.query(input);
    expect(await client.products.query(input)).toEqual(expected);
    expect(catalog.cache.stats.misses - before.misses).toBe(1);
    expect(catalog.cache.stats.hits - before.hits).toBe(1);
    const [miss, hit] = await lastRequests("catalog/products", 2);
    expect(miss?.procedure.attributes[ATTR.CACHE_RESULT]).toBe("miss");
    expect(hit?.procedure.attributes[ATTR.CACHE_RESULT]).toBe("hit");
    expect(hit?.trace.some(isSql)).toBe(false);
    expect(hit?.trace.some(isRedis)).toBe(true);
    const keysWhileOff = (await cacheKeys()).sort();
    expect(keysWhileOff.length).toBeGreaterThan(0);

    // On: three reads of the same listing, three queries, no Redis command at all.
    await switchCacheOff(true);
    forgetSpans();
    const during = { ...catalog.cache.stats };
    for (let read = 0; read < 3; read++) expect(await client.products.query(input)).toEqual(expected);
    expect(await client.categories.query()).toHaveLength(await db.category.count());
    expect(catalog.cache.stats).toEqual({ ...during, bypasses: during.bypasses + 4 });
    const bypassed = await lastRequests("catalog/products", 3);
    for (const { procedure, trace } of bypassed) {
      expect(procedure.attributes).toMatchObject({
        [ATTR.CACHE_NAME]: "catalog.list",
        [ATTR.CACHE_RESULT]: "bypass",
        [FEATURE_FLAG_ATTR.KEY]: "cache.disabled",
        [FEATURE_FLAG_ATTR.VARIANT]: "on",
      });
      expect(procedure.events.map((event) => event.attributes?.[FEATURE_FLAG_ATTR.KEY])).toContain(
        "cache.disabled",
      );
      expect(
        trace
          .filter(isSql)
          .some((span) => String(span.attributes["db.query.text"]).includes("from products p")),
      ).toBe(true);
      expect(trace.filter(isRedis)).toEqual([]);
    }
    expect((await cacheKeys()).sort()).toEqual(keysWhileOff);

    // Off again: the cache answers as before (the entry written before the bypass is still live).
    await switchCacheOff(false);
    forgetSpans();
    const after = { ...catalog.cache.stats };
    expect(await client.products.query(input)).toEqual(expected);
    expect(catalog.cache.stats.hits - after.hits).toBe(1);
    expect(catalog.cache.stats.bypasses).toBe(after.bypasses);
    const [again] = await lastRequests("catalog/products", 1);
    expect(again?.procedure.attributes[ATTR.CACHE_RESULT]).toBe("hit");
    expect(again?.procedure.attributes[FEATURE_FLAG_ATTR.KEY]).toBeUndefined();
    expect(again?.trace.some(isSql)).toBe(false);
  });
});
