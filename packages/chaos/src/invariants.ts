// What must hold after any fault, checked in the database against the shoppers' ledger:
// - no acknowledged order lost: every order number the storefront confirmed exists, once, for the
//   attempt key it was placed with, with its payment captured;
// - none duplicated: no attempt produced two orders or two captured payments, and no card was
//   charged without an order to show for it (a charge the saga failed to refund). An attempt
//   whose every try failed is the exception the report names: the shopper never learned its
//   outcome, and a charge caught between payment and order by a kill -9 stays until a retry with
//   its key, or the payment service's orphan sweep (10 minutes on, longer than a chaos run)
//   settles it;
// - no oversell: stock never below zero, never more reserved than on hand;
// - no reservation stuck: once the sweeper has run, nothing active is past its expiry, and each
//   product's reserved count is exactly the sum of its active reservations.
import pg from "pg";
import type { AcknowledgedOrder } from "./ledger-shoppers.ts";

export interface InvariantReport {
  acknowledged: number;
  lost: string[];
  duplicated: string[];
  chargedWithoutOrder: number;
  /** Charges without an order whose attempts the shopper gave up on (outcome unknown). */
  unsettledAttempts: number;
  /** Placed orders whose capture is not yet linked to them (payments.order_id still empty). */
  unlinkedPayments: number;
  oversold: number[];
  stuckReservations: number;
  reservedMismatch: number[];
}

export function invariantsHold(report: InvariantReport): boolean {
  return (
    report.lost.length === 0 &&
    report.duplicated.length === 0 &&
    report.chargedWithoutOrder === 0 &&
    report.oversold.length === 0 &&
    report.stuckReservations === 0 &&
    report.reservedMismatch.length === 0
  );
}

export async function checkInvariants(
  databaseUrl: string,
  acknowledged: readonly AcknowledgedOrder[],
  unknownOutcomes: readonly string[] = [],
): Promise<InvariantReport> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "chaos-invariants" });
  await client.connect();
  try {
    const numbers = acknowledged.map((order) => order.orderNumber);
    // An order's payment is the capture with the same attempt key; the order_id link is written
    // after the order, and a saturated database can delay it (counted apart: unlinkedPayments).
    const found = await client.query<{ number: string; idempotency_key: string; captured: number }>(
      `select o.number, o.idempotency_key,
              (select count(*)::int from payments p
                where p.idempotency_key = o.idempotency_key and p.status = 'CAPTURED') as captured
         from orders o where o.number = any($1)`,
      [numbers],
    );
    const byNumber = new Map(found.rows.map((row) => [row.number, row]));
    const lost = acknowledged
      .filter((order) => {
        const row = byNumber.get(order.orderNumber);
        return row?.idempotency_key !== order.idempotencyKey || row.captured !== 1;
      })
      .map((order) => order.orderNumber);

    const keys = acknowledged.map((order) => order.idempotencyKey);
    const duplicated = await client.query<{ idempotency_key: string }>(
      `select idempotency_key from (
         select o.idempotency_key, count(*) over (partition by o.idempotency_key) as orders,
                (select count(*) from payments p where p.idempotency_key = o.idempotency_key and p.status = 'CAPTURED') as charges
           from orders o where o.idempotency_key like 'chaos\\_%' or o.idempotency_key = any($1)) t
        where orders > 1 or charges > 1`,
      [keys],
    );
    const orphanCharges = await client.query<{ idempotency_key: string }>(
      `select p.idempotency_key from payments p
        where p.status = 'CAPTURED' and p.idempotency_key like 'chaos\\_%'
          and not exists (select 1 from orders o where o.idempotency_key = p.idempotency_key)`,
    );
    const unlinked = await client.query<{ n: number }>(
      `select count(*)::int as n from payments p
        where p.status = 'CAPTURED' and p.order_id is null and p.idempotency_key like 'chaos\\_%'
          and exists (select 1 from orders o where o.idempotency_key = p.idempotency_key)`,
    );
    const unknown = new Set(unknownOutcomes);
    const unsettled = orphanCharges.rows.filter((row) => unknown.has(row.idempotency_key)).length;
    const oversold = await client.query<{ product_id: number }>(
      `select product_id from inventory where on_hand < 0 or reserved < 0 or reserved > on_hand`,
    );
    const stuck = await client.query<{ n: number }>(
      `select count(*)::int as n from stock_reservations where status = 'ACTIVE' and expires_at < now() - interval '1 second'`,
    );
    const mismatch = await client.query<{ product_id: number }>(
      `select i.product_id from inventory i
         left join (select product_id, sum(quantity)::int as active from stock_reservations
                     where status = 'ACTIVE' group by product_id) r on r.product_id = i.product_id
        where i.reserved <> coalesce(r.active, 0)`,
    );
    return {
      acknowledged: acknowledged.length,
      lost,
      duplicated: duplicated.rows.map((row) => row.idempotency_key),
      chargedWithoutOrder: orphanCharges.rows.length - unsettled,
      unsettledAttempts: unsettled,
      unlinkedPayments: unlinked.rows[0]?.n ?? 0,
      oversold: oversold.rows.map((row) => row.product_id),
      stuckReservations: stuck.rows[0]?.n ?? 0,
      reservedMismatch: mismatch.rows.map((row) => row.product_id),
    };
  } finally {
    await client.end();
  }
}

/** Waits (bounded) for the sweepers to give back what expired while things were being killed. */
export async function waitForSweep(databaseUrl: string, timeoutMs: number): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "chaos-invariants" });
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await client.query<{ n: number }>(
        `select count(*)::int as n from stock_reservations where status = 'ACTIVE' and expires_at < now() - interval '1 second'`,
      );
      if ((rows[0]?.n ?? 0) === 0) return true;
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await client.end();
  }
}
