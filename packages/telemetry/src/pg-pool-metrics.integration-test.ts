// The two numbers the db-pool-saturation alert divides (k8s/alerts), as @opentelemetry/instrumentation-pg
// reports them for @shop/db's ConnectionPool against a real PostgreSQL: connections in use
// (db.client.connection.count{state=used}) and the pool's size (db.client.connection.max), under
// the same pool name, so a full pool reads 1; and the size taken back when the pool ends. The shop
// emits no max of its own: a second emitter would double the alert's denominator (same name, same
// attributes, summed per service) and a full pool would read 0.5. Semantic conventions now call the
// metric db.client.connection.limit: if an upgrade of the instrumentation renames it, this fails,
// and the alert (k8s/alerts/db-pool-saturation.yaml) must follow.
import { randomUUID } from "node:crypto";
import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { PgInstrumentation } from "@opentelemetry/instrumentation-pg";
import { MeterProvider, MetricReader } from "@opentelemetry/sdk-metrics";
import type * as ShopDb from "@shop/db";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

class TestReader extends MetricReader {
  protected override onShutdown(): Promise<void> {
    return Promise.resolve();
  }
  protected override onForceFlush(): Promise<void> {
    return Promise.resolve();
  }
}

interface PoolPoint {
  name: string;
  attributes: Record<string, unknown>;
  value: unknown;
}

const POOL_MAX = 3;
const reader = new TestReader();
const meterProvider = new MeterProvider({ readers: [reader] });
let unregister: () => void;
let shopDb: typeof ShopDb;
let db: ShopDb.DbClient;

async function poolPoints(): Promise<PoolPoint[]> {
  const { resourceMetrics } = await reader.collect();
  return resourceMetrics.scopeMetrics
    .flatMap((scope) => scope.metrics)
    .filter((metric) => metric.descriptor.name.startsWith("db.client.connection."))
    .flatMap((metric) =>
      metric.dataPoints.map((point) => ({
        name: metric.descriptor.name,
        attributes: point.attributes,
        value: point.value,
      })),
    );
}

const valueOf = (points: PoolPoint[], name: string, state?: string) =>
  points.find(
    (point) =>
      point.name === name &&
      (state === undefined || point.attributes["db.client.connection.state"] === state),
  )?.value;

async function until(done: (points: PoolPoint[]) => boolean, what: string): Promise<PoolPoint[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const points = await poolPoints();
    if (done(points)) return points;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(points)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  // The services run it with requireParentSpan, which only decides when a pool is first seen (its
  // first checkout under a span, i.e. its first request), not what is reported.
  unregister = registerInstrumentations({
    instrumentations: [new PgInstrumentation({ requireParentSpan: false })],
    meterProvider,
  });
  // Loaded only now: the instrumentation patches pg-pool as it is required.
  shopDb = await import("@shop/db");
  db = shopDb.createDbClient({
    connectionString: inject("databaseUrl"),
    poolMax: POOL_MAX,
    acquireTimeoutMs: 500,
    applicationName: `pool-metrics-${randomUUID().slice(0, 8)}`,
  });
});

afterAll(async () => {
  await db.$disconnect();
  unregister();
  await meterProvider.shutdown();
});

describe("db.client.connection.* of a @shop/db pool (instrumentation-pg)", () => {
  it("reports the pool's size beside its connections in use, under one pool name", async () => {
    await db.$queryRaw`select 1`;
    const points = await poolPoints();
    expect(valueOf(points, "db.client.connection.max")).toBe(POOL_MAX);
    const poolNames = new Set(points.map((point) => point.attributes["db.client.connection.pool.name"]));
    // host:port/database from the pool's options; ours has a connectionString only, hence the
    // placeholders (the services' pools all read so).
    expect([...poolNames]).toEqual(["unknown_host:unknown_port/unknown_database"]);
  });

  it("reads full (used / max = 1) while every connection is held, and less once they are let go", async () => {
    const pool = shopDb.connectionPoolOf(db);
    void pool.held.set(POOL_MAX);
    const full = await until(
      (points) => valueOf(points, "db.client.connection.count", "used") === POOL_MAX,
      "every connection in use",
    );
    expect(valueOf(full, "db.client.connection.max")).toBe(POOL_MAX);

    await pool.held.set(0);
    await db.$queryRaw`select 1`;
    const after = await poolPoints();
    expect(valueOf(after, "db.client.connection.count", "used")).toBeLessThan(POOL_MAX);
  });

  it("takes the size back when the pool ends", async () => {
    const other = shopDb.createDbClient({ connectionString: inject("databaseUrl"), poolMax: 2 });
    await other.$queryRaw`select 1`;
    expect(valueOf(await poolPoints(), "db.client.connection.max")).toBe(POOL_MAX + 2);
    await other.$disconnect();
    expect(valueOf(await poolPoints(), "db.client.connection.max")).toBe(POOL_MAX);
  });
});
