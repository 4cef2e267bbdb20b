// Counts and removes expired carts on a timer in the service process (see startPeriodicTask: runs
// never overlap, failures are logged, stop() waits for a sweep in flight).
import { startPeriodicTask } from "@shop/service-kit";
import type { PeriodicTask } from "@shop/service-kit";
import { sweepAbandonedCarts } from "./sweep-abandoned-carts.ts";
import type { SweepDeps } from "./sweep-abandoned-carts.ts";

export type Sweeper = PeriodicTask;

export function startSweeper({
  intervalMs,
  now = () => new Date(),
  ...deps
}: SweepDeps & { intervalMs: number; now?: () => Date }): Sweeper {
  return startPeriodicTask("sweeping expired carts", intervalMs, async () => {
    await sweepAbandonedCarts(deps, now());
  });
}
