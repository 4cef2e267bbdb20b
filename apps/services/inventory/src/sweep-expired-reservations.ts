// Expired reservations give their units back. Each batch is one transaction that takes the
// expired rows with FOR UPDATE SKIP LOCKED: several replicas sweeping at once split the work
// instead of queueing on (or double-counting) the same rows, and a checkout being committed or
// released right now is left to that call.
import type { DbClient } from "@shop/db";
import type { ReservedItem } from "./checkout-reservation.ts";
import { lockInventoryRows, unreserveUnits, WRITE_TRANSACTION } from "./inventory-rows.ts";

export const SWEEP_BATCH_SIZE = 500;

export interface SweepResult {
  /** Reservations marked EXPIRED. */
  reservations: number;
  /** Units put back on sale. */
  units: number;
}

async function sweepBatch(db: DbClient, now: Date, batchSize: number): Promise<ReservedItem[]> {
  return db.$transaction(async (tx) => {
    const expired = await tx.$queryRaw<ReservedItem[]>`
      with due as (
        select id
          from stock_reservations
         where status = 'ACTIVE' and expires_at <= ${now}::timestamptz
         order by expires_at
         limit ${batchSize}
           for update skip locked
      )
      update stock_reservations as reservation
         set status = 'EXPIRED', updated_at = now()
        from due
       where reservation.id = due.id
      returning reservation.product_id as "productId", reservation.quantity`;
    if (expired.length === 0) return expired;
    await lockInventoryRows(
      tx,
      expired.map((item) => item.productId),
    );
    await unreserveUnits(tx, expired);
    return expired;
  }, WRITE_TRANSACTION);
}

/** Expires every ACTIVE reservation whose expiry is at or before `now`, batch by batch. */
export async function sweepExpiredReservations(
  db: DbClient,
  now: Date,
  { batchSize = SWEEP_BATCH_SIZE }: { batchSize?: number } = {},
): Promise<SweepResult> {
  const total: SweepResult = { reservations: 0, units: 0 };
  for (;;) {
    const expired = await sweepBatch(db, now, batchSize);
    total.reservations += expired.length;
    total.units += expired.reduce((sum, item) => sum + item.quantity, 0);
    // A short batch means nothing unlocked is left; rows other sweepers hold are theirs.
    if (expired.length < batchSize) return total;
  }
}
