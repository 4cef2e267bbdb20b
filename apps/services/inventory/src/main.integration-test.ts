// The service process as it runs in the shop (src/main.ts with the telemetry preload), exporting
// to the local sink that stands in for Coralogix: readiness, what an out-of-stock looks like once
// exported (an outcome, never an error), the sweeper and the restocker on their timers,
// configuration errors, shutdown.
import { randomBytes } from "node:crypto";
import { createDbClient } from "@shop/db";
import type { DbClient } from "@shop/db";
import { createServiceClient } from "@shop/service-kit";
import type { ServiceErrorShape } from "@shop/service-kit";
import { SinkClient, startSink } from "@shop/telemetry-sink";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { runInventory, startInventory } from "../test/inventory-process.ts";
import type { InventoryProcess } from "../test/inventory-process.ts";
import { seedCatalog } from "../test/seed-catalog.ts";
import { stockFixture } from "../test/stock-fixture.ts";
import { waitFor } from "../test/wait-for.ts";
import { RESTOCK_TASK } from "./restocker.ts";
import type { InventoryRouter } from "./router.ts";

let db: DbClient;
let productIds: number[];
let fixture: ReturnType<typeof stockFixture>;
let sink: Awaited<ReturnType<typeof startSink>>;
let telemetry: SinkClient;
let inventory: InventoryProcess;
let client: ReturnType<typeof createServiceClient<InventoryRouter>>;

const processEnv = (): Record<string, string> => ({
  ...(process.env as Record<string, string>),
  OTEL_SERVICE_NAME: "inventory",
  OTEL_EXPORTER_OTLP_ENDPOINT: sink.url,
  OTEL_BSP_SCHEDULE_DELAY: "100",
  OTEL_BLRP_SCHEDULE_DELAY: "100",
  LOG_LEVEL: "info",
  DATABASE_URL: inject("databaseUrl"),
  DATABASE_POOL_MAX: "4",
  INVENTORY_SWEEP_INTERVAL_MS: "200",
  // Tests here set stock by hand (an out-of-stock): no delivery may refill it meanwhile. The
  // restocking test starts a process of its own that restocks every second.
  INVENTORY_RESTOCK_INTERVAL_MS: "86400000",
});

beforeAll(async () => {
  db = createDbClient({ connectionString: inject("databaseUrl"), poolMax: 2 });
  productIds = await seedCatalog(db);
  fixture = stockFixture(db);
  sink = await startSink({ port: 0 });
  telemetry = new SinkClient(sink.url);
  inventory = await startInventory(processEnv());
  client = createServiceClient<InventoryRouter>({
    service: "inventory",
    url: inventory.url,
    timeoutMs: 10_000,
  });
});

afterEach(async () => {
  await fixture.restore();
});

afterAll(async () => {
  await inventory.stop();
  await sink.close();
  await db.$disconnect();
});

describe("the inventory process", () => {
  it("is ready once its database answers", async () => {
    const ready = await fetch(`${inventory.url}/readyz`);
    expect(await ready.json()).toEqual({ status: "ready", service: "inventory", checks: { database: "ok" } });
  });

  it("exports an out-of-stock as a business outcome: no ERROR span, an info log, no error log", async () => {
    const productId = productIds[10] ?? 0;
    await fixture.setStock(productId, 2);
    const traceId = randomBytes(16).toString("hex");

    const response = await fetch(`${inventory.url}/reserve`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        traceparent: `00-${traceId}-${randomBytes(8).toString("hex")}-01`,
      },
      body: JSON.stringify({
        json: { checkoutId: fixture.checkoutId("otel"), items: [{ productId, quantity: 3 }] },
      }),
    });
    expect(response.status).toBe(409);
    const body = (await response.json()) as { error: { json: ServiceErrorShape } };
    expect(body.error.json.data).toMatchObject({ domainCode: "OUT_OF_STOCK", expected: true });

    const spans = await telemetry.waitFor(
      async () => (await telemetry.trace(traceId))?.spans ?? [],
      (found) => found.some((span) => span.name === "inventory/reserve"),
      { description: "the reserve span" },
    );
    const reserve = spans.find((span) => span.name === "inventory/reserve");
    expect(spans.filter((span) => span.status.code === "ERROR")).toEqual([]);
    expect(reserve?.attributes).toMatchObject({ "shop.outcome": "OUT_OF_STOCK", "rpc.service": "inventory" });
    expect(reserve?.attributes["error.type"]).toBeUndefined();
    expect(reserve?.events).toContainEqual(
      expect.objectContaining({
        name: "shop.outcome",
        attributes: { "shop.outcome": "out_of_stock", "shop.product_id": productId },
      }),
    );

    const logs = await telemetry.waitFor(
      () => telemetry.logs({ traceId }),
      (found) => found.some((log) => String(log.body).includes("reservation refused")),
      { description: "the refusal log" },
    );
    expect(logs.map((log) => log.severityText)).toEqual(["info"]);
  });

  it("sweeps expired reservations on its timer and logs how many units it released", async () => {
    const productId = productIds[11] ?? 0;
    await fixture.setStock(productId, 5);
    await client.reserve.mutate({
      checkoutId: fixture.checkoutId("sweep"),
      items: [{ productId, quantity: 2 }],
      ttlSeconds: 1,
    });
    expect(await fixture.stock(productId)).toEqual({ onHand: 5, reserved: 2 });

    await waitFor(
      () => fixture.stock(productId),
      (stock) => stock.reserved === 0,
      { description: "the sweeper to release the units" },
    );
    await waitFor(
      () => Promise.resolve(inventory.output()),
      (output) => output.includes("released 2 units of 1 expired reservations"),
      { description: "the sweeper's log line" },
    );
    // Each sweep is one trace: its SQL under a span named for the task, not orphaned spans.
    const sweeps = await telemetry.waitFor(
      () => telemetry.spans({ service: "inventory", name: "sweeping expired reservations" }),
      (found) => found.length > 0,
    );
    const sweep = sweeps.at(-1);
    const children = await telemetry.waitFor(
      async () => (await telemetry.trace(sweep?.traceId ?? ""))?.spans ?? [],
      (spans) => spans.some((span) => span.attributes["db.system.name"] === "postgresql"),
    );
    expect(sweep?.parentSpanId).toBeUndefined();
    expect(children.every((span) => span.traceId === sweep?.traceId)).toBe(true);
  });

  it("restocks a product that fell to its reorder point on its timer: a log, a span with counts, a metric", async () => {
    const productId = productIds[12] ?? 0;
    await fixture.setStock(productId, 3, { parLevel: 80 });
    const restocking = await startInventory({
      ...processEnv(),
      INVENTORY_RESTOCK_INTERVAL_MS: "1000",
      OTEL_METRIC_EXPORT_INTERVAL: "500",
    });
    try {
      await waitFor(
        () => fixture.stock(productId),
        (stock) => stock.onHand === 80,
        { description: "the delivery to top the product up to its par level" },
      );
      const slug = (await db.product.findUniqueOrThrow({ where: { id: productId } })).slug;
      await waitFor(
        () => Promise.resolve(restocking.output()),
        (output) => output.includes(`restocked ${slug}: 77 units delivered, 80 free again`),
        { description: "the delivery's log line" },
      );
      // The run that delivered: one trace, its counts on the root span, its SQL underneath.
      const runs = await telemetry.waitFor(
        () => telemetry.spans({ service: "inventory", name: RESTOCK_TASK }),
        (found) => found.some((span) => Number(span.attributes["shop.inventory.restocked.units"]) >= 77),
        { description: "the restocking span" },
      );
      const run = runs.find((span) => Number(span.attributes["shop.inventory.restocked.units"]) >= 77);
      expect(run?.parentSpanId).toBeUndefined();
      expect(run?.attributes["shop.inventory.restocked.products"]).toBeGreaterThanOrEqual(1);
      const sql = await telemetry.waitFor(
        async () => (await telemetry.trace(run?.traceId ?? ""))?.spans ?? [],
        (spans) =>
          spans.some((span) => String(span.attributes["db.query.text"]).includes("update inventory")),
        { description: "the restocking SQL in the run's trace" },
      );
      expect(sql.every((span) => span.status.code !== "ERROR")).toBe(true);
      const points = await telemetry.waitFor(
        () => telemetry.metrics({ name: "shop.inventory.restocked", service: "inventory" }),
        (found) => found.some((point) => point.attributes["shop.product_id"] === productId),
        { description: "the shop.inventory.restocked metric" },
      );
      expect(points.find((point) => point.attributes["shop.product_id"] === productId)?.value).toBe(77);
    } finally {
      await restocking.stop();
    }
  });

  it("refuses to start with a configuration it cannot use, saying why", async () => {
    const run = runInventory({ ...processEnv(), OTEL_SDK_DISABLED: "true", DATABASE_URL: "mysql://db" });
    expect(await run.exited).not.toBe(0);
    expect(run.output()).toContain(
      "Invalid inventory configuration: DATABASE_URL must be a postgresql:// URL",
    );
  });

  it("stops on SIGTERM and exits cleanly", async () => {
    const other = await startInventory(processEnv());
    expect((await fetch(`${other.url}/healthz`)).status).toBe(200);
    expect(await other.stop()).toBe(0);
    expect(other.output()).toContain("inventory stopped");
  });
});
