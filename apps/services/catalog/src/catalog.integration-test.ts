// The catalog against real PostgreSQL (seeded) and Redis, through its real HTTP server.
import { createDbClient } from "@shop/db";
import type { DbClient } from "@shop/db";
import { seedDatabase } from "@shop/db/seed";
import { createServiceClient, startServiceServer } from "@shop/service-kit";
import type { ServiceServer } from "@shop/service-kit";
import fc from "fast-check";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createCatalog } from "./catalog.ts";
import type { ProductSummary } from "./model.ts";
import type { CatalogRouter } from "./router.ts";
import { SORTS } from "./schemas.ts";

let db: DbClient;
let redis: Redis;
let catalog: ReturnType<typeof createCatalog>;
let server: ServiceServer;
let client: ReturnType<typeof createServiceClient<CatalogRouter>>;

beforeAll(async () => {
  db = createDbClient({ connectionString: inject("databaseUrl"), poolMax: 4 });
  await seedDatabase(db, { anchorDate: "2026-11-26", orders: 1_500 });
  redis = new Redis(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379", { maxRetriesPerRequest: 1 });
  // This run's own key namespace: other runs and the demo may share the Redis.
  catalog = createCatalog(db, redis, {
    cachePrefix: `catalog-test-${String(process.pid)}-${String(Date.now())}`,
  });
  server = await startServiceServer({ name: "catalog", router: catalog.router, port: 0 });
  client = createServiceClient<CatalogRouter>({ service: "catalog", url: server.url });
});

afterAll(async () => {
  await server.stop();
  redis.disconnect();
  await db.$disconnect();
});

async function allPages(input: Parameters<typeof client.products.query>[0]) {
  const seen: ProductSummary[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 50; page++) {
    const result = await client.products.query({ ...input, ...(cursor ? { cursor } : {}) });
    seen.push(...result.items);
    if (!result.nextCursor) return seen;
    cursor = result.nextCursor;
  }
  throw new Error("pagination did not end");
}

describe("categories and listings", () => {
  it("lists the categories in navigation order with their product counts", async () => {
    const categories = await client.categories.query();
    expect(categories.length).toBeGreaterThanOrEqual(8);
    expect(categories[0]).toMatchObject({ slug: "audio", name: "Audio" });
    for (const category of categories) expect(category.productCount).toBeGreaterThanOrEqual(8);
  });

  it.each(SORTS)("walks a category page by page in %s order without repeats or gaps", async (sort) => {
    const everything = await allPages({ category: "kitchen", sort, limit: 5 });
    const ids = everything.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(await db.product.count({ where: { category: { slug: "kitchen" } } }));
    expect(everything.every((p) => p.category.slug === "kitchen")).toBe(true);
    const pairs = everything.slice(1).map((p, i) => [everything[i], p] as const);
    for (const [a, b] of pairs) {
      if (!a) continue;
      if (sort === "price_asc") expect(a.priceMinor).toBeLessThanOrEqual(b.priceMinor);
      if (sort === "price_desc") expect(a.priceMinor).toBeGreaterThanOrEqual(b.priceMinor);
      if (sort === "popular") expect(a.sold).toBeGreaterThanOrEqual(b.sold);
      if (sort === "rating") expect(a.ratingAverage).toBeGreaterThanOrEqual(b.ratingAverage);
    }
  });

  it("filters by price range, brand and stock", async () => {
    const cheap = await allPages({
      maxPriceMinor: 2_500,
      minPriceMinor: 1_000,
      sort: "price_asc",
      limit: 48,
    });
    expect(cheap.length).toBeGreaterThan(0);
    expect(cheap.every((p) => p.priceMinor >= 1_000 && p.priceMinor <= 2_500)).toBe(true);

    const [first] = await client.products.query({ category: "audio", limit: 1 }).then((page) => page.items);
    if (!first) throw new Error("no audio products");
    const byBrand = await allPages({ brands: [first.brand], limit: 48 });
    expect(byBrand.length).toBeGreaterThan(0);
    expect(byBrand.every((p) => p.brand === first.brand)).toBe(true);

    const stock = await db.inventory.findUniqueOrThrow({ where: { productId: first.id } });
    await db.inventory.update({ where: { productId: first.id }, data: { onHand: stock.reserved } });
    try {
      const inStock = await allPages({ category: "audio", inStock: true, limit: 48, sort: "price_desc" });
      expect(inStock.map((p) => p.id)).not.toContain(first.id);
    } finally {
      await db.inventory.update({ where: { productId: first.id }, data: { onHand: stock.onHand } });
    }
  });

  it("rejects a cursor that does not belong to the listing with 400", async () => {
    const page = await client.products.query({ sort: "price_asc", limit: 2 });
    await expect(
      client.products.query({ sort: "popular", limit: 2, cursor: page.nextCursor ?? "x" }),
    ).rejects.toMatchObject({
      data: { httpStatus: 400, domainCode: "INVALID_INPUT" },
    });
  });
});

describe("product pages and search", () => {
  it("returns a product with its description and live stock, and 404 for an unknown slug", async () => {
    const row = await db.product.findFirstOrThrow({
      where: { category: { slug: "outdoor" } },
      include: { inventory: true },
    });
    const product = await client.product.query({ slug: row.slug });
    expect(product).toMatchObject({
      id: row.id,
      name: row.name,
      description: row.description,
      weightGrams: row.weightGrams,
    });
    expect(product.available).toBe((row.inventory?.onHand ?? 0) - (row.inventory?.reserved ?? 0));

    // Stock is read live even though the product itself is cached.
    await db.inventory.update({ where: { productId: row.id }, data: { reserved: { increment: 1 } } });
    try {
      expect((await client.product.query({ slug: row.slug })).available).toBe(product.available - 1);
    } finally {
      await db.inventory.update({ where: { productId: row.id }, data: { reserved: { decrement: 1 } } });
    }
    await expect(client.product.query({ slug: "no-such-product" })).rejects.toMatchObject({
      data: { httpStatus: 404, domainCode: "NOT_FOUND" },
    });
  });

  it("finds products by name, brand and keyword, tolerating typos, best match first", async () => {
    const exact = await client.search.query({ query: "headphones" });
    expect(exact.items.length).toBeGreaterThan(0);
    expect(exact.items[0]?.name.toLowerCase()).toContain("headphones");

    const typo = await client.search.query({ query: "hedphones" });
    expect(typo.items.map((p) => p.id)).toEqual(
      expect.arrayContaining(exact.items.slice(0, 2).map((p) => p.id)),
    );

    const kettle = await client.search.query({ query: "kettel" });
    expect(kettle.items.some((p) => p.name.toLowerCase().includes("kettle"))).toBe(true);

    expect((await client.search.query({ query: "qzxwv" })).items).toEqual([]);
  });
});

describe("cache", () => {
  it("serves a repeated listing from Redis, and reloads after invalidation", async () => {
    const input = { category: "fitness", sort: "price_asc" as const, limit: 3 };
    const before = { ...catalog.cache.stats };
    await client.products.query(input);
    await client.products.query(input);
    expect(catalog.cache.stats.misses - before.misses).toBe(1);
    expect(catalog.cache.stats.hits - before.hits).toBe(1);

    await client.invalidate.mutate();
    await client.products.query(input);
    expect(catalog.cache.stats.misses - before.misses).toBe(2);
  });

  it("keeps answering from the database when Redis is down", async () => {
    const deadRedis = new Redis("redis://127.0.0.1:9", {
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      lazyConnect: true,
      retryStrategy: () => null,
    });
    deadRedis.on("error", () => undefined);
    const degraded = createCatalog(db, deadRedis, { cachePrefix: "catalog-test-dead" });
    const page = await degraded.service.listProducts({ sort: "popular", limit: 4 });
    expect(page.items).toHaveLength(4);
    expect(degraded.cache.stats.errors).toBeGreaterThan(0);
    deadRedis.disconnect();
  });
});

describe("bad input", () => {
  it("answers any malformed input with 400 and field messages, never a 5xx", async () => {
    const call = async (procedure: string, input: unknown) => {
      const url = `${server.url}/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
      const response = await fetch(url);
      return {
        status: response.status,
        body: (await response.json()) as { error?: { json: { data: { fieldErrors?: unknown } } } },
      };
    };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("products", "product", "search", "productsByIds"),
        fc.oneof(
          fc.record({ limit: fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 49 }), fc.string()) }),
          fc.record({ sort: fc.string().filter((s) => !(SORTS as readonly string[]).includes(s)) }),
          fc.record({ slug: fc.string().filter((s) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(s)) }),
          fc.record({ query: fc.oneof(fc.constant(""), fc.string({ minLength: 81, maxLength: 200 })) }),
          fc.record({
            ids: fc.oneof(fc.constant([]), fc.array(fc.integer({ max: 0 }), { minLength: 1, maxLength: 3 })),
          }),
          fc.record({
            minPriceMinor: fc.integer({ min: 1_000, max: 2_000 }),
            maxPriceMinor: fc.integer({ min: 0, max: 999 }),
          }),
        ),
        async (procedure, input) => {
          const { status, body } = await call(procedure, input);
          if (status === 200) return; // an input can still be valid for another procedure
          expect(status).toBe(400);
          expect(body.error?.json.data.fieldErrors).toBeDefined();
        },
      ),
      { numRuns: 60 },
    );
  });
});
