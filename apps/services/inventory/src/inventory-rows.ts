// SQL on inventory rows shared by every writer: reserve, commit, release and the sweeper. They all
// lock the rows they change in product id order first, so two transactions that both need
// products 3 and 7 queue on 3, instead of each holding one and waiting for the other (a deadlock
// PostgreSQL would break by failing one of them).
import { Prisma } from "@shop/db";
import type { ReservedItem } from "./checkout-reservation.ts";

export type Transaction = Prisma.TransactionClient;

export interface StockLevel {
  productId: number;
  onHand: number;
  reserved: number;
}

// Read committed: each statement sees the latest committed rows, and a conditional UPDATE that
// waited on a row lock re-checks its condition against the row it finally gets. The waits cover
// a burst of checkouts queueing for the pool; each transaction itself is a few statements long.
export const WRITE_TRANSACTION = {
  isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted,
  maxWait: 10_000,
  timeout: 15_000,
} as const;

export function lockInventoryRows(tx: Transaction, productIds: readonly number[]): Promise<StockLevel[]> {
  return tx.$queryRaw<StockLevel[]>`
    select product_id as "productId", on_hand as "onHand", reserved
      from inventory
     where product_id = any(${productIds}::int[])
     order by product_id
       for update`;
}

/** Puts reserved units back on sale (release, expiry). Several items may name one product. */
export function unreserveUnits(tx: Transaction, items: readonly ReservedItem[]): Promise<number> {
  return tx.$executeRaw`
    update inventory
       set reserved = inventory.reserved - returned.quantity, updated_at = now()
      from (select product_id, sum(quantity)::int as quantity
              from unnest(${items.map((item) => item.productId)}::int[],
                          ${items.map((item) => item.quantity)}::int[]) as item(product_id, quantity)
             group by product_id) as returned
     where inventory.product_id = returned.product_id`;
}
