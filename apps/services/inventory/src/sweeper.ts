// Runs the sweep on a timer in the service process. Sweeps never overlap (the next is scheduled
// when the last has finished), a failed sweep is logged and the next one tries again, and stop()
// waits for a sweep in flight so the database client can close after it.
import type { DbClient } from "@shop/db";
import { logger } from "@shop/telemetry";
import { sweepExpiredReservations } from "./sweep-expired-reservations.ts";

export interface Sweeper {
  stop: () => Promise<void>;
}

export function startSweeper({
  db,
  intervalMs,
  now = () => new Date(),
}: {
  db: DbClient;
  intervalMs: number;
  now?: () => Date;
}): Sweeper {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();

  const sweep = async () => {
    try {
      const { reservations, units } = await sweepExpiredReservations(db, now());
      if (reservations > 0) {
        logger.info(
          { reservations, units },
          `released ${String(units)} units of ${String(reservations)} expired reservations`,
        );
      }
    } catch (error) {
      logger.error({ err: error }, "sweeping expired reservations failed");
    }
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      inFlight = sweep().finally(schedule);
    }, intervalMs);
  };
  schedule();

  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await inFlight;
    },
  };
}
