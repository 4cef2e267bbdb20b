// The db.pool_exhaustion failure mode in one service process: while the flag is on, the process
// holds ceil(heldShare x pool max) of its connections busy and every other connection returns to
// the pool holdMs late, so requests queue for a connection, and those that wait past the acquire
// timeout are shed as "busy" (503 + Retry-After, see the service kit). Turning the flag off lets
// go of everything; so does the pool ending (shutdown).
import { connectionPoolOf } from "./client.ts";
import type { DbClient } from "./client.ts";

export const POOL_EXHAUSTION_FLAG = "db.pool_exhaustion";

/**
 * What this needs of the process's flags (@shop/flags' Flags fits): the flag's value now, and
 * a word when any flag changes. Declared here so the database package does not depend on flags.
 */
export interface PoolExhaustionFlags {
  current(key: typeof POOL_EXHAUSTION_FLAG): false | { heldShare: number; holdMs: number };
  onChange(listener: (key: string) => void): () => void;
}

export interface PoolExhaustionFollower {
  /** Resolves once the connections the current value asks to let go are back in the pool. */
  settled(): Promise<void>;
  /** Stops following the flag and lets go of everything. */
  stop(): Promise<void>;
}

/** Keeps `db`'s pool in the state the db.pool_exhaustion flag asks for, from now on. */
export function followPoolExhaustion(
  db: DbClient,
  flags: PoolExhaustionFlags | undefined,
): PoolExhaustionFollower {
  const pool = connectionPoolOf(db);
  let applied: Promise<void> = Promise.resolve();
  const apply = () => {
    const value = flags?.current(POOL_EXHAUSTION_FLAG) ?? false;
    pool.setHoldMs(value ? value.holdMs : 0);
    applied = pool.held.set(value ? Math.ceil(value.heldShare * pool.stats().max) : 0);
  };
  apply();
  const unsubscribe = flags?.onChange((key) => {
    if (key === POOL_EXHAUSTION_FLAG) apply();
  });
  return {
    settled: () => applied,
    stop: async () => {
      unsubscribe?.();
      pool.setHoldMs(0);
      await pool.held.set(0);
    },
  };
}
