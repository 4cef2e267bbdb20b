// The order saga across the real services: each its own process with the telemetry preload, one
// seeded PostgreSQL, one Redis, and the local sink standing in for Coralogix.
import { randomUUID } from "node:crypto";
import type { CartRouter } from "@shop/cart-service";
import { createDbClient } from "@shop/db";
import type { DbClient } from "@shop/db";
import { seedDatabase } from "@shop/db/seed";
import { createServiceClient } from "@shop/service-kit";
import { SinkClient, startSink } from "@shop/telemetry-sink";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { CheckoutRouter } from "./router.ts";
import type { PlaceOrderInput } from "./schemas.ts";
import { startServiceProcess, startShop } from "../test/shop-processes.ts";
import type { RunningService, ServiceName } from "../test/shop-processes.ts";

let db: DbClient;
let sink: Awaited<ReturnType<typeof startSink>>;
let sinkClient: SinkClient;
let shop: Awaited<ReturnType<typeof startShop>>;
let checkout: ReturnType<typeof createServiceClient<CheckoutRouter>>;
let cart: ReturnType<typeof createServiceClient<CartRouter>>;
let common: Record<string, string>;

const VISA = {
  number: "4242 4242 4242 4242",
  expMonth: 12,
  expYear: 2034,
  cvc: "123",
  holderName: "Ada Lovelace",
};
const DECLINED = { ...VISA, number: "4000000000000002" };

beforeAll(async () => {
  db = createDbClient({ connectionString: inject("databaseUrl"), poolMax: 4 });
  await seedDatabase(db, { anchorDate: "2026-11-26", orders: 300 });
  sink = await startSink({ port: 0 });
  sinkClient = new SinkClient(sink.url);
  const run = `${String(process.pid)}-${String(Date.now())}`;
  common = {
    DATABASE_URL: inject("databaseUrl"),
    REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
    CATALOG_CACHE_PREFIX: `catalog-co-${run}`,
    CART_KEY_PREFIX: `cart-co-${run}`,
    PAYMENT_LATENCY_MS: "0",
    INVENTORY_SWEEP_INTERVAL_MS: "300",
    // These tests are about correctness under contention (no oversell, one order per attempt), not
    // backpressure: 50 checkouts at once queue for the inventory's 10 connections longer than the
    // services' 250 ms default and would be shed as busy (503), as they are allowed to be. 1 s
    // lets them queue, and stays under the callers' 2 s timeout.
    DATABASE_POOL_ACQUIRE_TIMEOUT_MS: "1000",
    OTEL_EXPORTER_OTLP_ENDPOINT: sink.url,
    OTEL_BSP_SCHEDULE_DELAY: "100",
    OTEL_METRIC_EXPORT_INTERVAL: "1000",
    LOG_LEVEL: "warn",
  };
  shop = await startShop(common);
  checkout = createServiceClient<CheckoutRouter>({
    service: "checkout",
    url: shop.urls.checkout,
    timeoutMs: 15_000,
  });
  cart = createServiceClient<CartRouter>({ service: "cart", url: shop.urls.cart });
});

afterAll(async () => {
  await Promise.allSettled(Object.values(shop.services).map((service) => service.stop()));
  await sink.close();
  await db.$disconnect();
});

function checkoutInput(cartId: string, card = VISA): PlaceOrderInput {
  return {
    idempotencyKey: `co-${randomUUID()}`,
    cartId,
    customer: { email: "ada.lovelace@example.com", firstName: "Ada", lastName: "Lovelace" },
    shippingAddress: {
      name: "Ada Lovelace",
      line1: "12 Analytical Way",
      city: "Portland",
      region: "OR",
      postalCode: "97201",
      country: "US",
    },
    shippingMethod: "STANDARD",
    card,
  };
}

async function cartWith(items: { productId: number; quantity: number }[]): Promise<string> {
  const cartId = `cart${randomUUID().replaceAll("-", "")}`;
  for (const item of items) await cart.add.mutate({ cartId, ...item });
  return cartId;
}

async function productWithStock(units: number): Promise<number> {
  const product = await db.product.findFirstOrThrow({
    where: { inventory: { reserved: 0 } },
    orderBy: { id: "desc" },
  });
  await db.inventory.update({ where: { productId: product.id }, data: { onHand: units } });
  return product.id;
}

describe("placing an order", () => {
  it("charges, creates the order, sells the stock and empties the cart: one trace across the services", async () => {
    const [a, b] = await db.product.findMany({
      take: 2,
      orderBy: { id: "asc" },
      include: { inventory: true },
    });
    if (!a?.inventory || !b?.inventory) throw new Error("no stock");
    const cartId = await cartWith([
      { productId: a.id, quantity: 2 },
      { productId: b.id, quantity: 1 },
    ]);
    const input = checkoutInput(cartId);
    const result = await checkout.placeOrder.mutate(input);
    if (result.status !== "PLACED") throw new Error(`expected an order, got ${JSON.stringify(result)}`);
    const order = result.order;
    expect(order.totalMinor).toBe(a.priceMinor * 2 + b.priceMinor + order.shippingMinor);

    const payment = await db.payment.findUniqueOrThrow({ where: { idempotencyKey: input.idempotencyKey } });
    expect(payment).toMatchObject({ status: "CAPTURED", orderId: order.id, amountMinor: order.totalMinor });
    const after = await db.inventory.findUniqueOrThrow({ where: { productId: a.id } });
    expect(after).toMatchObject({ onHand: a.inventory.onHand - 2, reserved: a.inventory.reserved });
    expect((await cart.view.query({ cartId })).lines).toEqual([]);

    // One trace: the checkout's server span and, under it, every service it called, with SQL and Redis.
    const serverSpans = await sinkClient.waitFor(
      () => sinkClient.spans({ service: "checkout", name: "checkout/placeOrder" }),
      (spans) => spans.length > 0,
    );
    const traceId = serverSpans.at(-1)?.traceId ?? "";
    const wanted: ServiceName[] = [
      "checkout",
      "cart",
      "catalog",
      "inventory",
      "shipping",
      "payment",
      "orders",
    ];
    const spans = await sinkClient.waitFor(
      async () => (await sinkClient.trace(traceId))?.spans ?? [],
      (found) => wanted.every((name) => found.some((s) => s.serviceName === name && s.kind === "SERVER")),
      { timeoutMs: 15_000 },
    );
    const dbSystems = new Set(
      spans.map((s) => {
        const system = s.attributes["db.system.name"];
        return `${s.serviceName}:${typeof system === "string" ? system : ""}`;
      }),
    );
    for (const expected of [
      "inventory:postgresql",
      "orders:postgresql",
      "payment:postgresql",
      "cart:redis",
    ]) {
      expect(dbSystems.has(expected), expected).toBe(true);
    }
    expect(spans.filter((s) => s.status.code === "ERROR")).toEqual([]);
  });

  it("sells a scarce product exactly as many times as it has units, under 50 concurrent checkouts", async () => {
    const units = 7;
    const productId = await productWithStock(units);
    const carts = await Promise.all(Array.from({ length: 50 }, () => cartWith([{ productId, quantity: 1 }])));
    const results = await Promise.allSettled(
      carts.map((cartId) => checkout.placeOrder.mutate(checkoutInput(cartId))),
    );
    const placed = results.filter((r) => r.status === "fulfilled" && r.value.status === "PLACED");
    const refused = results.filter((r) => r.status === "rejected");
    expect(placed).toHaveLength(units);
    expect(refused).toHaveLength(50 - units);
    for (const rejection of refused) {
      expect(rejection.reason).toMatchObject({
        data: { domainCode: "OUT_OF_STOCK", httpStatus: 409 },
      });
    }
    const stock = await db.inventory.findUniqueOrThrow({ where: { productId } });
    expect(stock).toEqual(expect.objectContaining({ onHand: 0, reserved: 0 }));
    expect(await db.stockReservation.count({ where: { productId, status: "ACTIVE" } })).toBe(0);
    expect(
      await db.orderItem.count({ where: { productId, order: { idempotencyKey: { startsWith: "co-" } } } }),
    ).toBe(units);
  });

  it("turns the same attempt sent 5 times at once into one order and one payment", async () => {
    const productId = await productWithStock(20);
    const input = checkoutInput(await cartWith([{ productId, quantity: 1 }]));
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => checkout.placeOrder.mutate(input)),
    );
    const numbers = new Set(
      results.flatMap((r) =>
        r.status === "fulfilled" && r.value.status === "PLACED" ? [r.value.order.number] : [],
      ),
    );
    expect(numbers.size).toBe(1);
    expect(await db.order.count({ where: { idempotencyKey: input.idempotencyKey } })).toBe(1);
    expect(await db.payment.count({ where: { idempotencyKey: input.idempotencyKey } })).toBe(1);
    expect((await db.inventory.findUniqueOrThrow({ where: { productId } })).onHand).toBe(19);
  });

  it("declines a card without an order, releases the stock and keeps the cart", async () => {
    const productId = await productWithStock(5);
    const cartId = await cartWith([{ productId, quantity: 2 }]);
    const input = checkoutInput(cartId, DECLINED);
    const result = await checkout.placeOrder.mutate(input);
    expect(result).toMatchObject({ status: "DECLINED" });
    if (result.status === "DECLINED") expect(result.message).toMatch(/declined/i);
    expect(await db.order.count({ where: { idempotencyKey: input.idempotencyKey } })).toBe(0);
    expect(await db.inventory.findUniqueOrThrow({ where: { productId } })).toMatchObject({
      onHand: 5,
      reserved: 0,
    });
    expect((await cart.view.query({ cartId })).lines.map((line) => line.quantity)).toEqual([2]);
  });
});

describe("bad input", () => {
  it("answers any malformed checkout with 400 and field messages, never a 5xx, and charges nothing", async () => {
    const valid = checkoutInput(`cart${"x".repeat(20)}`);
    const payments = await db.payment.count();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ idempotencyKey: fc.string({ maxLength: 7 }) }),
          fc.record({ cartId: fc.string({ maxLength: 15 }) }),
          fc.record({
            customer: fc.record({ email: fc.string(), firstName: fc.constant(""), lastName: fc.string() }),
          }),
          fc.record({ shippingMethod: fc.string().filter((m) => m !== "STANDARD" && m !== "EXPRESS") }),
          fc.record({
            card: fc.record({
              number: fc.string({ maxLength: 11 }),
              expMonth: fc.integer({ min: 13 }),
              expYear: fc.integer(),
              cvc: fc.string(),
              holderName: fc.string(),
            }),
          }),
          fc.record({
            shippingAddress: fc.record({ country: fc.string().filter((c) => !/^[A-Z]{2}$/.test(c)) }),
          }),
        ),
        async (change) => {
          const response = await fetch(`${shop.urls.checkout}/placeOrder`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ json: { ...valid, ...change } }),
          });
          expect(response.status).toBe(400);
          const body = (await response.json()) as { error: { json: { data: { fieldErrors?: unknown } } } };
          expect(body.error.json.data.fieldErrors).toBeDefined();
        },
      ),
      { numRuns: 40 },
    );
    expect(await db.payment.count()).toBe(payments);
  });
});

describe("when a service fails mid-checkout", () => {
  it("answers with a retryable error, charges nothing without an order and holds no stock", async () => {
    const productId = await productWithStock(5);
    const cartId = await cartWith([{ productId, quantity: 1 }]);
    const input = checkoutInput(cartId);
    const orders: RunningService = shop.services.orders;
    await orders.stop();
    try {
      await expect(checkout.placeOrder.mutate(input)).rejects.toMatchObject({
        data: { domainCode: "DEPENDENCY_UNAVAILABLE", httpStatus: 503 },
      });
      const payment = await db.payment.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
      expect(payment?.status ?? "none").not.toBe("CAPTURED");
      expect(await db.order.count({ where: { idempotencyKey: input.idempotencyKey } })).toBe(0);
      const deadline = Date.now() + 10_000;
      while (
        (await db.stockReservation.count({ where: { checkoutId: input.idempotencyKey, status: "ACTIVE" } })) >
        0
      ) {
        if (Date.now() > deadline) throw new Error("the reservation stayed active");
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(await db.inventory.findUniqueOrThrow({ where: { productId } })).toMatchObject({
        onHand: 5,
        reserved: 0,
      });
      expect((await cart.view.query({ cartId })).lines).toHaveLength(1);
    } finally {
      shop.services.orders = await startServiceProcess(
        "orders",
        { ...common, ...shop.wiring },
        shop.ports.orders,
      );
    }
  });
});
