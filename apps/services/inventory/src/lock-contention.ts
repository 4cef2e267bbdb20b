// inventory.contention: while it is on, every reservation keeps its inventory rows locked for
// lockHoldMs longer, so checkouts of the same hot products queue behind each other in PostgreSQL
// (real lock waits, visible in pg_locks and as slower database spans), the late comers time out,
// and the rest find the product sold out. The wait and the hold are recorded on the reserve span,
// so a trace shows why a reservation was slow without reading the database's statistics.
import { trace } from "@opentelemetry/api";
import { evaluateFlag } from "@shop/flags";
import { INVENTORY_LOCK_ATTR } from "@shop/telemetry/names";
import type { LockTiming } from "./inventory-repository.ts";

/** The extra lock hold asked for now (0 when off); the evaluation is recorded on the active span. */
export async function contendedLockHoldMs(): Promise<number> {
  const contention = await evaluateFlag("inventory.contention");
  return contention === false ? 0 : contention.lockHoldMs;
}

export function recordLockTiming(lock: LockTiming): void {
  trace.getActiveSpan()?.setAttributes({
    [INVENTORY_LOCK_ATTR.WAIT_MS]: Math.round(lock.waitMs),
    [INVENTORY_LOCK_ATTR.HOLD_MS]: lock.holdMs,
  });
}

export function recordLockTimeout(waitedMs: number): void {
  trace.getActiveSpan()?.setAttributes({
    [INVENTORY_LOCK_ATTR.WAIT_MS]: Math.round(waitedMs),
    [INVENTORY_LOCK_ATTR.TIMED_OUT]: true,
  });
}
