// The Prisma client every Node process uses: the `prisma-client` generator's TypeScript output
// over @prisma/adapter-pg (Prisma 7 talks to PostgreSQL through node-postgres, no engine binary).
// The pool is ours (ConnectionPool), handed to the adapter, so the process can bound how long a
// query waits for a connection and the db.pool_exhaustion flag can act on it.
import { PrismaPg } from "@prisma/adapter-pg";
import { ConnectionPool } from "./connection-pool.ts";
import { PrismaClient } from "./generated/prisma/client.ts";

/**
 * A safety net for processes that do not set their own (seed, tools, tests): long enough that
 * a busy laptop never trips it, short enough that nothing waits forever. Services set theirs
 * from DATABASE_POOL_ACQUIRE_TIMEOUT_MS: that one is the backpressure knob.
 */
export const DEFAULT_ACQUIRE_TIMEOUT_MS = 10_000;

export interface DbClientOptions {
  connectionString: string;
  /** Connections in this process's pool. */
  poolMax?: number;
  /** Name reported to PostgreSQL (pg_stat_activity.application_name). */
  applicationName?: string;
  /** How long a query waits for a free connection before it fails as busy. */
  acquireTimeoutMs?: number;
}

const pools = new WeakMap<PrismaClient, ConnectionPool>();

export function createDbClient(options: DbClientOptions): PrismaClient {
  const pool = new ConnectionPool({
    connectionString: options.connectionString,
    max: options.poolMax ?? 10,
    application_name: options.applicationName ?? "shop",
    connectionTimeoutMillis: options.acquireTimeoutMs ?? DEFAULT_ACQUIRE_TIMEOUT_MS,
  });
  // The adapter ends the pool on $disconnect, as it would a pool of its own.
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(client, pool);
  return client;
}

/** The pool under a client made by createDbClient: its stats, and what db.pool_exhaustion does. */
export function connectionPoolOf(db: PrismaClient): ConnectionPool {
  const pool = pools.get(db);
  if (!pool) throw new Error("not a client made by createDbClient: its pool is not known");
  return pool;
}

export type DbClient = PrismaClient;
