// The inventory's SQL. Stock moves only inside transactions that lock what they change (see
// inventory-rows.ts); the CHECK constraints of the migration (on_hand >= 0, reserved between 0 and
// on_hand) are the last net under every statement here.
import type { DbClient } from "@shop/db";
import type { ReservationRow, ReservedItem } from "./checkout-reservation.ts";
import {
  holdLocks,
  isLockTimeout,
  limitLockWait,
  lockInventoryRows,
  unreserveUnits,
  WRITE_TRANSACTION,
} from "./inventory-rows.ts";
import type { StockLevel, Transaction } from "./inventory-rows.ts";

export type { StockLevel } from "./inventory-rows.ts";

/** How long a reservation waited for its inventory rows' locks, and how long it held them on purpose. */
export interface LockTiming {
  /** From asking for the row locks to holding them: the queue behind other transactions. */
  waitMs: number;
  /** Extra time the locks were held (inventory.contention); 0 normally. */
  holdMs: number;
}

export interface ReserveLocking {
  /** Hold the row locks this much longer once taken (the inventory.contention failure mode). */
  holdMs: number;
  /** Give up when the row locks are not granted within this long. */
  timeoutMs: number;
}

export type ReserveResult =
  | { kind: "reserved"; rows: ReservationRow[]; lock: LockTiming }
  /** The checkout already had reservations: nothing was changed. */
  | { kind: "already-reserved"; rows: ReservationRow[] }
  /** The first product (in id order) without enough units: nothing was changed. */
  | { kind: "short"; productId: number; requested: number; available: number; lock: LockTiming }
  /** Other transactions held the rows for longer than the lock timeout: nothing was changed. */
  | { kind: "lock-timeout"; productIds: number[]; waitedMs: number };

export interface CheckoutChange {
  /** The checkout's reservations after the call. */
  rows: ReservationRow[];
  /** What this call changed (empty when it changed nothing). */
  changed: ReservedItem[];
}

/** Thrown inside a transaction to roll it back, carrying what to answer instead. */
class RollBack extends Error {
  readonly result: ReserveResult | { kind: "claimed-already" };

  constructor(result: ReserveResult | { kind: "claimed-already" }) {
    super(result.kind);
    this.result = result;
  }
}

const reservationColumns = {
  productId: true,
  quantity: true,
  status: true,
  expiresAt: true,
} as const;

function lockReservations(tx: Transaction, checkoutId: string): Promise<ReservationRow[]> {
  return tx.$queryRaw<ReservationRow[]>`
    select product_id as "productId", quantity, status::text as status, expires_at as "expiresAt"
      from stock_reservations
     where checkout_id = ${checkoutId}
     order by product_id
       for update`;
}

export function createInventoryRepository(db: DbClient) {
  function findReservations(checkoutId: string): Promise<ReservationRow[]> {
    return db.stockReservation.findMany({
      where: { checkoutId },
      select: reservationColumns,
      orderBy: { productId: "asc" },
    });
  }

  return {
    findStock(productIds: readonly number[]): Promise<StockLevel[]> {
      return db.inventory.findMany({
        where: { productId: { in: [...productIds] } },
        select: { productId: true, onHand: true, reserved: true },
      });
    },

    findReservations,

    /**
     * Holds `items` (sorted by product id) for the checkout, all or nothing. The checkout claims its
     * (checkout_id, product_id) keys first: a concurrent retry of the same checkout waits on the
     * unique index until this transaction ends, then finds the keys taken and changes nothing.
     * The row locks are waited for at most `locking.timeoutMs`, and held `locking.holdMs` longer
     * than the work needs (0 unless inventory.contention is on).
     */
    async reserveBasket(
      checkoutId: string,
      items: readonly ReservedItem[],
      expiresAt: Date,
      locking: ReserveLocking,
    ): Promise<ReserveResult> {
      const productIds = items.map((item) => item.productId);
      const quantities = items.map((item) => item.quantity);
      // When the statement now waiting began: the claim (a duplicate checkout queues on the unique
      // index), then the row locks (a hot product queues there).
      let lockRequestedAt = performance.now();
      try {
        return await db.$transaction(async (tx) => {
          await limitLockWait(tx, locking.timeoutMs);
          lockRequestedAt = performance.now();
          const claimed = await tx.$queryRaw<{ productId: number }[]>`
            insert into stock_reservations
                   (id, checkout_id, product_id, quantity, status, expires_at, updated_at)
            select gen_random_uuid(), ${checkoutId}, item.product_id, item.quantity, 'ACTIVE',
                   ${expiresAt}::timestamptz, now()
              from unnest(${productIds}::int[], ${quantities}::int[]) as item(product_id, quantity)
             order by item.product_id
                on conflict (checkout_id, product_id) do nothing
            returning product_id as "productId"`;
          if (claimed.length !== items.length) throw new RollBack({ kind: "claimed-already" });

          lockRequestedAt = performance.now();
          const locked = await lockInventoryRows(tx, productIds);
          const lock: LockTiming = { waitMs: performance.now() - lockRequestedAt, holdMs: locking.holdMs };
          if (locking.holdMs > 0) await holdLocks(tx, locking.holdMs);

          const stock = new Map(locked.map((row) => [row.productId, row.onHand - row.reserved]));
          for (const item of items) {
            const available = stock.get(item.productId) ?? 0;
            if (available < item.quantity) {
              throw new RollBack({
                kind: "short",
                productId: item.productId,
                requested: item.quantity,
                available,
                lock,
              });
            }
          }
          // The rows are locked and were checked, so every update applies; the condition still
          // stands guard in the statement itself, and a miss rolls everything back.
          const updated = await tx.$executeRaw`
            update inventory
               set reserved = inventory.reserved + item.quantity, updated_at = now()
              from unnest(${productIds}::int[], ${quantities}::int[]) as item(product_id, quantity)
             where inventory.product_id = item.product_id
               and inventory.on_hand - inventory.reserved >= item.quantity`;
          if (updated !== items.length) {
            throw new Error(`reserved ${String(updated)} of ${String(items.length)} locked inventory rows`);
          }
          return {
            kind: "reserved",
            rows: items.map((item) => ({ ...item, status: "ACTIVE", expiresAt })),
            lock,
          } satisfies ReserveResult;
        }, WRITE_TRANSACTION);
      } catch (error) {
        if (isLockTimeout(error)) {
          return { kind: "lock-timeout", productIds, waitedMs: performance.now() - lockRequestedAt };
        }
        if (!(error instanceof RollBack)) throw error;
        if (error.result.kind !== "claimed-already") return error.result;
        // Read after the rollback: the keys that were taken belong to a committed transaction.
        return { kind: "already-reserved", rows: await findReservations(checkoutId) };
      }
    },

    /**
     * Sells the checkout's reserved units: only when every reservation is ACTIVE and unexpired at
     * `now`, all of them at once; otherwise changes nothing.
     */
    commitCheckout(checkoutId: string, now: Date): Promise<CheckoutChange> {
      return db.$transaction(async (tx) => {
        const rows = await lockReservations(tx, checkoutId);
        const committable =
          rows.length > 0 &&
          rows.every((row) => row.status === "ACTIVE" && row.expiresAt.getTime() > now.getTime());
        if (!committable) return { rows, changed: [] };
        await lockInventoryRows(
          tx,
          rows.map((row) => row.productId),
        );
        await tx.$executeRaw`
          update inventory
             set on_hand = inventory.on_hand - sold.quantity,
                 reserved = inventory.reserved - sold.quantity,
                 updated_at = now()
            from stock_reservations as sold
           where sold.checkout_id = ${checkoutId}
             and sold.status = 'ACTIVE'
             and inventory.product_id = sold.product_id`;
        await tx.$executeRaw`
          update stock_reservations set status = 'COMMITTED', updated_at = now()
           where checkout_id = ${checkoutId} and status = 'ACTIVE'`;
        return {
          rows: rows.map((row) => ({ ...row, status: "COMMITTED" as const })),
          changed: rows.map(({ productId, quantity }) => ({ productId, quantity })),
        };
      }, WRITE_TRANSACTION);
    },

    /** Puts the checkout's ACTIVE reservations (expired or not) back on sale. */
    releaseCheckout(checkoutId: string): Promise<CheckoutChange> {
      return db.$transaction(async (tx) => {
        const rows = await lockReservations(tx, checkoutId);
        const active = rows.filter((row) => row.status === "ACTIVE");
        if (active.length === 0) return { rows, changed: [] };
        await lockInventoryRows(
          tx,
          active.map((row) => row.productId),
        );
        await unreserveUnits(tx, active);
        await tx.$executeRaw`
          update stock_reservations set status = 'RELEASED', updated_at = now()
           where checkout_id = ${checkoutId} and status = 'ACTIVE'`;
        return {
          rows: rows.map((row) => (row.status === "ACTIVE" ? { ...row, status: "RELEASED" as const } : row)),
          changed: active.map(({ productId, quantity }) => ({ productId, quantity })),
        };
      }, WRITE_TRANSACTION);
    },
  };
}

export type InventoryRepository = ReturnType<typeof createInventoryRepository>;
