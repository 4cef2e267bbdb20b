// Never oversell: many checkouts racing for the last units, over real HTTP (the service's server
// and a typed client, as the checkout service will call it) against real PostgreSQL.
import { createDbClient } from "@shop/db";
import type { DbClient } from "@shop/db";
import { createServiceClient, startServiceServer } from "@shop/service-kit";
import type { ServiceErrorData, ServiceServer } from "@shop/service-kit";
import { TRPCClientError } from "@trpc/client";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { seedCatalog } from "../test/seed-catalog.ts";
import { stockFixture } from "../test/stock-fixture.ts";
import { createInventoryRouter } from "./router.ts";
import type { InventoryRouter } from "./router.ts";

let db: DbClient;
let server: ServiceServer;
let client: ReturnType<typeof createServiceClient<InventoryRouter>>;
let fixture: ReturnType<typeof stockFixture>;
let productIds: number[];

function errorData(reason: unknown): ServiceErrorData {
  if (!(reason instanceof TRPCClientError)) throw reason;
  return reason.data as ServiceErrorData;
}

beforeAll(async () => {
  // Fewer connections than concurrent calls, as in production: requests queue for the pool.
  db = createDbClient({ connectionString: inject("databaseUrl"), poolMax: 8 });
  productIds = await seedCatalog(db);
  fixture = stockFixture(db);
  server = await startServiceServer({
    name: "inventory",
    router: createInventoryRouter({ db }),
    port: 0,
    readiness: { database: () => db.$queryRaw`select 1` },
  });
  client = createServiceClient<InventoryRouter>({ service: "inventory", url: server.url, timeoutMs: 30_000 });
});

afterEach(async () => {
  await fixture.restore();
});

afterAll(async () => {
  await server.stop();
  await db.$disconnect();
});

describe("concurrent reservations over HTTP", () => {
  it("is ready when its database answers", async () => {
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ checks: { database: "ok" } });
  });

  it("lets exactly N of 50 concurrent checkouts have the last N units; the rest are OUT_OF_STOCK", async () => {
    const productId = productIds[0] ?? 0;
    const units = 17;
    await fixture.setStock(productId, units);

    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        client.reserve.mutate({
          checkoutId: fixture.checkoutId("race"),
          items: [{ productId, quantity: 1 }],
        }),
      ),
    );

    const won = results.filter((result) => result.status === "fulfilled");
    const lost = results.flatMap((result) =>
      result.status === "rejected" ? [errorData(result.reason)] : [],
    );
    expect(won).toHaveLength(units);
    expect(lost).toHaveLength(50 - units);
    for (const data of lost) {
      expect(data).toMatchObject({
        code: "CONFLICT",
        httpStatus: 409,
        domainCode: "OUT_OF_STOCK",
        expected: true,
        details: { productId, requested: 1, available: 0 },
      });
    }
    expect(await client.availability.query({ productIds: [productId] })).toEqual([
      { productId, onHand: units, reserved: units, available: 0 },
    ]);
    expect(await fixture.activeUnits(productId)).toBe(units);
  });

  it("never deadlocks or oversells when baskets name the same products in opposite orders", async () => {
    const [a, b, c] = [productIds[1] ?? 0, productIds[2] ?? 0, productIds[3] ?? 0];
    await fixture.setStock(a, 9);
    await fixture.setStock(b, 40);
    await fixture.setStock(c, 40);
    const baskets = Array.from({ length: 30 }, (_, index) => {
      const items = [
        { productId: a, quantity: 1 },
        { productId: b, quantity: 1 },
        { productId: c, quantity: 1 },
      ];
      return index % 2 === 0 ? items : items.reverse();
    });

    const results = await Promise.allSettled(
      baskets.map((items) => client.reserve.mutate({ checkoutId: fixture.checkoutId("mixed"), items })),
    );

    const lost = results.flatMap((result) =>
      result.status === "rejected" ? [errorData(result.reason)] : [],
    );
    expect(lost.map((data) => data.domainCode)).toEqual(Array(30 - 9).fill("OUT_OF_STOCK"));
    // All or nothing: every winner holds one of each, every loser holds none.
    const stock = await client.availability.query({ productIds: [a, b, c] });
    expect(stock.map((row) => row.reserved)).toEqual([9, 9, 9]);
    expect(stock.every((row) => row.available >= 0)).toBe(true);
  });

  it("releases and commits through the client with the same guarantees", async () => {
    const productId = productIds[4] ?? 0;
    await fixture.setStock(productId, 5);
    const kept = fixture.checkoutId("kept");
    const dropped = fixture.checkoutId("dropped");
    await client.reserve.mutate({ checkoutId: kept, items: [{ productId, quantity: 2 }] });
    await client.reserve.mutate({ checkoutId: dropped, items: [{ productId, quantity: 3 }] });

    const [committed, released] = await Promise.all([
      client.commit.mutate({ checkoutId: kept }),
      client.release.mutate({ checkoutId: dropped }),
    ]);
    expect(committed.status).toBe("COMMITTED");
    expect(committed.expiresAt).toBeInstanceOf(Date);
    expect(released.released).toEqual([{ productId, quantity: 3 }]);
    expect(await client.availability.query({ productIds: [productId] })).toEqual([
      { productId, onHand: 3, reserved: 0, available: 3 },
    ]);
  });
});
