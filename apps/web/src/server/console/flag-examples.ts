// What the console's flag forms start from: a typical "on" value per failure flag, typed against
// the flag definitions so an example can never be one the flag would refuse.
import type { FlagKey, FlagParams } from "@shop/flags";

/** bots.traffic has its own control (the bot rate), not a flag form. */
export type ManualFlagKey = Exclude<FlagKey, "bots.traffic">;

export const FLAG_EXAMPLES: { [K in ManualFlagKey]: FlagParams<K> } = {
  "db.missing_index": true,
  "db.pool_exhaustion": { heldShare: 0.6, holdMs: 1_500 },
  "inventory.contention": { lockHoldMs: 800 },
  "cache.disabled": true,
  "payment.degraded": { extraLatencyMs: 1_500, errorRate: 0.2 },
  "service.errors": { service: "recommendations", rate: 0.3 },
};
