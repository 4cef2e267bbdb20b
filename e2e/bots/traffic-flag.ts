// Binds the fleet to the bots.traffic flag: the flags watcher is push-based, so a scenario's new
// target reaches the fleet within moments, and the fleet's own shape returns when the flag is
// cleared or its lease runs out (a crashed conductor leaves no bots stuck at sale traffic).
import type { Flags } from "@shop/flags";
import type { TrafficOverride } from "./traffic-override.ts";

export interface OverridableFleet {
  setTrafficOverride(override: TrafficOverride | undefined): void;
}

export function followTrafficFlag(
  flags: Pick<Flags, "current" | "onChange">,
  fleet: OverridableFleet,
  checkEveryMs = 1_000,
): () => void {
  const apply = () => {
    const value = flags.current("bots.traffic");
    fleet.setTrafficOverride(value === false ? undefined : value);
  };
  apply();
  const unsubscribe = flags.onChange((key) => {
    if (key === "bots.traffic") apply();
  });
  // A lease that runs out fires no change event (the watcher already reads it as off), so the
  // fleet also looks at its local copy every second: a local read, no Redis round trip.
  const timer = setInterval(apply, checkEveryMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    unsubscribe();
  };
}
