// db.pool_exhaustion end to end in one process, against real PostgreSQL and Redis: the flag makes
// the service hold connections (visible in pg_stat_activity) and hand the rest back late, calls
// queue for a connection (pending > 0, the figure behind db.client.connection.pending_requests),
// those that wait past the acquire timeout answer 503 SERVICE_BUSY with Retry-After on an ERROR
// span, a caller passes SERVICE_BUSY on without retrying, and clearing the flag restores it all.
import { randomUUID } from "node:crypto";
import { context, SpanStatusCode, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from "@opentelemetry/sdk-trace";
import { connectionPoolOf, createDbClient, followPoolExhaustion } from "@shop/db";
import type { DbClient, PoolExhaustionFollower } from "@shop/db";
import { createScratchDatabase } from "@shop/db/migrate";
import type { ScratchDatabase } from "@shop/db/migrate";
import { testEnv } from "@shop/db/testing";
import { FlagStore } from "@shop/flags";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServiceClient } from "./service-client.ts";
import { startServiceServer } from "./service-server.ts";
import type { ServiceServer } from "./service-server.ts";
import { waitFor } from "./testing/wait-for.ts";
import { initServiceTRPC } from "./trpc.ts";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const flagsPrefix = `test:pool-exhaustion:${randomUUID()}:`;
const POOL_MAX = 4;
const ACQUIRE_TIMEOUT_MS = 300;

const exporter = new InMemorySpanExporter();
const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });

let database: ScratchDatabase;
let db: DbClient;
let admin: pg.Client;
let redis: Redis;
let store: FlagStore;
let busy: ServiceServer;
let caller: ServiceServer;
let follower: PoolExhaustionFollower;
let busyCalls = 0;

function buildBusyRouter() {
  const t = initServiceTRPC("pool-test");
  return t.router({
    ping: t.procedure.query(async () => {
      busyCalls++;
      await db.$queryRaw`select 1`;
      return { ok: true };
    }),
  });
}
type BusyRouter = ReturnType<typeof buildBusyRouter>;

function buildCallerRouter(url: string) {
  const t = initServiceTRPC("pool-caller");
  const client = createServiceClient<BusyRouter>({ service: "pool-test", url, timeoutMs: 5_000 });
  return t.router({ ping: t.procedure.query(() => client.ping.query()) });
}

async function ping(server: ServiceServer) {
  const response = await fetch(`${server.url}/ping`);
  const body = (await response.json()) as {
    error?: { json: { data: { domainCode?: string; details?: { retryAfterSeconds?: number } } } };
  };
  return {
    status: response.status,
    retryAfter: response.headers.get("retry-after"),
    error: body.error?.json,
  };
}

/** The connections the flag holds, as PostgreSQL sees them. */
async function heldInPostgres(): Promise<number> {
  const result = await admin.query<{ held: number }>(
    // Active only: an idle backend still shows the last statement it ran.
    `select count(*)::int as held from pg_stat_activity
      where datname = $1 and state = 'active' and query like '%db.pool_exhaustion%' and pid <> pg_backend_pid()`,
    [database.name],
  );
  return result.rows[0]?.held ?? 0;
}

beforeAll(async () => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(provider);
  database = await createScratchDatabase(testEnv().TEST_DATABASE_URL, "shop_pool_test");
  db = createDbClient({
    connectionString: database.url,
    poolMax: POOL_MAX,
    acquireTimeoutMs: ACQUIRE_TIMEOUT_MS,
    applicationName: "pool-exhaustion-test",
  });
  admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  redis = new Redis(REDIS_URL);
  store = new FlagStore(redis, { prefix: flagsPrefix });
  busy = await startServiceServer({
    name: "pool-test",
    router: buildBusyRouter(),
    port: 0,
    flagsRedisUrl: REDIS_URL,
    flagsPrefix,
  });
  follower = followPoolExhaustion(db, busy.flags);
  caller = await startServiceServer({ name: "pool-caller", router: buildCallerRouter(busy.url), port: 0 });
});

afterAll(async () => {
  await store.clear();
  await caller.stop();
  await busy.stop();
  await follower.stop();
  await db.$disconnect();
  await admin.end();
  redis.disconnect();
  await database.drop();
  await provider.shutdown();
  trace.disable();
  context.disable();
});

describe("db.pool_exhaustion", () => {
  it("holds connections, makes calls queue, and sheds them as 503 SERVICE_BUSY with Retry-After", async () => {
    const pool = connectionPoolOf(db);
    expect((await ping(busy)).status).toBe(200);

    await store.set("db.pool_exhaustion", { heldShare: 0.75, holdMs: 2_000 }, { setBy: "test" });
    // ceil(0.75 x 4) = 3 connections held, each asleep in PostgreSQL under the flag's name.
    await waitFor(
      () => Promise.resolve(pool.stats().held),
      (held) => held === 3,
      {
        description: "3 held connections",
      },
    );
    await waitFor(heldInPostgres, (held) => held === 3, { description: "3 held backends" });
    expect(pool.stats().holdMs).toBe(2_000);

    exporter.reset();
    const calls = Array.from({ length: 6 }, () => ping(busy));
    const pending = await waitFor(
      () => Promise.resolve(pool.stats().waiting),
      (waiting) => waiting > 0,
      { intervalMs: 5, description: "calls waiting for a connection" },
    );
    expect(pending).toBeGreaterThan(0);
    const results = await Promise.all(calls);

    const shed = results.filter((result) => result.status === 503);
    expect(shed.length).toBeGreaterThan(0);
    // Nothing fails any other way: what is not shed is served.
    expect(results.filter((result) => result.status !== 503).every((result) => result.status === 200)).toBe(
      true,
    );
    for (const result of shed) {
      expect(result.retryAfter).toBe("2");
      expect(result.error?.data.domainCode).toBe("SERVICE_BUSY");
      expect(result.error?.data.details?.retryAfterSeconds).toBe(2);
    }
    const busySpans = exporter
      .getFinishedSpans()
      .filter((span) => span.name === "pool-test/ping" && span.status.code === SpanStatusCode.ERROR);
    expect(busySpans).toHaveLength(shed.length);
    for (const span of busySpans) {
      expect(span.attributes["error.type"]).toBe("SERVICE_BUSY");
      expect(span.attributes["trpc.error_code"]).toBe("SERVICE_UNAVAILABLE");
    }
  });

  it("a caller passes SERVICE_BUSY and Retry-After on, without retrying the busy service", async () => {
    const pool = connectionPoolOf(db);
    // Only the last connection free, taken by a call that keeps it for the hold.
    await store.set("db.pool_exhaustion", { heldShare: 0.75, holdMs: 3_000 }, { setBy: "test" });
    await waitFor(
      () => Promise.resolve(pool.stats()),
      (stats) => stats.held === 3 && stats.holdMs === 3_000,
      { description: "the flag's new hold" },
    );
    await waitFor(
      () => ping(busy),
      (result) => result.status === 200,
      { description: "a call that takes the last connection" },
    );
    busyCalls = 0;
    const relayed = await ping(caller);
    expect(relayed.status).toBe(503);
    expect(relayed.retryAfter).toBe("2");
    expect(relayed.error?.data.domainCode).toBe("SERVICE_BUSY");
    // A query: the client would retry a 503 twice, but not one asking to come back later.
    expect(busyCalls).toBe(1);
  });

  it("lets go of every connection when the flag turns off, and calls succeed again", async () => {
    const pool = connectionPoolOf(db);
    await store.clear("db.pool_exhaustion");
    await waitFor(
      () => Promise.resolve(pool.stats()),
      (stats) => stats.held === 0 && stats.holdMs === 0,
      { description: "the pool restored" },
    );
    await follower.settled();
    await waitFor(heldInPostgres, (held) => held === 0, { description: "no held backends" });
    // Connections handed back late before the flag turned off have come back by now or soon.
    await waitFor(
      () => Promise.resolve(pool.stats()),
      (stats) => stats.total === stats.idle,
      { timeoutMs: 10_000, description: "every connection idle" },
    );
    exporter.reset();
    const results = await Promise.all(Array.from({ length: 8 }, () => ping(busy)));
    expect(results.map((result) => result.status)).toEqual(Array.from({ length: 8 }, () => 200));
    expect(pool.stats().waiting).toBe(0);
    const errors = exporter.getFinishedSpans().filter((span) => span.status.code === SpanStatusCode.ERROR);
    expect(errors).toEqual([]);
  });
});
