// Runs the sweep on a timer in the service process. Sweeps never overlap (the next is scheduled
// when the last has finished), a failed sweep is logged and the next one tries again, and stop()
// waits for a sweep in flight so Redis can close after it.
import { logger } from "@shop/telemetry";
import { sweepAbandonedCarts } from "./sweep-abandoned-carts.ts";
import type { SweepDeps } from "./sweep-abandoned-carts.ts";

export interface Sweeper {
  stop: () => Promise<void>;
}

export function startSweeper({
  intervalMs,
  now = () => new Date(),
  ...deps
}: SweepDeps & { intervalMs: number; now?: () => Date }): Sweeper {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();

  const sweep = async () => {
    try {
      await sweepAbandonedCarts(deps, now());
    } catch (error) {
      logger.error({ err: error }, "sweeping expired carts failed");
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
