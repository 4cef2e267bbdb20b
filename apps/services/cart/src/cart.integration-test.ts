// The cart over real HTTP against real Redis and a real catalog (seeded PostgreSQL): what a
// shopper sees, what each procedure changes, the limits, stock, and expiry. The cart's clock is
// the test's, so expiry is a state the tests set rather than a deadline they sleep past.
import { createDbClient } from "@shop/db";
import type { DbClient } from "@shop/db";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { newCartId } from "../test/cart-ids.ts";
import { refusal, startCart } from "../test/cart-server.ts";
import type { CartClient } from "../test/cart-server.ts";
import { catalogFixture } from "../test/catalog-fixture.ts";
import type { CatalogFixture } from "../test/catalog-fixture.ts";
import { startCatalog } from "../test/catalog-server.ts";
import type { CatalogServer } from "../test/catalog-server.ts";
import { redisNamespace } from "../test/redis-namespace.ts";
import { seedCatalog } from "../test/seed-catalog.ts";
import { testRedisUrl } from "../test/test-env.ts";
import { cartKeys } from "./cart-keys.ts";
import { DEFAULT_RETENTION_GRACE_SECONDS, MAX_LINES_PER_CART } from "./cart-limits.ts";

const TTL_SECONDS = 600;

let db: DbClient;
let redis: Redis;
let namespace: ReturnType<typeof redisNamespace>;
let catalog: CatalogServer;
let cart: Awaited<ReturnType<typeof startCart>>;
let client: CartClient;
let fixture: CatalogFixture;
let productIds: number[];
let clock = new Date();

/** A distinct seeded product for each use, so tests never share stock or prices. */
let nextProduct = 0;
function product(): number {
  const id = productIds[nextProduct++];
  if (id === undefined) throw new Error("ran out of seeded products");
  return id;
}

/** A product with plenty of stock, so that no "only N left" warning shows. */
async function stockedProduct(units = 50): Promise<number> {
  const id = product();
  await fixture.setStock(id, units);
  return id;
}

const later = (seconds: number) => new Date(clock.getTime() + seconds * 1_000);

beforeAll(async () => {
  db = createDbClient({ connectionString: inject("databaseUrl"), poolMax: 4 });
  productIds = await seedCatalog(db);
  fixture = catalogFixture(db);
  redis = new Redis(testRedisUrl, { maxRetriesPerRequest: 1 });
  namespace = redisNamespace(redis, "cart");
  catalog = await startCatalog(db, redis, namespace.prefix("catalog"));
  cart = await startCart({
    redis,
    catalog: catalog.client,
    keyPrefix: namespace.prefix("cart"),
    ttlSeconds: TTL_SECONDS,
    now: () => clock,
  });
  client = cart.client;
});

afterEach(async () => {
  clock = new Date();
  await fixture.restore();
});

afterAll(async () => {
  await cart.stop();
  await catalog.stop();
  await namespace.cleanup();
  redis.disconnect();
  await db.$disconnect();
});

describe("view", () => {
  it("is ready when Redis answers", async () => {
    const ready = await fetch(`${cart.url}/readyz`);
    expect(await ready.json()).toEqual({ status: "ready", service: "cart", checks: { redis: "ok" } });
  });

  it("answers an unknown cart as an empty cart, not an error", async () => {
    const cartId = newCartId();
    expect(await client.view.query({ cartId })).toEqual({
      cartId,
      lines: [],
      itemCount: 0,
      subtotalMinor: 0,
      currency: "USD",
      expiresAt: null,
    });
  });

  it("shows each line with the product's current name, slug, image, price, stock and total", async () => {
    const [a, b] = [await stockedProduct(40), await stockedProduct(30)];
    const cartId = newCartId();
    await client.add.mutate({ cartId, productId: b, quantity: 1 });
    await client.add.mutate({ cartId, productId: a, quantity: 2 });

    const [pa, pb] = [await fixture.product(a), await fixture.product(b)];
    expect(await client.view.query({ cartId })).toEqual({
      cartId,
      lines: [
        {
          productId: a,
          quantity: 2,
          name: pa.name,
          slug: pa.slug,
          image: pa.image,
          unitPriceMinor: pa.priceMinor,
          lineTotalMinor: 2 * pa.priceMinor,
          available: 40,
          warning: null,
        },
        {
          productId: b,
          quantity: 1,
          name: pb.name,
          slug: pb.slug,
          image: pb.image,
          unitPriceMinor: pb.priceMinor,
          lineTotalMinor: pb.priceMinor,
          available: 30,
          warning: null,
        },
      ],
      itemCount: 3,
      subtotalMinor: 2 * pa.priceMinor + pb.priceMinor,
      currency: "USD",
      expiresAt: later(TTL_SECONDS),
    });
  });

  it("follows the catalog's price: a changed price shows in the cart once the catalog is invalidated", async () => {
    const productId = await stockedProduct();
    const cartId = newCartId();
    const before = await client.add.mutate({ cartId, productId, quantity: 3 });
    const oldPrice = before.lines[0]?.unitPriceMinor ?? 0;
    const newPrice = oldPrice + 1_234;

    await fixture.setPrice(productId, newPrice);
    await catalog.client.invalidate.mutate();

    const after = await client.view.query({ cartId });
    expect(after.lines[0]).toMatchObject({ unitPriceMinor: newPrice, lineTotalMinor: 3 * newPrice });
    expect(after.subtotalMinor).toBe(3 * newPrice);
  });
});

describe("changing the cart", () => {
  it("adds to an existing line, sets a quantity, removes a line and clears the cart", async () => {
    const [a, b] = [await stockedProduct(), await stockedProduct()];
    const cartId = newCartId();
    const quantities = (view: { lines: { productId: number; quantity: number }[] }) =>
      view.lines.map(({ productId, quantity }) => ({ productId, quantity }));

    expect(quantities(await client.add.mutate({ cartId, productId: a, quantity: 2 }))).toEqual([
      { productId: a, quantity: 2 },
    ]);
    expect(quantities(await client.add.mutate({ cartId, productId: a, quantity: 3 }))).toEqual([
      { productId: a, quantity: 5 },
    ]);
    const withB = await client.setQuantity.mutate({ cartId, productId: b, quantity: 4 });
    expect(quantities(withB)).toEqual([
      { productId: a, quantity: 5 },
      { productId: b, quantity: 4 },
    ]);
    expect(withB.itemCount).toBe(9);
    expect(quantities(await client.setQuantity.mutate({ cartId, productId: a, quantity: 1 }))).toEqual([
      { productId: a, quantity: 1 },
      { productId: b, quantity: 4 },
    ]);
    expect(quantities(await client.setQuantity.mutate({ cartId, productId: a, quantity: 0 }))).toEqual([
      { productId: b, quantity: 4 },
    ]);
    // Removing what is not there changes nothing.
    expect(quantities(await client.remove.mutate({ cartId, productId: a }))).toEqual([
      { productId: b, quantity: 4 },
    ]);
    await client.add.mutate({ cartId, productId: a, quantity: 1 });
    expect(quantities(await client.remove.mutate({ cartId, productId: b }))).toEqual([
      { productId: a, quantity: 1 },
    ]);

    const cleared = await client.clear.mutate({ cartId });
    expect(cleared).toMatchObject({ lines: [], itemCount: 0, subtotalMinor: 0, expiresAt: null });
    expect(await client.view.query({ cartId })).toEqual(cleared);
    expect(await redis.exists(cartKeys(namespace.prefix("cart")).lines(cartId))).toBe(0);
  });

  it("deletes the cart when its last line goes", async () => {
    const productId = await stockedProduct();
    const cartId = newCartId();
    await client.add.mutate({ cartId, productId, quantity: 1 });
    const emptied = await client.remove.mutate({ cartId, productId });
    expect(emptied).toMatchObject({ lines: [], expiresAt: null });
    const keys = cartKeys(namespace.prefix("cart"));
    expect(await redis.exists(keys.lines(cartId))).toBe(0);
    expect(await redis.zscore(keys.expiries, cartId)).toBeNull();
  });

  it("answers NOT_FOUND for a product the catalog does not sell", async () => {
    const retired = product();
    await fixture.retire(retired);
    const unknown = Math.max(...productIds) + 1_000;
    const cartId = newCartId();
    for (const productId of [retired, unknown]) {
      expect(await refusal(client.add.mutate({ cartId, productId, quantity: 1 }))).toMatchObject({
        httpStatus: 404,
        domainCode: "NOT_FOUND",
        details: { productId },
      });
    }
    expect((await client.view.query({ cartId })).lines).toEqual([]);
  });
});

describe("limits", () => {
  it("holds at most 10 of a product: beyond is QUANTITY_LIMIT (422, expected) and changes nothing", async () => {
    const productId = await stockedProduct();
    const cartId = newCartId();

    expect(await refusal(client.add.mutate({ cartId, productId, quantity: 11 }))).toMatchObject({
      code: "UNPROCESSABLE_CONTENT",
      httpStatus: 422,
      domainCode: "QUANTITY_LIMIT",
      expected: true,
      details: { limit: "QUANTITY_PER_LINE", max: 10, productId, inCart: 0, requested: 11 },
    });
    await client.add.mutate({ cartId, productId, quantity: 8 });
    expect(await refusal(client.add.mutate({ cartId, productId, quantity: 3 }))).toMatchObject({
      domainCode: "QUANTITY_LIMIT",
      details: { inCart: 8, requested: 11 },
    });
    expect(await refusal(client.setQuantity.mutate({ cartId, productId, quantity: 12 }))).toMatchObject({
      domainCode: "QUANTITY_LIMIT",
      details: { inCart: 8, requested: 12 },
    });
    expect((await client.add.mutate({ cartId, productId, quantity: 2 })).lines[0]?.quantity).toBe(10);
  });

  it("holds at most 30 different products: the 31st is QUANTITY_LIMIT, more of one already there is fine", async () => {
    const ids = await Promise.all(Array.from({ length: MAX_LINES_PER_CART + 1 }, () => stockedProduct()));
    const [extra, ...thirty] = ids.reverse();
    const cartId = newCartId();
    for (const productId of thirty) await client.add.mutate({ cartId, productId, quantity: 1 });

    expect(await refusal(client.add.mutate({ cartId, productId: extra ?? 0, quantity: 1 }))).toMatchObject({
      httpStatus: 422,
      domainCode: "QUANTITY_LIMIT",
      details: { limit: "LINES_PER_CART", max: 30, productId: extra, lines: 30 },
    });
    const view = await client.add.mutate({ cartId, productId: thirty[0] ?? 0, quantity: 1 });
    expect(view.lines).toHaveLength(30);
    expect(view.itemCount).toBe(31);
  });
});

describe("stock", () => {
  it("refuses more than is available with OUT_OF_STOCK (409, expected) naming the product and what is left", async () => {
    const productId = product();
    await fixture.setStock(productId, 3);
    const cartId = newCartId();

    expect(await refusal(client.add.mutate({ cartId, productId, quantity: 4 }))).toMatchObject({
      code: "CONFLICT",
      httpStatus: 409,
      domainCode: "OUT_OF_STOCK",
      expected: true,
      details: { productId, available: 3, inCart: 0, requested: 4 },
    });
    const view = await client.add.mutate({ cartId, productId, quantity: 3 });
    expect(view.lines[0]).toMatchObject({ quantity: 3, available: 3, warning: "only 3 left" });
    expect(await refusal(client.add.mutate({ cartId, productId, quantity: 1 }))).toMatchObject({
      domainCode: "OUT_OF_STOCK",
      details: { productId, available: 3, inCart: 3, requested: 4 },
    });
  });

  it("warns on lines the shop can no longer (fully) sell, and leaves unsellable ones out of the subtotal", async () => {
    const [kept, short, soldOut, retired] = [
      await stockedProduct(),
      await stockedProduct(),
      await stockedProduct(),
      await stockedProduct(),
    ];
    const cartId = newCartId();
    for (const productId of [kept, short, soldOut, retired]) {
      await client.add.mutate({ cartId, productId, quantity: 4 });
    }
    await fixture.setStock(short, 2);
    await fixture.setStock(soldOut, 0);
    await fixture.retire(retired);

    const view = await client.view.query({ cartId });
    const byId = new Map(view.lines.map((line) => [line.productId, line]));
    expect(byId.get(kept)?.warning).toBeNull();
    expect(byId.get(short)).toMatchObject({ available: 2, warning: "only 2 left" });
    expect(byId.get(soldOut)).toMatchObject({ available: 0, warning: "no longer available" });
    expect(byId.get(retired)).toMatchObject({
      quantity: 4,
      name: null,
      unitPriceMinor: null,
      lineTotalMinor: 0,
      warning: "no longer available",
    });
    expect(view.itemCount).toBe(16);
    expect(view.subtotalMinor).toBe(
      (byId.get(kept)?.lineTotalMinor ?? 0) + (byId.get(short)?.lineTotalMinor ?? 0),
    );

    // A line the stock no longer covers may shrink (or go), never grow.
    expect(
      (await client.setQuantity.mutate({ cartId, productId: short, quantity: 3 })).lines.find(
        (line) => line.productId === short,
      )?.quantity,
    ).toBe(3);
    expect(await refusal(client.add.mutate({ cartId, productId: short, quantity: 1 }))).toMatchObject({
      domainCode: "OUT_OF_STOCK",
    });
    const removed = await client.remove.mutate({ cartId, productId: retired });
    expect(removed.lines.map((line) => line.productId)).not.toContain(retired);
  });
});

describe("expiry", () => {
  it("refreshes the expiry on every change, and keeps the data a grace period longer", async () => {
    const productId = await stockedProduct();
    const cartId = newCartId();
    const key = cartKeys(namespace.prefix("cart")).lines(cartId);

    const first = await client.add.mutate({ cartId, productId, quantity: 1 });
    expect(first.expiresAt).toEqual(later(TTL_SECONDS));
    const retentionMs = (TTL_SECONDS + DEFAULT_RETENTION_GRACE_SECONDS) * 1_000;
    expect(await redis.pttl(key)).toBeGreaterThan(retentionMs - 5_000);

    clock = later(TTL_SECONDS / 2);
    const second = await client.add.mutate({ cartId, productId, quantity: 1 });
    expect(second.expiresAt).toEqual(later(TTL_SECONDS));
    expect(second.expiresAt?.getTime()).toBeGreaterThan(first.expiresAt?.getTime() ?? Infinity);

    // Past the first expiry, the refreshed cart lives on.
    clock = new Date((first.expiresAt?.getTime() ?? 0) + 1_000);
    expect((await client.view.query({ cartId })).lines).toEqual([{ ...second.lines[0], quantity: 2 }]);

    // Past its own expiry it reads as empty, though its data is still there for the sweeper.
    clock = new Date(second.expiresAt?.getTime() ?? 0);
    expect(await client.view.query({ cartId })).toMatchObject({ lines: [], expiresAt: null });
    expect(await redis.exists(key)).toBe(1);
  });
});
