// Writes are atomic per cart: many calls racing on one cart over real HTTP (as shoppers'
// double-clicks and parallel tabs send them) never lose an update nor get past a limit.
import { createDbClient } from "@shop/db";
import type { DbClient } from "@shop/db";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { newCartId } from "../test/cart-ids.ts";
import { errorData, startCart } from "../test/cart-server.ts";
import type { CartClient } from "../test/cart-server.ts";
import { catalogFixture } from "../test/catalog-fixture.ts";
import type { CatalogFixture } from "../test/catalog-fixture.ts";
import { startCatalog } from "../test/catalog-server.ts";
import type { CatalogServer } from "../test/catalog-server.ts";
import { redisNamespace } from "../test/redis-namespace.ts";
import { seedCatalog } from "../test/seed-catalog.ts";
import { testRedisUrl } from "../test/test-env.ts";
import { MAX_LINES_PER_CART } from "./cart-limits.ts";

let db: DbClient;
let redis: Redis;
let namespace: ReturnType<typeof redisNamespace>;
let catalog: CatalogServer;
let cart: Awaited<ReturnType<typeof startCart>>;
let client: CartClient;
let fixture: CatalogFixture;
let productIds: number[];

beforeAll(async () => {
  db = createDbClient({ connectionString: inject("databaseUrl"), poolMax: 8 });
  productIds = await seedCatalog(db);
  fixture = catalogFixture(db);
  redis = new Redis(testRedisUrl, { maxRetriesPerRequest: 1 });
  namespace = redisNamespace(redis, "cart-race");
  catalog = await startCatalog(db, redis, namespace.prefix("catalog"));
  cart = await startCart({ redis, catalog: catalog.client, keyPrefix: namespace.prefix("cart") });
  client = cart.client;
});

afterEach(async () => {
  await fixture.restore();
});

afterAll(async () => {
  await cart.stop();
  await catalog.stop();
  await namespace.cleanup();
  redis.disconnect();
  await db.$disconnect();
});

async function race<T>(calls: (() => Promise<T>)[]) {
  const results = await Promise.allSettled(calls.map((call) => call()));
  return {
    won: results.filter((result) => result.status === "fulfilled"),
    lost: results.flatMap((result) => (result.status === "rejected" ? [errorData(result.reason)] : [])),
  };
}

describe("concurrent writes to one cart", () => {
  it("lets 20 concurrent adds of 1 fill the line to exactly 10; the other 10 are QUANTITY_LIMIT", async () => {
    const productId = productIds[0] ?? 0;
    await fixture.setStock(productId, 100);
    const cartId = newCartId("race");

    const { won, lost } = await race(
      Array.from({ length: 20 }, () => () => client.add.mutate({ cartId, productId, quantity: 1 })),
    );

    expect(won).toHaveLength(10);
    expect(lost).toHaveLength(10);
    for (const data of lost) {
      expect(data).toMatchObject({
        httpStatus: 422,
        domainCode: "QUANTITY_LIMIT",
        expected: true,
        details: { limit: "QUANTITY_PER_LINE", productId, inCart: 10, requested: 11 },
      });
    }
    const view = await client.view.query({ cartId });
    expect(view.lines.map(({ productId: id, quantity }) => ({ id, quantity }))).toEqual([
      { id: productId, quantity: 10 },
    ]);
  });

  it("never sells more than the stock, however many adds race for it", async () => {
    const productId = productIds[1] ?? 0;
    await fixture.setStock(productId, 4);
    const cartId = newCartId("stock");

    const { won, lost } = await race(
      Array.from({ length: 20 }, () => () => client.add.mutate({ cartId, productId, quantity: 1 })),
    );

    expect(won).toHaveLength(4);
    expect(lost.map((data) => data.domainCode)).toEqual(Array(16).fill("OUT_OF_STOCK"));
    expect((await client.view.query({ cartId })).lines[0]?.quantity).toBe(4);
  });

  it("lets exactly 30 of 40 different products in when they race for the last lines", async () => {
    const ids = productIds.slice(2, 42);
    await Promise.all(ids.map((id) => fixture.setStock(id, 50)));
    const cartId = newCartId("lines");

    const { won, lost } = await race(
      ids.map((productId) => () => client.add.mutate({ cartId, productId, quantity: 1 })),
    );

    expect(won).toHaveLength(MAX_LINES_PER_CART);
    expect(lost).toHaveLength(ids.length - MAX_LINES_PER_CART);
    for (const data of lost) {
      expect(data).toMatchObject({ domainCode: "QUANTITY_LIMIT", details: { limit: "LINES_PER_CART" } });
    }
    expect((await client.view.query({ cartId })).lines).toHaveLength(MAX_LINES_PER_CART);
  });
});
