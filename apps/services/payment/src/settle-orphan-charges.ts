// Charges a checkout left behind. The checkout saga refunds a charge whose order could not be
// created, and links one whose order was; a checkout process that dies between charging and
// finishing does neither, and the shopper's money stays taken for nothing. Long after any checkout
// would have finished (PAYMENT_ORPHAN_AGE_MS), a CAPTURED payment without an order is settled:
// - its order exists (same idempotency key: the saga uses the attempt's key for both): the link
//   the checkout never made is made;
// - there is no order: the charge is refunded.
// Linking runs first, so a charge whose order exists is never refunded. Each statement takes its
// rows with FOR UPDATE SKIP LOCKED: replicas sweeping at once split the work, and a payment a
// checkout is refunding or linking right now is left to that call.
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

/** Settles up to `batchSize` of each kind of orphan charged before `chargedBefore`. */
export async function settleOrphanCharges(
  db: DbClient,
  chargedBefore: Date,
  batchSize = ORPHAN_BATCH_SIZE,
): Promise<SettleResult> {
  const linked = await db.$queryRaw<SettleResult["linked"]>`
    with due as (
       select p.id, o.id as order_id
         from payments p
         join orders o on o.idempotency_key = p.idempotency_key
        where p.status = 'CAPTURED' and p.order_id is null and p.created_at < ${chargedBefore}::timestamptz
          and not exists (select 1 from payments other where other.order_id = o.id)
        order by p.created_at
        limit ${batchSize}
          for update of p skip locked
     )
     update payments p
        set order_id = due.order_id, updated_at = now()
       from due
      where p.id = due.id
     returning ${settled}, p.order_id as "orderId"`;
  const refunded = await db.$queryRaw<SettledCharge[]>`
    with due as (
       select p.id
         from payments p
        where p.status = 'CAPTURED' and p.order_id is null and p.created_at < ${chargedBefore}::timestamptz
          and not exists (select 1 from orders o where o.idempotency_key = p.idempotency_key)
        order by p.created_at
        limit ${batchSize}
          for update skip locked
     )
     update payments p
        set status = 'REFUNDED', updated_at = now()
       from due
      where p.id = due.id
     returning ${settled}`;
  return { refunded, linked };
}
