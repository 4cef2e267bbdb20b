// inventory.contention against real PostgreSQL and Redis, over HTTP: with the flag on, checkouts of
// one hot product queue on its row lock (PostgreSQL reports backends waiting on locks, the burst
// takes at least one hold per reservation, the reserve spans carry the wait and the hold), late
// comers time out with a 504 that holds nothing, nobody oversells; cleared, reservations are
// quick again. The spans are captured in this process (an in-memory exporter behind the global
// tracer provider), the flags live under a Redis prefix of this file's own.
import { randomUUID } from "node:crypto";
import { context, SpanStatusCode, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from "@opentelemetry/sdk-trace";
import type { ReadableSpan } from "@opentelemetry/sdk-trace";
import { createDbClient } from "@shop/db";
import type { DbClient } from "@shop/db";
import {
  FEATURE_FLAG_ATTR,
  FEATURE_FLAG_EVENT,
  FlagStore,
  startProcessFlags,
  stopProcessFlags,
} from "@shop/flags";
import type { Flags } from "@shop/flags";
import { createServiceClient, startServiceServer } from "@shop/service-kit";
import type { ServiceErrorData, ServiceServer } from "@shop/service-kit";
import { TRPCClientError } from "@trpc/client";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { seedCatalog } from "../test/seed-catalog.ts";
import { stockFixture } from "../test/stock-fixture.ts";
import { waitFor } from "../test/wait-for.ts";
import { INVENTORY_LOCK_ATTR } from "@shop/telemetry/names";
import { createInventoryRouter } from "./router.ts";
import type { InventoryRouter } from "./router.ts";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `test:inventory-contention:${randomUUID()}:`;
/** Long enough that a burst's queue dwarfs everything else a reservation does. */
const LOCK_HOLD_MS = 500;
const BURST = 6;

const exporter = new InMemorySpanExporter();
let db: DbClient;
let redis: Redis;
let store: FlagStore;
let flags: Flags;
let fixture: ReturnType<typeof stockFixture>;
let productIds: number[];
const servers: ServiceServer[] = [];

function errorData(reason: unknown): ServiceErrorData {
  if (!(reason instanceof TRPCClientError)) throw reason;
  return reason.data as ServiceErrorData;
}

async function startInventory(lockTimeoutMs: number) {
  const server = await startServiceServer({
    name: "inventory",
    router: createInventoryRouter({ db, lockTimeoutMs }),
    port: 0,
  });
  servers.push(server);
  return createServiceClient<InventoryRouter>({ service: "inventory", url: server.url, timeoutMs: 30_000 });
}

let client: Awaited<ReturnType<typeof startInventory>>;

/** Backends of this test's database waiting for a lock right now. */
async function waitingOnLocks(): Promise<number> {
  const [row] = await db.$queryRaw<{ waiting: number }[]>`
    select count(*)::int as waiting from pg_stat_activity
     where datname = current_database() and wait_event_type = 'Lock'`;
  return row?.waiting ?? 0;
}

/** `count` checkouts reserving one unit of the product at once; how they ended and how long it took. */
function burst(reserveClient: typeof client, productId: number, count: number) {
  const started = performance.now();
  const calls = Array.from({ length: count }, () =>
    reserveClient.reserve.mutate({
      checkoutId: fixture.checkoutId("hot"),
      items: [{ productId, quantity: 1 }],
    }),
  );
  return Promise.allSettled(calls).then((results) => ({
    elapsedMs: performance.now() - started,
    won: results.filter((result) => result.status === "fulfilled").length,
    lost: results.flatMap((result) => (result.status === "rejected" ? [errorData(result.reason)] : [])),
  }));
}

function reserveSpans(): ReadableSpan[] {
  return exporter.getFinishedSpans().filter((span) => span.name === "inventory/reserve");
}

async function setContention(lockHoldMs: number | false) {
  if (lockHoldMs === false) await store.clear("inventory.contention");
  else
    await store.set(
      "inventory.contention",
      { lockHoldMs },
      { setBy: "lock-contention test", ttlMs: 120_000 },
    );
  const expected = lockHoldMs === false ? false : { lockHoldMs };
  await waitFor(
    () => Promise.resolve(flags.current("inventory.contention")),
    (value) => JSON.stringify(value) === JSON.stringify(expected),
    { description: `inventory.contention to read ${JSON.stringify(expected)}` },
  );
}

beforeAll(async () => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(
    new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] }),
  );
  // More connections than a burst: the queue under test is PostgreSQL's, not the pool's.
  db = createDbClient({ connectionString: inject("databaseUrl"), poolMax: BURST + 4 });
  productIds = await seedCatalog(db);
  fixture = stockFixture(db);
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  store = new FlagStore(redis, { prefix });
  flags = await startProcessFlags({ source: "inventory", redis: REDIS_URL, prefix, refreshMs: 200 });
  client = await startInventory(10_000);
});

beforeEach(() => {
  exporter.reset();
});

afterEach(async () => {
  await store.clear();
  await fixture.restore();
});

afterAll(async () => {
  for (const server of servers) await server.stop();
  await stopProcessFlags();
  redis.disconnect();
  await db.$disconnect();
  trace.disable();
  context.disable();
});

describe("inventory.contention", () => {
  it("makes concurrent reservations of a hot product queue on its row lock, without overselling", async () => {
    const productId = productIds[10] ?? 0;
    await fixture.setStock(productId, BURST - 2);
    await setContention(LOCK_HOLD_MS);

    const settled = burst(client, productId, BURST);
    // The mechanism, as the database sees it: reservations waiting for the row another one holds.
    await waitFor(waitingOnLocks, (waiting) => waiting > 0, { description: "a backend waiting on a lock" });
    const { elapsedMs, won, lost } = await settled;

    // Every reservation holds the one row for the full hold, one after another.
    expect(elapsedMs).toBeGreaterThanOrEqual(BURST * LOCK_HOLD_MS);
    expect(won).toBe(BURST - 2);
    expect(lost.map((data) => data.domainCode)).toEqual(["OUT_OF_STOCK", "OUT_OF_STOCK"]);
    expect(await client.availability.query({ productIds: [productId] })).toEqual([
      { productId, onHand: BURST - 2, reserved: BURST - 2, available: 0 },
    ]);
    expect(await fixture.activeUnits(productId)).toBe(BURST - 2);

    // The signature: each reserve span names the flag, the hold, and how long it queued; the
    // burst arrives within milliseconds, so the last in line waited for several holds.
    const spans = reserveSpans();
    expect(spans).toHaveLength(BURST);
    for (const span of spans) {
      expect(span.attributes).toMatchObject({
        [FEATURE_FLAG_ATTR.KEY]: "inventory.contention",
        [FEATURE_FLAG_ATTR.VARIANT]: "on",
        [INVENTORY_LOCK_ATTR.HOLD_MS]: LOCK_HOLD_MS,
      });
    }
    const waits = spans.map((span) => Number(span.attributes[INVENTORY_LOCK_ATTR.WAIT_MS]));
    expect(Math.max(...waits)).toBeGreaterThanOrEqual(LOCK_HOLD_MS);
    // Sold out is still a business outcome, not an error, under contention.
    expect(spans.filter((span) => span.status.code === SpanStatusCode.ERROR)).toEqual([]);
  });

  it("answers DEPENDENCY_TIMEOUT (504) to reservations that queue past the lock timeout, holding nothing", async () => {
    const impatient = await startInventory(LOCK_HOLD_MS / 2);
    const productId = productIds[11] ?? 0;
    await fixture.setStock(productId, 50);
    await setContention(LOCK_HOLD_MS * 2);

    const { won, lost } = await burst(impatient, productId, BURST);

    // One reservation holds the row for a whole hold, longer than the others may wait.
    expect(won).toBeGreaterThanOrEqual(1);
    expect(lost.length).toBeGreaterThanOrEqual(1);
    expect(won + lost.length).toBe(BURST);
    for (const data of lost) {
      expect(data).toMatchObject({
        code: "GATEWAY_TIMEOUT",
        httpStatus: 504,
        domainCode: "DEPENDENCY_TIMEOUT",
        expected: false,
        details: { productIds: [productId], lockTimeoutMs: LOCK_HOLD_MS / 2 },
      });
    }
    expect((await fixture.stock(productId)).reserved).toBe(won);
    expect(await fixture.activeUnits(productId)).toBe(won);

    const failed = reserveSpans().filter((span) => span.status.code === SpanStatusCode.ERROR);
    expect(failed).toHaveLength(lost.length);
    for (const span of failed) {
      expect(span.attributes).toMatchObject({
        "error.type": "DEPENDENCY_TIMEOUT",
        [INVENTORY_LOCK_ATTR.TIMED_OUT]: true,
        [FEATURE_FLAG_ATTR.KEY]: "inventory.contention",
      });
      expect(Number(span.attributes[INVENTORY_LOCK_ATTR.WAIT_MS])).toBeGreaterThanOrEqual(LOCK_HOLD_MS / 2);
    }
  });

  it("restores quick reservations once cleared: no hold, and the evaluation says off", async () => {
    const productId = productIds[12] ?? 0;
    await fixture.setStock(productId, BURST - 2);
    await setContention(LOCK_HOLD_MS);
    await setContention(false);

    const { elapsedMs, won, lost } = await burst(client, productId, BURST);

    expect(won).toBe(BURST - 2);
    expect(lost.map((data) => data.domainCode)).toEqual(["OUT_OF_STOCK", "OUT_OF_STOCK"]);
    expect(await fixture.activeUnits(productId)).toBe(BURST - 2);
    // Without holds nothing serialises the burst for a hold per reservation.
    expect(elapsedMs).toBeLessThan(BURST * LOCK_HOLD_MS);
    const spans = reserveSpans();
    expect(spans).toHaveLength(BURST);
    for (const span of spans) {
      expect(span.attributes[INVENTORY_LOCK_ATTR.HOLD_MS]).toBe(0);
      expect(span.attributes[FEATURE_FLAG_ATTR.KEY]).toBeUndefined();
      const evaluation = span.events.find(
        (event) =>
          event.name === FEATURE_FLAG_EVENT &&
          event.attributes?.[FEATURE_FLAG_ATTR.KEY] === "inventory.contention",
      );
      expect(evaluation?.attributes).toMatchObject({
        [FEATURE_FLAG_ATTR.KEY]: "inventory.contention",
        [FEATURE_FLAG_ATTR.VARIANT]: "off",
      });
    }
  });
});
