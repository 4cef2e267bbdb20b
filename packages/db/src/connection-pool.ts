// The node-postgres pool under every Prisma client of the shop (Prisma's pg adapter takes it as
// an external pool). Over pg's own it adds:
// - checkouts that wait past the acquire timeout fail with a ConnectionAcquireTimeoutError, so a
//   saturated pool sheds load as "busy" instead of queueing requests forever;
// - `holdMs`: every connection goes back to the pool that much after its user released it, the
//   pool-side effect of slow transactions (db.pool_exhaustion);
// - connections held busy in pg_sleep (HeldConnections), also db.pool_exhaustion, released first
//   when the pool ends so a shutdown never waits on them;
// - opening a new connection has its own budget (connectTimeoutMillis), apart from the acquire
//   timeout: pg-pool applies connectionTimeoutMillis to both, and forking a PostgreSQL backend on
//   a busy host can take longer than the quarter second a service waits for a pooled connection.
//   That is the database's latency, not a saturated pool, and failing it would be a 500.
// A subclass rather than a wrapper: pg-pool's own `query` checks out through `this.connect`, and
// the OpenTelemetry pg instrumentation (spans, db.client.connection.* metrics) patches the base
// class's `connect`, which `super.connect` still goes through.
import pg from "pg";
import type { PoolClient, PoolConfig } from "pg";
import { ConnectionAcquireTimeoutError, PG_POOL_TIMEOUT_MESSAGE } from "./connection-acquire-timeout.ts";
import { HeldConnections } from "./held-connections.ts";

type Release = (err?: Error | boolean) => void;
type ConnectCallback = (err: Error | undefined, client: PoolClient | undefined, done: Release) => void;

const NO_RELEASE: Release = () => undefined;

export interface ConnectionPoolConfig extends PoolConfig {
  max: number;
  /** How long a checkout may wait for a free connection before it fails. */
  connectionTimeoutMillis: number;
  /** How long opening a new connection may take (default CONNECT_TIMEOUT_MS). */
  connectTimeoutMillis?: number;
}

/** Opening a connection: a TCP connect, a forked backend and authentication, on a busy host too. */
export const CONNECT_TIMEOUT_MS = 5_000;

type NewClient = (this: pg.Pool, pendingItem: unknown) => void;
/** pg-pool's (undeclared in its types) method that opens a connection for a waiting checkout. */
const openConnection = (pg.Pool.prototype as unknown as { newClient: NewClient }).newClient;

/** What the pool looks like now: the numbers the db.client.connection.* metrics are made of. */
export interface PoolStats {
  max: number;
  /** Open connections (idle + in use). */
  total: number;
  idle: number;
  /** Checkouts waiting for a connection (db.client.connection.pending_requests). */
  waiting: number;
  /** Connections held busy by db.pool_exhaustion. */
  held: number;
  holdMs: number;
}

export class ConnectionPool extends pg.Pool {
  readonly held: HeldConnections;
  readonly #max: number;
  readonly #acquireTimeoutMs: number;
  readonly #connectTimeoutMs: number;
  #holdMs = 0;
  /** Releases delayed by holdMs, run at once when the pool ends. */
  readonly #delayedReleases = new Map<NodeJS.Timeout, () => void>();

  constructor(config: ConnectionPoolConfig) {
    super(config);
    this.#max = config.max;
    this.#acquireTimeoutMs = config.connectionTimeoutMillis;
    this.#connectTimeoutMs = config.connectTimeoutMillis ?? CONNECT_TIMEOUT_MS;
    this.held = new HeldConnections(() => this.#checkout());
  }

  get holdMs(): number {
    return this.#holdMs;
  }

  /** From now on every connection returns to the pool `ms` after its user released it. */
  setHoldMs(ms: number) {
    this.#holdMs = Math.max(0, ms);
  }

  stats(): PoolStats {
    return {
      max: this.#max,
      total: this.totalCount,
      idle: this.idleCount,
      waiting: this.waitingCount,
      held: this.held.count,
      holdMs: this.#holdMs,
    };
  }

  override connect(): Promise<PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<PoolClient> | undefined {
    if (!callback) {
      return new Promise((resolve, reject) => {
        this.connect((err, client) => {
          if (client) resolve(client);
          else reject(err ?? new Error("no connection"));
        });
      });
    }
    super.connect((err, client, done) => {
      if (err || !client) {
        callback(this.#typed(err), undefined, NO_RELEASE);
        return;
      }
      const holdMs = this.#holdMs;
      if (holdMs === 0) {
        callback(undefined, client, done as Release);
        return;
      }
      const release = client.release.bind(client);
      const delayed: Release = (releaseErr) => {
        const releaseNow = () => {
          this.#delayedReleases.delete(timer);
          release(releaseErr);
        };
        const timer = setTimeout(releaseNow, holdMs);
        this.#delayedReleases.set(timer, releaseNow);
      };
      client.release = delayed;
      callback(undefined, client, delayed);
    });
    return undefined;
  }

  /**
   * Called by pg-pool to open a connection. It reads connectionTimeoutMillis synchronously here
   * (its own timer, and pg.Client copies it when constructed), so the connect budget is swapped in
   * for this call only.
   */
  newClient(pendingItem: unknown): void {
    this.options.connectionTimeoutMillis = this.#connectTimeoutMs;
    try {
      openConnection.call(this, pendingItem);
    } finally {
      this.options.connectionTimeoutMillis = this.#acquireTimeoutMs;
    }
  }

  override async end(): Promise<void> {
    await this.held.close();
    for (const [timer, releaseNow] of this.#delayedReleases) {
      clearTimeout(timer);
      releaseNow();
    }
    this.#holdMs = 0;
    await super.end();
  }

  /** A plain checkout (no holdMs), for the held connections; fails once the pool is ending. */
  #checkout(): Promise<PoolClient> {
    if (this.ending) return Promise.reject(new Error("the pool is ending"));
    return new Promise((resolve, reject) => {
      super.connect((err, client) => {
        if (client) resolve(client);
        else reject(this.#typed(err));
      });
    });
  }

  #typed(err: Error | undefined): Error {
    if (err?.message === PG_POOL_TIMEOUT_MESSAGE) {
      return new ConnectionAcquireTimeoutError(this.#acquireTimeoutMs, { cause: err });
    }
    return err ?? new Error("no connection");
  }
}
