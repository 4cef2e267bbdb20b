// Restocks on a timer in the inventory process (restock.ts says what is due and how much arrives;
// startPeriodicTask: runs never overlap, failures are logged, stop() waits for a run in flight).
// Each delivery is an info log naming the product, the run's span counts what it delivered, and
// shop.inventory.restocked counts the units by product for a dashboard beside shop.orders.
import { trace } from "@opentelemetry/api";
import type { DbClient } from "@shop/db";
import { startPeriodicTask } from "@shop/service-kit";
import type { PeriodicTask } from "@shop/service-kit";
import { ATTR, businessMetrics, logger } from "@shop/telemetry";
import { restockBelowReorderPoint } from "./restock.ts";

export const RESTOCK_TASK = "restocking inventory";

export function startRestocker({
  db,
  intervalMs,
  reorderShare,
}: {
  db: DbClient;
  intervalMs: number;
  /** The reorder point as a share of each product's par level. */
  reorderShare: number;
}): PeriodicTask {
  return startPeriodicTask(RESTOCK_TASK, intervalMs, async () => {
    const deliveries = await restockBelowReorderPoint(db, reorderShare);
    trace.getActiveSpan()?.setAttributes({
      [ATTR.INVENTORY_RESTOCKED_PRODUCTS]: deliveries.length,
      [ATTR.INVENTORY_RESTOCKED_UNITS]: deliveries.reduce((sum, delivery) => sum + delivery.units, 0),
    });
    for (const delivery of deliveries) {
      businessMetrics.inventoryRestocked(delivery.productId, delivery.units);
      logger.info(
        { [ATTR.PRODUCT_ID]: delivery.productId, units: delivery.units, parLevel: delivery.parLevel },
        `restocked ${delivery.slug}: ${String(delivery.units)} units delivered, ${String(delivery.parLevel)} free again`,
      );
    }
  });
}
