// The `db.missing_index` failure mode against real PostgreSQL and Redis: the flag really drops
// order_items_product_id_idx, the listing's plan turns into a sequential scan of the order items
// and its SQL spans slow down, the request's span carries the flag; clearing the flag (or
// restarting a catalog after a crash left the index dropped) restores the index and the plan.
// A database of its own: this file changes the schema and seeds a larger history.
import { randomUUID } from "node:crypto";
import { Prisma, createDbClient } from "@shop/db";
import type { DbClient } from "@shop/db";
import { createScratchDatabase, deployMigrations } from "@shop/db/migrate";
import type { ScratchDatabase } from "@shop/db/migrate";
import { seedDatabase } from "@shop/db/seed";
import { testEnv } from "@shop/db/testing";
import {
  FEATURE_FLAG_ATTR,
  FEATURE_FLAG_EVENT,
  FlagStore,
  processFlags,
  startProcessFlags,
} from "@shop/flags";
import { createServiceClient, startServiceServer } from "@shop/service-kit";
import type { ServiceServer } from "@shop/service-kit";
import { waitFor } from "@shop/service-kit/testing";
import { SpanStatusCode } from "@opentelemetry/api";
import type { ReadableSpan } from "@opentelemetry/sdk-trace";
import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished } from "vitest";
import { finishedSpans, forgetSpans } from "../test/in-memory-tracing.ts";
import { durationMs, isSql, lastRequests, median } from "../test/request-spans.ts";
import { listProductsQuery } from "./catalog-repository.ts";
import { createCatalog } from "./catalog.ts";
import { MissingIndexReconciler } from "./missing-index.ts";
import type { CatalogRouter } from "./router.ts";
import { SCHEMA_ATTR } from "@shop/telemetry/names";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const INDEX = "order_items_product_id_idx";
// Enough order items (about 8,000) that scanning them once per product is clearly slower than
// the index lookups, few enough to seed in seconds.
const ORDERS = 4_000;
const flagPrefix = `test:catalog-index-flags:${randomUUID()}:`;

let database: ScratchDatabase;
let db: DbClient;
let redis: Redis;
let flags: FlagStore;
let catalog: ReturnType<typeof createCatalog>;
let server: ServiceServer;
let client: ReturnType<typeof createServiceClient<CatalogRouter>>;
let reconciler: MissingIndexReconciler;

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

function planNodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(planNodes)];
}

/** How the whole-catalog listing by popularity reaches order_items, from its real plan. */
async function orderItemsAccess(): Promise<string[]> {
  const query = listProductsQuery({}, "popular", undefined, 24);
  const [row] = await db.$queryRaw<{ "QUERY PLAN": [{ Plan: PlanNode }] }[]>(
    Prisma.sql`explain (format json) ${query}`,
  );
  const nodes = planNodes(row?.["QUERY PLAN"][0].Plan ?? { "Node Type": "none" });
  return nodes
    .filter((node) => node["Relation Name"] === "order_items" || node["Index Name"] === INDEX)
    .map((node) => `${node["Node Type"]}${node["Index Name"] ? ` using ${node["Index Name"]}` : ""}`);
}

const isReconcileRun = (span: ReadableSpan) => span.name === "catalog.reconcile_missing_index";

const usesIndex = (access: string[]) => access.some((node) => node.endsWith(`using ${INDEX}`));

async function indexPresent(): Promise<boolean> {
  // Only the name: pg_indexes' indexdef column would describe an index a concurrent DROP removes.
  const rows = await db.$queryRaw<{ indexname: string }[]>`
    select indexname from pg_indexes where schemaname = current_schema() and indexname = ${INDEX}`;
  return rows.length === 1;
}

const waitForIndex = (present: boolean) =>
  waitFor(indexPresent, (found) => found === present, {
    timeoutMs: 15_000,
    description: `${INDEX} to be ${present ? "present" : "dropped"}`,
  });

/** Whole-catalog listings, each a cache miss (the cache is invalidated first): their SQL span durations. */
async function listingSqlDurations(times: number): Promise<number[]> {
  forgetSpans();
  for (let call = 0; call < times; call++) {
    await client.invalidate.mutate();
    await client.products.query({ sort: "popular", limit: 24 });
  }
  const requests = await lastRequests("catalog/products", times);
  return requests.map(({ trace }) => {
    const listing = trace
      .filter(isSql)
      .find((span) => String(span.attributes["db.query.text"]).includes("order_items oi"));
    if (!listing) throw new Error(`no listing query among ${trace.map((span) => span.name).join(", ")}`);
    return durationMs(listing);
  });
}

beforeAll(async () => {
  database = await createScratchDatabase(testEnv().TEST_DATABASE_URL, "shop_test_index");
  await deployMigrations({ connectionString: database.url, engine: "wasm" });
  db = createDbClient({ connectionString: database.url, poolMax: 4 });
  await seedDatabase(db, { anchorDate: "2026-11-26", orders: ORDERS });
  // Fresh statistics, as autovacuum would have them on a running shop: the planner's choices are
  // the production ones.
  await db.$executeRawUnsafe("analyze");
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  flags = new FlagStore(redis, { prefix: flagPrefix });
  await startProcessFlags({ source: "catalog", redis: REDIS_URL, prefix: flagPrefix });
  catalog = createCatalog(db, redis, { cachePrefix: `catalog-test-index-${randomUUID()}` });
  server = await startServiceServer({ name: "catalog", router: catalog.router, port: 0 });
  client = createServiceClient<CatalogRouter>({ service: "catalog", url: server.url, timeoutMs: 30_000 });
  reconciler = new MissingIndexReconciler(db);
  await reconciler.start(60_000);
});

afterAll(async () => {
  await flags.clear();
  await reconciler.stop();
  await server.stop(); // stops this process's flags too
  redis.disconnect();
  await db.$disconnect();
  await database.drop();
});

describe("db.missing_index", () => {
  beforeEach(async () => {
    await flags.clear();
    await waitForIndex(true);
  });

  it("drops the index while on: sequential scans, slower SQL, the flag on the request's span; off restores it", async () => {
    expect(await indexPresent()).toBe(true);
    const indexed = await orderItemsAccess();
    expect(usesIndex(indexed)).toBe(true);
    expect(indexed).not.toContain("Seq Scan");
    const fast = median(await listingSqlDurations(5));

    forgetSpans();
    await flags.set("db.missing_index", true, { setBy: "missing-index test" });
    await waitForIndex(false);
    // The change was made (once) by a reconciler run that says why and what, with the flag on it.
    const dropping = await waitFor(
      async () =>
        (await finishedSpans())
          .filter(isReconcileRun)
          .filter((span) => span.attributes[SCHEMA_ATTR.INDEX_CHANGES] === 1),
      (runs) => runs.length > 0,
      { description: "the reconciler's span" },
    ).catch(() => []);
    expect(dropping).toHaveLength(1);
    expect(dropping[0]?.attributes).toMatchObject({
      [SCHEMA_ATTR.RECONCILE_TRIGGER]: "flag_change",
      [FEATURE_FLAG_ATTR.KEY]: "db.missing_index",
    });
    expect(
      dropping[0]?.events.find((event) => event.name === SCHEMA_ATTR.INDEX_CHANGE_EVENT)?.attributes,
    ).toEqual({
      [SCHEMA_ATTR.INDEX_NAME]: INDEX,
      [SCHEMA_ATTR.INDEX_ACTION]: "dropped",
    });

    const scanned = await orderItemsAccess();
    expect(usesIndex(scanned)).toBe(false);
    expect(scanned).toContain("Seq Scan");
    const slowDurations = await listingSqlDurations(5);
    // The plan above is the mechanism; the durations are what a dashboard shows. The gap is an
    // order of magnitude on this volume, so a factor of 3 holds on a busy machine too.
    expect(median(slowDurations)).toBeGreaterThan(3 * fast);

    const [request] = await lastRequests("catalog/products", 1);
    expect(request?.procedure.attributes).toMatchObject({
      [FEATURE_FLAG_ATTR.KEY]: "db.missing_index",
      [FEATURE_FLAG_ATTR.VARIANT]: "on",
    });
    expect(
      request?.procedure.events
        .filter((event) => event.name === FEATURE_FLAG_EVENT)
        .map((event) => event.attributes?.[FEATURE_FLAG_ATTR.KEY]),
    ).toContain("db.missing_index");

    await flags.clear("db.missing_index");
    await waitForIndex(true);
    expect(await orderItemsAccess()).toEqual(indexed);
    expect(median(await listingSqlDurations(5))).toBeLessThan(median(slowDurations) / 3);
  });

  it("lets replicas race: under the advisory lock exactly one of them changes the schema", async () => {
    const replicas = [
      new MissingIndexReconciler(db),
      new MissingIndexReconciler(db),
      new MissingIndexReconciler(db),
    ];
    await reconciler.stop(); // from here on, only the racing replicas act
    await db.$executeRawUnsafe(`DROP INDEX "${INDEX}"`);
    const changes = await Promise.all(replicas.map((replica) => replica.reconcile("periodic")));
    expect(changes.flat()).toEqual([{ index: INDEX, action: "created" }]);
    expect(await indexPresent()).toBe(true);
    reconciler = new MissingIndexReconciler(db);
    await reconciler.start(60_000);
  });

  it("retries a run that failed (its lock timeout, behind busy order_items) within seconds, not at the next periodic run", async () => {
    await reconciler.stop();
    reconciler = new MissingIndexReconciler(db, { lockTimeoutMs: 200 });
    await reconciler.start(60_000);
    // A transaction holding order_items, as a long query would: DROP INDEX cannot get its lock.
    const locked = Promise.withResolvers<undefined>();
    const release = Promise.withResolvers<undefined>();
    const holding = db.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe("lock table order_items in access exclusive mode");
        locked.resolve(undefined);
        await release.promise;
      },
      { timeout: 30_000 },
    );
    // Released whatever happens, so a failure here does not hold the table for the next test.
    onTestFinished(async () => {
      release.resolve(undefined);
      await holding.catch(() => undefined);
    });
    await locked.promise;
    forgetSpans();
    await flags.set("db.missing_index", true, { setBy: "missing-index test" });
    const failed = await waitFor(
      async () =>
        (await finishedSpans())
          .filter(isReconcileRun)
          .filter((span) => span.status.code === SpanStatusCode.ERROR),
      (runs) => runs.length > 0,
      { description: "a reconciler run that failed on its lock timeout" },
    );
    expect(failed[0]?.attributes[SCHEMA_ATTR.RECONCILE_TRIGGER]).toBe("flag_change");
    expect(failed[0]?.status.message).toMatch(/lock timeout/);
    release.resolve(undefined);
    await holding;

    // The periodic run is a minute away; a retry drops the index within seconds.
    await waitForIndex(false);
    const changed = (await finishedSpans())
      .filter(isReconcileRun)
      .filter((span) => span.attributes[SCHEMA_ATTR.INDEX_CHANGES] === 1);
    expect(changed.map((span) => span.attributes[SCHEMA_ATTR.RECONCILE_TRIGGER])).toEqual(["retry"]);
  });

  it("repairs, at start-up with the flag off, an index a crashed catalog left dropped", async () => {
    await flags.set("db.missing_index", true, { setBy: "missing-index test" });
    await waitForIndex(false);
    // The catalog dies while the index is dropped; the scenario ends (the flag clears) meanwhile.
    await reconciler.stop();
    await flags.clear("db.missing_index");
    await waitFor(
      () => Promise.resolve(processFlags()?.current("db.missing_index")),
      (value) => value === false,
      { description: "db.missing_index to read off" },
    );
    expect(await indexPresent()).toBe(false);
    expect(usesIndex(await orderItemsAccess())).toBe(false);

    forgetSpans();
    reconciler = new MissingIndexReconciler(db);
    expect(await reconciler.start(60_000)).toEqual([{ index: INDEX, action: "created" }]);
    expect(await indexPresent()).toBe(true);
    expect(usesIndex(await orderItemsAccess())).toBe(true);
    const [run] = (await finishedSpans()).filter(isReconcileRun);
    expect(run?.attributes).toMatchObject({
      [SCHEMA_ATTR.RECONCILE_TRIGGER]: "start",
      [SCHEMA_ATTR.INDEX_CHANGES]: 1,
    });
  });
});
