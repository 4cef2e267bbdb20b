// Abandoned carts are counted exactly once: by whichever sweeper (or shopper's write) claims an
// expired cart first, valued at the catalog's current prices; never after checkedOut or clear.
// Real Redis and a real catalog; the clock is the test's, so carts expire when the test says.
import { businessMetrics } from "@shop/telemetry";
import type { CatalogRouter } from "@shop/catalog-service";
import { createDbClient } from "@shop/db";
import type { DbClient } from "@shop/db";
import { createServiceClient } from "@shop/service-kit";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it, vi } from "vitest";
import type { MockInstance } from "vitest";
import { newCartId } from "../test/cart-ids.ts";
import { catalogFixture } from "../test/catalog-fixture.ts";
import type { CatalogFixture } from "../test/catalog-fixture.ts";
import { startCatalog } from "../test/catalog-server.ts";
import type { CatalogServer } from "../test/catalog-server.ts";
import { redisNamespace } from "../test/redis-namespace.ts";
import { seedCatalog } from "../test/seed-catalog.ts";
import { testRedisUrl } from "../test/test-env.ts";
import { cartParts } from "./cart-deps.ts";
import type { CartDeps } from "./cart-deps.ts";
import { cartKeys } from "./cart-keys.ts";
import { createCartRouter } from "./router.ts";
import { sweepAbandonedCarts } from "./sweep-abandoned-carts.ts";
import { createCallerFactory } from "./trpc.ts";

const TTL_SECONDS = 60;

let db: DbClient;
let redis: Redis;
let otherRedis: Redis;
let namespace: ReturnType<typeof redisNamespace>;
let catalog: CatalogServer;
let fixture: CatalogFixture;
let productIds: number[];
let deps: CartDeps;
let cart: ReturnType<typeof callerOf>;
let counted: MockInstance<typeof businessMetrics.cartAbandoned>;
let clock = new Date();

/** The cart in this process, as tRPC calls it: no HTTP between the test and the service. */
function callerOf(cartDeps: CartDeps) {
  return createCallerFactory(createCartRouter(cartDeps))({});
}

const expired = () => new Date(clock.getTime() + TTL_SECONDS * 1_000);

/** A sweep as one replica runs it: its own Redis connection, at the given time. */
function sweepAt(at: Date, redisOfReplica: Redis = redis) {
  return sweepAbandonedCarts(cartParts({ ...deps, redis: redisOfReplica }), at);
}

async function priceOf(productId: number) {
  return (await fixture.product(productId)).priceMinor;
}

beforeAll(async () => {
  db = createDbClient({ connectionString: inject("databaseUrl"), poolMax: 4 });
  productIds = await seedCatalog(db);
  fixture = catalogFixture(db);
  redis = new Redis(testRedisUrl, { maxRetriesPerRequest: 1 });
  otherRedis = new Redis(testRedisUrl, { maxRetriesPerRequest: 1 });
  namespace = redisNamespace(redis, "cart-abandon");
  catalog = await startCatalog(db, redis, namespace.prefix("catalog"));
  for (const id of productIds.slice(0, 12)) await fixture.setStock(id, 50);
  deps = {
    redis,
    catalog: catalog.client,
    keyPrefix: namespace.prefix("cart"),
    ttlSeconds: TTL_SECONDS,
    now: () => clock,
  };
  cart = callerOf(deps);
});

beforeEach(() => {
  counted = vi.spyOn(businessMetrics, "cartAbandoned");
});

afterEach(async () => {
  vi.restoreAllMocks();
  clock = new Date();
  // Nothing a test left behind may be counted by the next one.
  await sweepAt(new Date(Date.now() + 365 * 24 * 3_600_000));
});

afterAll(async () => {
  await fixture.restore();
  await catalog.stop();
  await namespace.cleanup();
  otherRedis.disconnect();
  redis.disconnect();
  await db.$disconnect();
});

describe("abandoned carts", () => {
  it("counts each expired cart exactly once, at current prices, even with two sweepers racing", async () => {
    const [a, b] = [productIds[0] ?? 0, productIds[1] ?? 0];
    const carts = Array.from({ length: 12 }, (_, index) => ({
      cartId: newCartId("gone"),
      units: 1 + (index % 3),
    }));
    for (const { cartId, units } of carts) {
      await cart.add({ cartId, productId: a, quantity: units });
      await cart.add({ cartId, productId: b, quantity: 1 });
    }
    const fresh = newCartId("fresh");
    clock = new Date(clock.getTime() + 30_000);
    await cart.add({ cartId: fresh, productId: a, quantity: 1 });
    // Prices move after the carts were filled: abandonment is valued at today's prices.
    await fixture.setPrice(a, (await priceOf(a)) + 500);
    const [priceA, priceB] = [await priceOf(a), await priceOf(b)];

    const at = new Date(clock.getTime() + (TTL_SECONDS - 10) * 1_000);
    const [first, second] = await Promise.all([sweepAt(at), sweepAt(at, otherRedis)]);

    const swept = [...first.abandoned, ...second.abandoned];
    expect(swept.map((c) => c.cartId).sort()).toEqual(carts.map((c) => c.cartId).sort());
    for (const { cartId, units } of carts) {
      expect(swept.find((c) => c.cartId === cartId)).toEqual({
        cartId,
        items: units + 1,
        valueMinor: units * priceA + priceB,
        currency: "USD",
      });
    }
    expect(counted).toHaveBeenCalledTimes(carts.length);
    const keys = cartKeys(namespace.prefix("cart"));
    expect(await redis.exists(...carts.map(({ cartId }) => keys.lines(cartId)))).toBe(0);

    // Swept carts are gone; the one still live is untouched.
    expect((await sweepAt(at)).abandoned).toEqual([]);
    expect((await cart.view({ cartId: fresh })).itemCount).toBe(1);
    expect(counted).toHaveBeenCalledTimes(carts.length);
  });

  it("never counts a cart that became an order or was emptied, even once it would have expired", async () => {
    const productId = productIds[2] ?? 0;
    const [ordered, emptied] = [newCartId("ordered"), newCartId("emptied")];
    await cart.add({ cartId: ordered, productId, quantity: 2 });
    await cart.add({ cartId: emptied, productId, quantity: 2 });

    expect(await cart.checkedOut({ cartId: ordered })).toMatchObject({ lines: [], expiresAt: null });
    await cart.clear({ cartId: emptied });

    expect((await sweepAt(expired())).abandoned).toEqual([]);
    expect(counted).not.toHaveBeenCalled();
  });

  it("counts an expired cart when the shopper's next write finds it first, then starts afresh", async () => {
    const [old, next] = [productIds[3] ?? 0, productIds[4] ?? 0];
    const cartId = newCartId("returning");
    await cart.add({ cartId, productId: old, quantity: 2 });

    clock = expired();
    expect((await cart.view({ cartId })).lines).toEqual([]);
    const view = await cart.add({ cartId, productId: next, quantity: 1 });
    expect(view.lines.map((line) => line.productId)).toEqual([next]);
    expect(counted).toHaveBeenCalledExactlyOnceWith({
      valueMinor: 2 * (await priceOf(old)),
      currency: "USD",
    });

    expect((await sweepAt(clock)).abandoned).toEqual([]);
    expect(counted).toHaveBeenCalledTimes(1);
  });

  it("leaves expired carts for the next sweep while the catalog cannot price them", async () => {
    const productId = productIds[5] ?? 0;
    const cartId = newCartId("unpriced");
    await cart.add({ cartId, productId, quantity: 1 });
    const deadCatalog = createServiceClient<CatalogRouter>({
      service: "catalog",
      url: "http://127.0.0.1:9",
      retries: 0,
      timeoutMs: 500,
    });

    await expect(
      sweepAbandonedCarts(cartParts({ ...deps, catalog: deadCatalog }), expired()),
    ).rejects.toThrow("catalog is unreachable");
    expect(counted).not.toHaveBeenCalled();

    expect((await sweepAt(expired())).abandoned.map((c) => c.cartId)).toEqual([cartId]);
    expect(counted).toHaveBeenCalledTimes(1);
  });
});
