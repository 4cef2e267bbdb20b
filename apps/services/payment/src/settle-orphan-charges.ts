// Charges a checkout left behind. The checkout saga refunds a charge whose order could not be
// created, and links one whose order was; a checkout process that dies between charging and
// finishing does neither, and the shopper's money stays taken for nothing. A CAPTURED payment
// without an order that nothing has touched for PAYMENT_ORPHAN_AGE_MS is settled:
// - an order with its idempotency key (the saga uses the attempt's key for both) that no payment
//   has paid yet: the link the checkout never made is made;
// - no such order: the charge is refunded.
// What keeps a paid order from losing its charge: the age counts from updated_at, which a
// retried checkout refreshes when its charge is replayed just before it creates the order
// (payment-service.ts), and the refund re-checks for a payable order in the same statement.
// Both statements take their rows with FOR UPDATE SKIP LOCKED (the link also its order's row, as
// linkOrder does): replicas sweeping at once split the work, and a payment or order someone is
// working on right now is left to them. The created_at bound is implied by updated_at's (a row is
// never updated before it is created); it bounds the scan of the index of unclaimed captures
// (payments_unclaimed_captures_idx). That index is partial, holding only captured charges without
// an order, so a sweep reads the few charges in question, not every charge that never got an
// order (each decline, failure and refund the shop ever had).
import { Prisma } from "@shop/db";
import type { DbClient } from "@shop/db";

export const ORPHAN_BATCH_SIZE = 200;

export interface SettledCharge {
  paymentId: string;
  idempotencyKey: string;
  amountMinor: number;
  currency: string;
}

export interface SettleResult {
  refunded: SettledCharge[];
  linked: (SettledCharge & { orderId: number })[];
}

const settled = Prisma.sql`p.id::text as "paymentId", p.idempotency_key as "idempotencyKey",
  p.amount_minor as "amountMinor", p.currency`;

/**
 * Links each old unclaimed charge to the order its checkout made that no payment has paid. The
 * oldest `batchSize` unclaimed charges are the candidates, and the orders are looked up for them
 * alone. Joined straight to orders, the planner took "captured" and "no order" as independent and
 * expected thousands of candidates where there were a handful (every decline also has no order),
 * so it read the whole orders table on every sweep. A candidate without a linkable order is the
 * refund's, which the same sweep settles next, so the following sweep reaches the ones behind it.
 */
export function linkOrphansQuery(untouchedSince: Date, batchSize: number): Prisma.Sql {
  return Prisma.sql`
    with candidates as (
       select p.id
         from payments p
        where p.status = 'CAPTURED' and p.order_id is null
          and p.created_at < ${untouchedSince}::timestamptz and p.updated_at < ${untouchedSince}::timestamptz
        order by p.created_at
        limit ${batchSize}
     ), due as (
       select p.id, o.id as order_id
         from candidates c
         join payments p on p.id = c.id
         join orders o on o.idempotency_key = p.idempotency_key
        -- Again on the row locked: since it was a candidate, another sweep may have settled it
        -- or a retried checkout refreshed it.
        where p.status = 'CAPTURED' and p.order_id is null and p.updated_at < ${untouchedSince}::timestamptz
          and not exists (select 1 from payments other where other.order_id = o.id)
        order by p.created_at
          for update of p, o skip locked
     )
     update payments p
        set order_id = due.order_id, updated_at = now()
       from due
      where p.id = due.id
     returning ${settled}, p.order_id as "orderId"`;
}

/** Refunds each old unclaimed charge that has no order of its own left to pay. */
export function refundOrphansQuery(untouchedSince: Date, batchSize: number): Prisma.Sql {
  return Prisma.sql`
    with due as (
       select p.id
         from payments p
        where p.status = 'CAPTURED' and p.order_id is null
          and p.created_at < ${untouchedSince}::timestamptz and p.updated_at < ${untouchedSince}::timestamptz
          -- An order of its own still waiting for a payment gets linked instead; an order that
          -- another payment already paid leaves this charge paying for nothing.
          and not exists (
            select 1 from orders o
             where o.idempotency_key = p.idempotency_key
               and not exists (select 1 from payments other where other.order_id = o.id))
        order by p.created_at
        limit ${batchSize}
          for update skip locked
     )
     update payments p
        set status = 'REFUNDED', updated_at = now()
       from due
      where p.id = due.id
     returning ${settled}`;
}

/** Settles up to `batchSize` of each kind of orphan left untouched since `untouchedSince`. */
export async function settleOrphanCharges(
  db: DbClient,
  untouchedSince: Date,
  batchSize = ORPHAN_BATCH_SIZE,
): Promise<SettleResult> {
  const linked = await db.$queryRaw<SettleResult["linked"]>(linkOrphansQuery(untouchedSince, batchSize));
  const refunded = await db.$queryRaw<SettledCharge[]>(refundOrphansQuery(untouchedSince, batchSize));
  return { refunded, linked };
}
