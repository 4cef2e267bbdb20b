// The service process as it runs in the shop (src/main.ts with the telemetry preload), exporting
// to the local sink that stands in for Coralogix: readiness, what one view looks like once
// exported (the procedure, its Redis calls and its call to the catalog in one trace), the sweeper
// counting an abandoned cart on its timer, configuration errors, shutdown.
import { randomBytes } from "node:crypto";
import { createDbClient } from "@shop/db";
import type { DbClient } from "@shop/db";
import { createServiceClient } from "@shop/service-kit";
import { SinkClient, startSink } from "@shop/telemetry-sink";
import type { SinkSpan } from "@shop/telemetry-sink";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { newCartId } from "../test/cart-ids.ts";
import { runCart, startCart } from "../test/cart-process.ts";
import type { CartProcess } from "../test/cart-process.ts";
import { catalogFixture } from "../test/catalog-fixture.ts";
import type { CatalogFixture } from "../test/catalog-fixture.ts";
import { startCatalog } from "../test/catalog-server.ts";
import type { CatalogServer } from "../test/catalog-server.ts";
import { redisNamespace } from "../test/redis-namespace.ts";
import { seedCatalog } from "../test/seed-catalog.ts";
import { testRedisUrl } from "../test/test-env.ts";
import type { CartRouter } from "./router.ts";

let db: DbClient;
let redis: Redis;
let namespace: ReturnType<typeof redisNamespace>;
let catalog: CatalogServer;
let fixture: CatalogFixture;
let productIds: number[];
let sink: Awaited<ReturnType<typeof startSink>>;
let telemetry: SinkClient;
let cart: CartProcess;
let client: ReturnType<typeof createServiceClient<CartRouter>>;

// Long enough for an add and a view to find the cart still live on a busy machine, short enough
// that the abandonment test waits seconds, not hours.
const TTL_SECONDS = 3;

const processEnv = (): Record<string, string> => ({
  ...(process.env as Record<string, string>),
  OTEL_SERVICE_NAME: "cart",
  OTEL_EXPORTER_OTLP_ENDPOINT: sink.url,
  OTEL_BSP_SCHEDULE_DELAY: "100",
  OTEL_BLRP_SCHEDULE_DELAY: "100",
  OTEL_METRIC_EXPORT_INTERVAL: "500",
  LOG_LEVEL: "info",
  REDIS_URL: testRedisUrl,
  CATALOG_URL: catalog.url,
  CART_KEY_PREFIX: namespace.prefix("cart"),
  CART_TTL_SECONDS: String(TTL_SECONDS),
  CART_SWEEP_INTERVAL_MS: "200",
});

function isUnder(span: SinkSpan, ancestor: SinkSpan, spans: SinkSpan[]): boolean {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  for (let cursor = span.parentSpanId; cursor; cursor = byId.get(cursor)?.parentSpanId) {
    if (cursor === ancestor.spanId) return true;
  }
  return false;
}

function find(spans: SinkSpan[], description: string, predicate: (span: SinkSpan) => boolean): SinkSpan {
  const span = spans.find(predicate);
  if (!span) throw new Error(`no ${description} among: ${spans.map((s) => s.name).join(", ")}`);
  return span;
}

const isRedis = (span: SinkSpan) =>
  (span.attributes["db.system.name"] ?? span.attributes["db.system"]) === "redis";

beforeAll(async () => {
  db = createDbClient({ connectionString: inject("databaseUrl"), poolMax: 2 });
  productIds = await seedCatalog(db);
  fixture = catalogFixture(db);
  redis = new Redis(testRedisUrl, { maxRetriesPerRequest: 1 });
  namespace = redisNamespace(redis, "cart-process");
  catalog = await startCatalog(db, redis, namespace.prefix("catalog"));
  sink = await startSink({ port: 0 });
  telemetry = new SinkClient(sink.url);
  cart = await startCart(processEnv());
  client = createServiceClient<CartRouter>({ service: "cart", url: cart.url, timeoutMs: 10_000 });
});

afterAll(async () => {
  await cart.stop();
  await fixture.restore();
  await sink.close();
  await catalog.stop();
  await namespace.cleanup();
  redis.disconnect();
  await db.$disconnect();
});

describe("the cart process", () => {
  it("is ready once Redis answers", async () => {
    const ready = await fetch(`${cart.url}/readyz`);
    expect(await ready.json()).toEqual({ status: "ready", service: "cart", checks: { redis: "ok" } });
  });

  it("exports a view as one trace: the procedure, its Redis calls and its call to the catalog", async () => {
    const productId = productIds[0] ?? 0;
    await fixture.setStock(productId, 50);
    const cartId = newCartId("trace");
    await client.add.mutate({ cartId, productId, quantity: 1 });
    const traceId = randomBytes(16).toString("hex");

    const input = encodeURIComponent(JSON.stringify({ json: { cartId } }));
    const response = await fetch(`${cart.url}/view?input=${input}`, {
      headers: { traceparent: `00-${traceId}-${randomBytes(8).toString("hex")}-01` },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { result: { data: { json: { itemCount: number } } } };
    expect(body.result.data.json.itemCount).toBe(1);
    // Checked out: this cart is never counted as abandoned by the next test's sweeper.
    await client.checkedOut.mutate({ cartId });

    const spans = await telemetry.waitFor(
      async () => (await telemetry.trace(traceId))?.spans ?? [],
      (found) =>
        found.some((span) => span.name === "cart/view") &&
        found.some((span) => span.kind === "SERVER") &&
        found.some((span) => span.kind === "CLIENT" && !isRedis(span)) &&
        found.some(isRedis),
      { description: "the view's spans" },
    );
    const server = find(spans, "server span", (s) => s.kind === "SERVER");
    const view = find(spans, "cart/view span", (s) => s.name === "cart/view");
    const catalogCall = find(spans, "catalog client span", (s) => s.kind === "CLIENT" && !isRedis(s));
    const redisSpans = spans.filter(isRedis);

    expect(spans.every((span) => span.serviceName === "cart")).toBe(true);
    expect(view.parentSpanId).toBe(server.spanId);
    expect(view.attributes).toMatchObject({
      "rpc.system": "trpc",
      "rpc.service": "cart",
      "rpc.method": "view",
    });
    expect(redisSpans.length).toBeGreaterThan(0);
    for (const span of redisSpans) expect(isUnder(span, view, spans)).toBe(true);
    expect(isUnder(catalogCall, view, spans)).toBe(true);
    expect(String(catalogCall.attributes["url.full"])).toContain(`${catalog.url}/productsByIds`);
    expect(spans.filter((span) => span.status.code === "ERROR")).toEqual([]);
  });

  it("counts a cart that expires without an order as abandoned: the metric and an info log", async () => {
    const productId = productIds[1] ?? 0;
    await fixture.setStock(productId, 50);
    const { priceMinor } = await fixture.product(productId);
    const cartId = newCartId("abandoned");
    await client.add.mutate({ cartId, productId, quantity: 2 });

    const logs = await telemetry.waitFor(
      () => telemetry.logs({ service: "cart", contains: cartId }),
      (found) => found.length > 0,
      { timeoutMs: 20_000, description: "the abandonment log" },
    );
    expect(logs.map((log) => [log.severityText, log.body])).toEqual([
      ["info", `cart ${cartId} abandoned: 2 items worth ${((2 * priceMinor) / 100).toFixed(2)} USD`],
    ]);

    const [count] = await telemetry.waitFor(
      () => telemetry.metrics({ name: "shop.cart.abandoned", service: "cart", limit: 1 }),
      (points) => (points[0]?.value ?? 0) >= 1,
      { timeoutMs: 15_000, description: "the shop.cart.abandoned metric" },
    );
    expect(count).toMatchObject({ type: "sum", monotonic: true, attributes: { "shop.currency": "USD" } });
    const [value] = await telemetry.waitFor(
      () => telemetry.metrics({ name: "shop.cart.abandoned.value", service: "cart", limit: 1 }),
      (points) => (points[0]?.count ?? 0) >= 1,
      { timeoutMs: 15_000, description: "the shop.cart.abandoned.value metric" },
    );
    expect(value?.sum).toBeGreaterThanOrEqual((2 * priceMinor) / 100);
    // Counted once: one log line ever names the cart.
    expect(
      cart
        .output()
        .split("\n")
        .filter((line) => line.includes(cartId)),
    ).toHaveLength(1);
  });

  it("refuses to start with a configuration it cannot use, saying why", async () => {
    const run = runCart({ ...processEnv(), OTEL_SDK_DISABLED: "true", REDIS_URL: "http://redis:6379" });
    expect(await run.exited).not.toBe(0);
    expect(run.output()).toContain("Invalid cart configuration: REDIS_URL must be a redis:// URL");
  });

  it("stops on SIGTERM and exits cleanly", async () => {
    const other = await startCart(processEnv());
    expect((await fetch(`${other.url}/healthz`)).status).toBe(200);
    expect(await other.stop()).toBe(0);
    expect(other.output()).toContain("cart stopped");
  });
});
