// Expired carts become abandoned carts. A sweep reads the due carts (their data outlives their
// expiry by a grace period), prices them all in one catalog call, and only then claims each one
// atomically: a catalog outage leaves them unclaimed for the next sweep instead of uncounted, and
// of several replicas sweeping at once exactly one claims (and counts) each cart.
import { abandonedCart, recordAbandonedCart } from "./abandoned-carts.ts";
import type { AbandonedCart } from "./abandoned-carts.ts";
import type { CartStore } from "./cart-store.ts";
import type { ProductCatalog } from "./product-catalog.ts";

export const SWEEP_BATCH_SIZE = 200;

export interface SweepResult {
  /** The carts this sweep counted as abandoned (an expired empty cart is only removed). */
  abandoned: AbandonedCart[];
}

export interface SweepDeps {
  store: CartStore;
  catalog: ProductCatalog;
}

async function sweepBatch({ store, catalog }: SweepDeps, now: Date, batchSize: number) {
  const due = await store.expiredCartIds(now, batchSize);
  if (due.length === 0) return { due, abandoned: [] };
  // An expired cart no longer changes (a write to it claims it first), so what is read here is
  // what the claim will hand over.
  const peeked = await store.peek(due);
  const products = await catalog.productsByIds([...peeked.values()].flat().map((line) => line.productId));
  const abandoned: AbandonedCart[] = [];
  for (const cartId of due) {
    const lines = await store.claimExpired(cartId, now);
    if (lines.length === 0) continue;
    const cart = abandonedCart(cartId, lines, products);
    recordAbandonedCart(cart);
    abandoned.push(cart);
  }
  return { due, abandoned };
}

/** Counts and deletes every cart whose expiry is at or before `now`, batch by batch. */
export async function sweepAbandonedCarts(
  deps: SweepDeps,
  now: Date,
  { batchSize = SWEEP_BATCH_SIZE }: { batchSize?: number } = {},
): Promise<SweepResult> {
  const result: SweepResult = { abandoned: [] };
  for (;;) {
    const batch = await sweepBatch(deps, now, batchSize);
    result.abandoned.push(...batch.abandoned);
    // Every due id left the index (claimed here or by someone else): a short batch was the last.
    if (batch.due.length < batchSize) return result;
  }
}
