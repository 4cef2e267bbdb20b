// The console's orders-per-minute numbers, from real PostgreSQL through the service's HTTP server.
import { randomUUID } from "node:crypto";
import { createDbClient } from "@shop/db";
import type { DbClient } from "@shop/db";
import { seedDatabase } from "@shop/db/seed";
import { createServiceClient, startServiceServer } from "@shop/service-kit";
import type { ServiceServer } from "@shop/service-kit";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createOrders } from "./orders.ts";
import type { OrdersRouter } from "./router.ts";

const MINUTE_MS = 60_000;
// ISO 4217's code for tests: no other test's orders are in it, so its revenue is ours alone.
const CURRENCY = "XTS";

let db: DbClient;
let server: ServiceServer;
let client: ReturnType<typeof createServiceClient<OrdersRouter>>;

beforeAll(async () => {
  db = createDbClient({ connectionString: inject("databaseUrl"), poolMax: 4 });
  // The same seed as the other orders tests (a no-op once seeded): products to order.
  await seedDatabase(db, { anchorDate: "2026-11-26", orders: 600 });
  server = await startServiceServer({ name: "orders", router: createOrders(db).router, port: 0 });
  client = createServiceClient<OrdersRouter>({ service: "orders", url: server.url });
});

afterAll(async () => {
  await server.stop();
  await db.$disconnect();
});

/** An order placed at `createdAt`, written straight to the table (the service stamps "now"). */
async function placedAt(createdAt: Date, totalMinor: number) {
  const email = `stats-${randomUUID().slice(0, 8)}@example.com`;
  const customer = await db.customer.create({
    data: { email, firstName: "Grace", lastName: "Hopper" },
    select: { id: true },
  });
  await db.order.create({
    data: {
      number: `ORD-${randomUUID().replaceAll("-", "").slice(0, 8).toUpperCase()}`,
      idempotencyKey: `stats-${randomUUID()}`,
      customerId: customer.id,
      email,
      currency: CURRENCY,
      subtotalMinor: totalMinor,
      shippingMinor: 0,
      totalMinor,
      shipName: "Grace Hopper",
      shipLine1: "1 Compiler Court",
      shipCity: "Arlington",
      shipPostalCode: "22201",
      shipCountry: "US",
      createdAt,
    },
  });
}

function minuteStart(epochMs: number) {
  return Math.floor(epochMs / MINUTE_MS) * MINUTE_MS;
}

describe("stats.recentMinutes", () => {
  it("counts orders and sums revenue per minute and currency, every minute present, oldest first", async () => {
    const threeAgo = minuteStart(Date.now()) - 3 * MINUTE_MS;
    const twoAgo = threeAgo + MINUTE_MS;
    const before = await client.stats.recentMinutes.query({ minutes: 10 });

    await placedAt(new Date(threeAgo + 5_000), 1_250);
    await placedAt(new Date(threeAgo + 59_000), 750);
    await placedAt(new Date(twoAgo + 1_000), 4_999);
    // Outside any 10-minute window: not counted.
    await placedAt(new Date(threeAgo - 30 * MINUTE_MS), 100_000);

    const after = await client.stats.recentMinutes.query({ minutes: 10 });
    expect(after.minutes).toHaveLength(10);
    const starts = after.minutes.map((minute) => minute.start.getTime());
    for (let index = 1; index < starts.length; index++) {
      expect((starts[index] ?? 0) - (starts[index - 1] ?? 0)).toBe(MINUTE_MS);
    }
    const at = (stats: typeof after, start: number) => stats.minutes.find((m) => m.start.getTime() === start);
    expect(at(after, threeAgo)?.revenueMinor[CURRENCY]).toBe(2_000);
    expect(at(after, twoAgo)?.revenueMinor[CURRENCY]).toBe(4_999);
    expect((at(after, threeAgo)?.orders ?? 0) - (at(before, threeAgo)?.orders ?? 0)).toBe(2);
    expect((at(after, twoAgo)?.orders ?? 0) - (at(before, twoAgo)?.orders ?? 0)).toBe(1);
    const xtsTotal = after.minutes.reduce((sum, minute) => sum + (minute.revenueMinor[CURRENCY] ?? 0), 0);
    expect(xtsTotal).toBe(6_999);
  });

  it("counts an order placed through the service in the current minute", async () => {
    const [product] = await db.product.findMany({
      select: { id: true, name: true, priceMinor: true },
      take: 1,
    });
    if (!product) throw new Error("no products");
    const sum = (stats: { minutes: { orders: number }[] }) => stats.minutes.reduce((n, m) => n + m.orders, 0);
    const before = sum(await client.stats.recentMinutes.query({ minutes: 2 }));
    await client.create.mutate({
      idempotencyKey: `stats-${randomUUID()}`,
      customer: { email: `stats-${randomUUID().slice(0, 8)}@example.com`, firstName: "Ada", lastName: "L" },
      currency: "USD",
      items: [
        { productId: product.id, productName: product.name, unitPriceMinor: product.priceMinor, quantity: 1 },
      ],
      shippingAddress: {
        name: "Ada L",
        line1: "1 Way",
        city: "Portland",
        postalCode: "97201",
        country: "US",
      },
      shipping: {
        method: "STANDARD",
        zone: "domestic",
        carrier: "Parcelway",
        costMinor: 0,
        estimatedDeliveryAt: new Date(Date.now() + 5 * 86_400_000),
      },
    });
    // Two minutes: the order lands in the window even if the minute turned over in between.
    expect(sum(await client.stats.recentMinutes.query({ minutes: 2 }))).toBeGreaterThan(before);
  });

  it("reads the window through the created_at index, not a scan of every order", async () => {
    const plan = await db.$transaction(async (tx) => {
      // The test table is small enough that a planner may prefer a scan; ask what it would do
      // if scans were expensive, which is the production-sized question.
      await tx.$executeRaw`set local enable_seqscan = off`;
      return tx.$queryRaw<{ "QUERY PLAN": string }[]>`
        explain select date_trunc('minute', created_at), currency, count(*), sum(total_minor)
          from orders where created_at >= ${new Date(Date.now() - 5 * MINUTE_MS)} group by 1, 2`;
    });
    expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toMatch(/Index.*orders_created_at_idx/);
  });

  it("answers 400 with a field message for a window it does not serve", async () => {
    for (const minutes of [0, 61, 2.5]) {
      await expect(client.stats.recentMinutes.query({ minutes })).rejects.toMatchObject({
        data: { httpStatus: 400, fieldErrors: { minutes: [expect.stringContaining("minutes")] } },
      });
    }
  });
});
