// The orders service against real PostgreSQL (seeded), through its real HTTP server.
import { randomUUID } from "node:crypto";
import { createDbClient } from "@shop/db";
import type { DbClient } from "@shop/db";
import { seedDatabase } from "@shop/db/seed";
import { createServiceClient, startServiceServer } from "@shop/service-kit";
import type { ServiceServer } from "@shop/service-kit";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createOrders } from "./orders.ts";
import type { OrdersRouter } from "./router.ts";
import type { CreateOrderInput } from "./schemas.ts";

let db: DbClient;
let server: ServiceServer;
let client: ReturnType<typeof createServiceClient<OrdersRouter>>;
let products: { id: number; name: string; priceMinor: number }[];

beforeAll(async () => {
  db = createDbClient({ connectionString: inject("databaseUrl"), poolMax: 6 });
  await seedDatabase(db, { anchorDate: "2026-11-26", orders: 600 });
  products = await db.product.findMany({
    select: { id: true, name: true, priceMinor: true },
    take: 5,
    orderBy: { id: "asc" },
  });
  server = await startServiceServer({ name: "orders", router: createOrders(db).router, port: 0 });
  client = createServiceClient<OrdersRouter>({ service: "orders", url: server.url });
});

afterAll(async () => {
  await server.stop();
  await db.$disconnect();
});

function orderInput(overrides: Partial<CreateOrderInput> = {}): CreateOrderInput {
  const [first, second] = products;
  if (!first || !second) throw new Error("no products");
  return {
    idempotencyKey: `test-${randomUUID()}`,
    customer: {
      email: `buyer-${randomUUID().slice(0, 8)}@example.com`,
      firstName: "Ada",
      lastName: "Lovelace",
    },
    currency: "USD",
    items: [
      { productId: first.id, productName: first.name, unitPriceMinor: first.priceMinor, quantity: 2 },
      { productId: second.id, productName: second.name, unitPriceMinor: second.priceMinor, quantity: 1 },
    ],
    shippingAddress: {
      name: "Ada Lovelace",
      line1: "12 Analytical Way",
      city: "Portland",
      region: "OR",
      postalCode: "97201",
      country: "US",
    },
    shipping: {
      method: "STANDARD",
      zone: "domestic",
      carrier: "Parcelway",
      costMinor: 599,
      estimatedDeliveryAt: new Date("2026-12-01T00:00:00Z"),
    },
    ...overrides,
  };
}

describe("creating orders", () => {
  it("creates an order with items, totals computed here, a pending shipment and a readable number", async () => {
    const input = orderInput();
    const order = await client.create.mutate(input);
    const [a, b] = input.items;
    const subtotal = (a?.unitPriceMinor ?? 0) * 2 + (b?.unitPriceMinor ?? 0);
    expect(order).toMatchObject({
      status: "PAID",
      email: input.customer.email,
      subtotalMinor: subtotal,
      shippingMinor: 599,
      totalMinor: subtotal + 599,
      shipment: { method: "STANDARD", status: "PENDING", carrier: "Parcelway" },
      payment: null,
    });
    expect(order.number).toMatch(/^ORD-[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(order.createdAt).toBeInstanceOf(Date);
    expect(order.items).toHaveLength(2);
    expect(await db.customer.count({ where: { email: input.customer.email } })).toBe(1);
  });

  it("creates one order for one idempotency key, however many times and however concurrently it is sent", async () => {
    const input = orderInput();
    const answers = await Promise.all(Array.from({ length: 5 }, () => client.create.mutate(input)));
    expect(new Set(answers.map((order) => order.number)).size).toBe(1);
    expect(await db.order.count({ where: { idempotencyKey: input.idempotencyKey } })).toBe(1);
    expect(await client.create.mutate(input)).toMatchObject({ number: answers[0]?.number });
  });

  it("refuses to reuse an idempotency key for a different order", async () => {
    const input = orderInput();
    await client.create.mutate(input);
    const changed = {
      ...input,
      items: input.items.map((item) => ({ ...item, quantity: item.quantity + 1 })),
    };
    await expect(client.create.mutate(changed)).rejects.toMatchObject({
      data: { httpStatus: 409, domainCode: "CONFLICT" },
    });
  });
});

describe("looking orders up", () => {
  it("shows an order to whoever has its number and email (any case), and 404 otherwise", async () => {
    const input = orderInput();
    const created = await client.create.mutate(input);
    const found = await client.get.query({
      number: created.number,
      email: input.customer.email.toUpperCase(),
    });
    expect(found.number).toBe(created.number);
    await expect(
      client.get.query({ number: created.number, email: "someone.else@example.com" }),
    ).rejects.toMatchObject({
      data: { httpStatus: 404, domainCode: "NOT_FOUND" },
    });
    await expect(
      client.get.query({ number: "ORD-00000000", email: input.customer.email }),
    ).rejects.toMatchObject({
      data: { httpStatus: 404 },
    });
  });

  it("shows the card brand and last four digits of a seeded order's payment, nothing more", async () => {
    const seeded = await db.order.findFirstOrThrow({
      where: { payment: { isNot: null } },
      select: { number: true, email: true },
    });
    const order = await client.get.query({ number: seeded.number, email: seeded.email });
    expect(Object.keys(order.payment ?? {}).sort()).toEqual(["cardBrand", "cardLast4", "status"]);
    expect(order.payment?.cardLast4).toMatch(/^\d{4}$/);
  });

  it("lists a customer's history newest first, page by page, without repeats or gaps", async () => {
    const [busiest] = await db.order.groupBy({
      by: ["email"],
      _count: { _all: true },
      orderBy: { _count: { email: "desc" } },
      take: 1,
    });
    if (!busiest) throw new Error("no seeded orders");
    const seen: { number: string; createdAt: Date }[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.history.query({
        email: busiest.email,
        limit: 7,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.orders);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(busiest._count._all);
    expect(new Set(seen.map((o) => o.number)).size).toBe(seen.length);
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i - 1]?.createdAt.getTime()).toBeGreaterThanOrEqual(seen[i]?.createdAt.getTime() ?? 0);
    }
    expect((await client.history.query({ email: "nobody@example.com" })).orders).toEqual([]);
  });
});

describe("bad input", () => {
  it("answers any malformed input with 400 and field messages, never a 5xx", async () => {
    const post = async (procedure: string, input: unknown) => {
      const response = await fetch(`${server.url}/${procedure}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: input }),
      });
      return {
        status: response.status,
        body: (await response.json()) as { error?: { json: { data: { fieldErrors?: unknown } } } },
      };
    };
    const get = async (procedure: string, input: unknown) => {
      const response = await fetch(
        `${server.url}/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
      );
      return {
        status: response.status,
        body: (await response.json()) as { error?: { json: { data: { fieldErrors?: unknown } } } },
      };
    };
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({
            procedure: fc.constant("create"),
            input: fc.oneof(fc.constant({}), fc.record({ idempotencyKey: fc.string({ maxLength: 7 }) })),
          }),
          fc.record({
            procedure: fc.constant("create"),
            input: fc.constant(null).map(() => ({ ...orderInput(), items: [] })),
          }),
          fc.record({
            procedure: fc.constant("create"),
            input: fc.integer({ min: 100, max: 1_000 }).map((quantity) => {
              const base = orderInput();
              return { ...base, items: base.items.map((item) => ({ ...item, quantity })) };
            }),
          }),
          fc.record({
            procedure: fc.constant("get"),
            input: fc.record({ number: fc.string(), email: fc.string() }),
          }),
          fc.record({
            procedure: fc.constant("history"),
            input: fc.record({ email: fc.string(), limit: fc.integer({ min: 51 }) }),
          }),
        ),
        async ({ procedure, input }) => {
          const { status, body } =
            procedure === "create" ? await post(procedure, input) : await get(procedure, input);
          expect(status).toBe(400);
          expect(body.error?.json.data.fieldErrors).toBeDefined();
        },
      ),
      { numRuns: 40 },
    );
  });
});
