// The flags of this process, started once at start-up (startServiceServer does it for a service)
// and read anywhere without threading a handle through every constructor. Before they start, or
// in a process without Redis, every flag reads as off: the shop's normal behaviour.
import type { FlagKey, FlagValue } from "./definitions.ts";
import { startFlags } from "./flags.ts";
import type { Flags, StartFlagsOptions } from "./flags.ts";

let current: Flags | undefined;

export async function startProcessFlags(options: StartFlagsOptions): Promise<Flags> {
  await current?.stop();
  current = await startFlags(options);
  return current;
}

export function processFlags(): Flags | undefined {
  return current;
}

/** Evaluates a flag of this process (recorded on the active span); false when flags never started. */
export async function evaluateFlag<K extends FlagKey>(key: K): Promise<FlagValue<K>> {
  return current ? current.evaluate(key) : false;
}

export async function stopProcessFlags(): Promise<void> {
  const stopping = current;
  current = undefined;
  await stopping?.stop();
}
