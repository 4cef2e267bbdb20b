// Recommendations from real, seeded order history, through the real HTTP server.
import { createDbClient } from "@shop/db";
import type { DbClient } from "@shop/db";
import { seedDatabase } from "@shop/db/seed";
import { createServiceClient, startServiceServer } from "@shop/service-kit";
import type { ServiceServer } from "@shop/service-kit";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createRecommendations } from "./recommendations.ts";
import type { RecommendationsRouter } from "./router.ts";

let db: DbClient;
let server: ServiceServer;
let client: ReturnType<typeof createServiceClient<RecommendationsRouter>>;

beforeAll(async () => {
  db = createDbClient({ connectionString: inject("databaseUrl"), poolMax: 3 });
  await seedDatabase(db, { anchorDate: new Date().toISOString().slice(0, 10), orders: 3_000 });
  server = await startServiceServer({
    name: "recommendations",
    router: createRecommendations(db).router,
    port: 0,
  });
  client = createServiceClient<RecommendationsRouter>({ service: "recommendations", url: server.url });
});

afterAll(async () => {
  await server.stop();
  await db.$disconnect();
});

describe("recommendations", () => {
  it("suggests for a bestseller the products that most often share its orders", async () => {
    const [top] = await db.$queryRaw<{ product_id: number }[]>`
      select product_id from order_items group by product_id order by count(*) desc limit 1`;
    if (!top) throw new Error("no history");
    const { items } = await client.forProduct.query({ productId: top.product_id, limit: 4 });
    expect(items).toHaveLength(4);
    expect(
      items.every((item) => item.reason === "bought_together" && item.productId !== top.product_id),
    ).toBe(true);
    const [best] = await db.$queryRaw<{ other: number; orders: number }[]>`
      select b.product_id as other, count(*)::int as orders
        from order_items a join order_items b on b.order_id = a.order_id and b.product_id <> a.product_id
        join orders o on o.id = a.order_id
       where a.product_id = ${top.product_id} and o.status <> 'CANCELLED'
       group by b.product_id order by orders desc, b.product_id asc limit 1`;
    expect(items[0]?.score).toBe(best?.orders);
    for (let i = 1; i < items.length; i++)
      expect(items[i - 1]?.score).toBeGreaterThanOrEqual(items[i]?.score ?? 0);
  });

  it("suggests for a cart without repeating its contents", async () => {
    const products = await db.product.findMany({ take: 3, select: { id: true } });
    const ids = products.map((p) => p.id);
    const { items } = await client.forCart.query({ productIds: ids, limit: 6 });
    expect(items.length).toBeGreaterThan(0);
    expect(items.some((item) => ids.includes(item.productId))).toBe(false);
    expect(new Set(items.map((i) => i.productId)).size).toBe(items.length);
  });

  it("answers 404 for an unknown product and 400 for malformed input, never a 5xx", async () => {
    await expect(client.forProduct.query({ productId: 99_999_999 })).rejects.toMatchObject({
      data: { httpStatus: 404 },
    });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ productId: fc.oneof(fc.integer({ max: 0 }), fc.string(), fc.double()) }),
          fc.record({ productId: fc.constant(1), limit: fc.integer({ min: 13 }) }),
        ),
        async (input) => {
          const response = await fetch(
            `${server.url}/forProduct?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
          );
          expect(response.status).toBe(400);
          const body = (await response.json()) as { error: { json: { data: { fieldErrors?: unknown } } } };
          expect(body.error.json.data.fieldErrors).toBeDefined();
        },
      ),
      { numRuns: 30 },
    );
  });
});
