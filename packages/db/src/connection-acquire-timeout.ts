// What a query gets when every connection of its pool stayed busy for the whole acquire timeout.
// node-postgres says so only in a message; this gives it a class and the `backpressure` mark the
// service kit turns into "503, retry later" (a saturated pool is load to shed, not a bug to page
// on). It has no PostgreSQL `severity`, so Prisma's pg adapter passes it on unchanged.

/** pg-pool's words for a checkout that waited past `connectionTimeoutMillis`. */
export const PG_POOL_TIMEOUT_MESSAGE = "timeout exceeded when trying to connect";

export class ConnectionAcquireTimeoutError extends Error {
  override name = "ConnectionAcquireTimeoutError";
  readonly code = "DB_CONNECTION_ACQUIRE_TIMEOUT";
  /** Read by the service kit: the dependency is saturated, the caller should come back later. */
  readonly backpressure = true;
  readonly timeoutMs: number;

  constructor(timeoutMs: number, options: { cause?: unknown } = {}) {
    super(`no database connection became free within ${String(timeoutMs)} ms`, options);
    this.timeoutMs = timeoutMs;
  }
}

export function isConnectionAcquireTimeout(error: unknown): error is ConnectionAcquireTimeoutError {
  return error instanceof ConnectionAcquireTimeoutError;
}
