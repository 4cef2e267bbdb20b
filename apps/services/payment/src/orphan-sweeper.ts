// Settles orphaned charges on a timer in the payment process (settle-orphan-charges.ts says what
// an orphan is; startPeriodicTask: runs never overlap, failures are logged, stop() waits for a run
// in flight). Every refund is a warning with the payment's key and amount: the shop took money for
// a checkout that died, and gave it back minutes later. The run's span counts what it did, and
// shop.payment.orphans counts it by action for a dashboard.
import { trace } from "@opentelemetry/api";
import type { DbClient } from "@shop/db";
import { startPeriodicTask } from "@shop/service-kit";
import type { PeriodicTask } from "@shop/service-kit";
import { ATTR, businessMetrics, logger } from "@shop/telemetry";
import { settleOrphanCharges } from "./settle-orphan-charges.ts";

export const ORPHAN_SWEEP_TASK = "settling orphaned charges";

export function startOrphanSweeper({
  db,
  intervalMs,
  orphanAgeMs,
  now = () => new Date(),
}: {
  db: DbClient;
  intervalMs: number;
  /** How long a captured payment without an order must stay untouched to count as abandoned. */
  orphanAgeMs: number;
  now?: () => Date;
}): PeriodicTask {
  return startPeriodicTask(ORPHAN_SWEEP_TASK, intervalMs, async () => {
    const { refunded, linked } = await settleOrphanCharges(db, new Date(now().getTime() - orphanAgeMs));
    trace.getActiveSpan()?.setAttributes({
      [ATTR.PAYMENT_ORPHANS_REFUNDED]: refunded.length,
      [ATTR.PAYMENT_ORPHANS_LINKED]: linked.length,
    });
    businessMetrics.paymentOrphans("refunded", refunded.length);
    businessMetrics.paymentOrphans("linked", linked.length);
    for (const charge of refunded) {
      logger.warn(
        { ...charge, [ATTR.PAYMENT_ORPHAN_ACTION]: "refunded" },
        `refunded payment ${charge.idempotencyKey}: untouched for ${String(Math.round(orphanAgeMs / 1000))} s and no order followed`,
      );
    }
    for (const charge of linked) {
      logger.info(
        { ...charge, [ATTR.PAYMENT_ORPHAN_ACTION]: "linked" },
        `linked payment ${charge.idempotencyKey} to order ${String(charge.orderId)}, which its checkout never did`,
      );
    }
  });
}
