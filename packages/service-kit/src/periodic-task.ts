// Background work on a timer inside a service process (sweepers, model refreshes). Runs never
// overlap (the next is scheduled when the last has finished), a failed run is logged and the next
// one tries again, and stop() waits for a run in flight so resources can close after it.
import { logger } from "@shop/telemetry";

export interface PeriodicTask {
  stop: () => Promise<void>;
}

export function startPeriodicTask(name: string, intervalMs: number, run: () => Promise<void>): PeriodicTask {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();

  const runOnce = async () => {
    try {
      await run();
    } catch (error) {
      logger.error({ err: error }, `${name} failed`);
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      inFlight = runOnce().finally(schedule);
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
