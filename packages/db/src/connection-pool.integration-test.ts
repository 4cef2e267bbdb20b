// The pool under the Prisma client, against a real PostgreSQL: held connections show in
// pg_stat_activity, a checkout that waits past the acquire timeout fails as a recognisable
// backpressure error whichever way Prisma got there, holdMs keeps connections out of the pool
// after their queries, opening a connection slower than the acquire timeout still succeeds, and
// ending the pool lets go of everything.
import { randomUUID } from "node:crypto";
import net from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connectionPoolOf, createDbClient } from "./client.ts";
import type { DbClient } from "./client.ts";
import { isConnectionAcquireTimeout } from "./connection-acquire-timeout.ts";
import type { ConnectionPool } from "./connection-pool.ts";

const applicationName = `pool-test-${randomUUID().slice(0, 8)}`;

let db: DbClient;
let pool: ConnectionPool;
let admin: pg.Client;

async function until<T>(read: () => Promise<T> | T, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** This client's backends busy in the flag's sleep, as PostgreSQL sees them. */
async function heldBackends(): Promise<number> {
  const result = await admin.query<{ held: number }>(
    `select count(*)::int as held from pg_stat_activity
      where application_name = $1 and state = 'active' and query like '%db.pool_exhaustion%'`,
    [applicationName],
  );
  return result.rows[0]?.held ?? 0;
}

beforeAll(async () => {
  db = createDbClient({
    connectionString: inject("databaseUrl"),
    poolMax: 2,
    acquireTimeoutMs: 200,
    applicationName,
  });
  pool = connectionPoolOf(db);
  admin = new pg.Client({ connectionString: inject("databaseUrl") });
  await admin.connect();
});

afterAll(async () => {
  await db.$disconnect();
  await admin.end();
});

describe("ConnectionPool", () => {
  it("holds connections busy where PostgreSQL shows them, and sheds what cannot get one", async () => {
    await db.$queryRaw`select 1`;
    void pool.held.set(2);
    await until(
      () => pool.stats().held,
      (held) => held === 2,
      "2 held connections",
    );
    await until(heldBackends, (held) => held === 2, "2 held backends");

    // A plain query: Prisma rethrows as its own class, keeping the code.
    const query = await db.$queryRaw`select 1`.catch((error: unknown) => error);
    expect((query as { code?: unknown }).code).toBe("DB_CONNECTION_ACQUIRE_TIMEOUT");
    // An interactive transaction: the error itself.
    const transaction = await db
      .$transaction((tx) => tx.$queryRaw`select 1`)
      .catch((error: unknown) => error);
    expect(isConnectionAcquireTimeout(transaction)).toBe(true);

    await pool.held.set(0);
    expect(pool.stats().held).toBe(0);
    await until(heldBackends, (held) => held === 0, "no held backends");
    expect(await db.$queryRaw<{ one: number }[]>`select 1 as one`).toEqual([{ one: 1 }]);
  });

  it("with holdMs, a connection stays out of the pool after its query until the hold ends", async () => {
    pool.setHoldMs(60_000);
    await db.$queryRaw`select 1`;
    // Answered, yet its connection is still checked out: the next two queries share one left.
    expect(pool.stats().idle).toBeLessThan(pool.stats().total);
    await db.$queryRaw`select 1`;
    const third = await db.$queryRaw`select 1`.catch((error: unknown) => error);
    expect((third as { code?: unknown }).code).toBe("DB_CONNECTION_ACQUIRE_TIMEOUT");

    pool.setHoldMs(0);
    expect(pool.stats().holdMs).toBe(0);
  });

  it("gives opening a connection its own budget: a connect slower than the acquire timeout succeeds", async () => {
    // A TCP proxy to PostgreSQL that answers each new connection 400 ms late, like a busy host
    // forking a backend: longer than this pool's 100 ms acquire timeout.
    const target = new URL(inject("databaseUrl"));
    const proxy = net.createServer((socket) => {
      setTimeout(() => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        upstream.on("error", () => socket.destroy());
        socket.on("error", () => upstream.destroy());
        socket.pipe(upstream).pipe(socket);
      }, 400);
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    const viaProxy = new URL(target);
    viaProxy.hostname = "127.0.0.1";
    viaProxy.port = String((proxy.address() as net.AddressInfo).port);
    const slow = createDbClient({
      connectionString: viaProxy.toString(),
      poolMax: 1,
      acquireTimeoutMs: 100,
      applicationName,
    });
    try {
      const opened = performance.now();
      expect(await slow.$queryRaw<{ one: number }[]>`select 1 as one`).toEqual([{ one: 1 }]);
      // The proxy's delay was really paid: the connect outlived the acquire timeout.
      expect(performance.now() - opened).toBeGreaterThanOrEqual(400);
      // Waiting for the pool's one connection is still bounded by the acquire timeout.
      connectionPoolOf(slow).setHoldMs(60_000);
      await slow.$queryRaw`select 1`;
      const waited = await slow.$queryRaw`select 1`.catch((error: unknown) => error);
      expect((waited as { code?: unknown }).code).toBe("DB_CONNECTION_ACQUIRE_TIMEOUT");
    } finally {
      await slow.$disconnect();
      proxy.close();
    }
  });

  it("lets go of held and late connections when it ends, instead of waiting for them", async () => {
    const other = createDbClient({ connectionString: inject("databaseUrl"), poolMax: 2, applicationName });
    const otherPool = connectionPoolOf(other);
    await other.$queryRaw`select 1`;
    otherPool.setHoldMs(60_000);
    await other.$queryRaw`select 1`;
    void otherPool.held.set(1);
    await until(
      () => otherPool.stats().held,
      (held) => held === 1,
      "1 held connection",
    );
    await other.$disconnect();
    expect(otherPool.stats()).toMatchObject({ total: 0, held: 0 });
    // A pool that has ended holds nothing again, whatever a late flag change asks.
    await otherPool.held.set(2);
    expect(otherPool.stats().held).toBe(0);
  });
});
