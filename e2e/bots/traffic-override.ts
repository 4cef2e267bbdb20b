// A scenario's say over the fleet (the bots.traffic flag): a target rate that replaces the
// fleet's own shape while it is set, and, in a sale, the products a share of shoppers head for.
import type { FlagParams } from "@shop/flags";

export type TrafficOverride = FlagParams<"bots.traffic">;

/** The hot product this new session goes for, or undefined for an ordinary session. */
export function pickHotProduct(
  override: TrafficOverride | undefined,
  random: () => number,
): string | undefined {
  const products = override?.hotProducts ?? [];
  if (products.length === 0 || random() >= (override?.hotShare ?? 0)) return undefined;
  return products[Math.floor(random() * products.length)] ?? products[0];
}

export function describeOverride(override: TrafficOverride): string {
  const hot = override.hotProducts?.length
    ? `, ${String(Math.round((override.hotShare ?? 0) * 100))}% of sessions on ${override.hotProducts.join(", ")}`
    : "";
  return `scenario override ${String(override.perMinute)} actions/min${hot}`;
}
