// The flags a scenario owns are the ones it set: setBy "scenario:<name>". Flags a person set from
// the console are theirs, and no scenario bookkeeping ever clears them.
import type { FlagKey, FlagStore } from "@shop/flags";

export const SCENARIO_SETTER_PREFIX = "scenario:";

export function scenarioSetter(name: string): string {
  return `${SCENARIO_SETTER_PREFIX}${name}`;
}

/** Clears every flag a scenario set except those in `keep`; returns the keys it cleared. */
export async function clearScenarioFlags(
  store: FlagStore,
  keep: ReadonlySet<FlagKey> = new Set(),
): Promise<FlagKey[]> {
  const owned = (await store.list())
    .filter((state) => state.setBy.startsWith(SCENARIO_SETTER_PREFIX) && !keep.has(state.key))
    .map((state) => state.key);
  // FlagStore.clear() without keys clears every flag: never call it with none.
  if (owned.length > 0) await store.clear(...owned);
  return owned;
}
