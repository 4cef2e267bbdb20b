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

/**
 * How long a reservation waits for a locked inventory row before it gives up (SQLSTATE 55P03):
 * well inside the transaction's timeout, so a queue on a hot product sheds the late comers with a
 * clear answer instead of holding pooled connections until Prisma kills the transaction.
 */
export const DEFAULT_LOCK_TIMEOUT_MS = 5_000;

/** Limits this transaction's waits on locks (`set local`, so the pooled connection is left as it was). */
export async function limitLockWait(tx: Transaction, timeoutMs: number): Promise<void> {
  await tx.$queryRaw`select set_config('lock_timeout', ${`${String(timeoutMs)}ms`}, true)`;
}

/** Keeps this transaction's locks for `holdMs` more: the inventory.contention failure mode. */
export async function holdLocks(tx: Transaction, holdMs: number): Promise<void> {
  await tx.$executeRaw`select pg_sleep(${holdMs / 1_000}::float8)`;
}

/** A statement gave up waiting for a lock (lock_timeout): lock_not_available, through Prisma's adapter. */
export function isLockTimeout(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  const adapterError = error.meta?.driverAdapterError as { cause?: { code?: unknown } } | undefined;
  return adapterError?.cause?.code === "55P03";
}

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
