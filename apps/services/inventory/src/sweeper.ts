// Releases expired reservations on a timer in the service process (see startPeriodicTask: runs
// never overlap, failures are logged, stop() waits for a sweep in flight).
import type { DbClient } from "@shop/db";
import { startPeriodicTask } from "@shop/service-kit";
import type { PeriodicTask } from "@shop/service-kit";
import { logger } from "@shop/telemetry";
import { sweepExpiredReservations } from "./sweep-expired-reservations.ts";

export type Sweeper = PeriodicTask;

export function startSweeper({
  db,
  intervalMs,
  now = () => new Date(),
}: {
  db: DbClient;
  intervalMs: number;
  now?: () => Date;
}): Sweeper {
  return startPeriodicTask("sweeping expired reservations", intervalMs, async () => {
    const { reservations, units } = await sweepExpiredReservations(db, now());
    if (reservations > 0) {
      logger.info(
        { reservations, units },
        `released ${String(units)} units of ${String(reservations)} expired reservations`,
      );
    }
  });
}
