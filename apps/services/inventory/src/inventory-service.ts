// The inventory's rules: what a caller may ask, and what each answer means. SQL lives in the
// repository; this decides which outcome is an error for the caller, and which is a business
// outcome (out of stock) that telemetry records as such instead of as a failure.
import { DomainError } from "@shop/service-kit";
import { ATTR, logger, recordOutcome } from "@shop/telemetry";
import { isSameBasket, toCheckoutReservation } from "./checkout-reservation.ts";
import type { CheckoutReservation, ReservationRow, ReservedItem } from "./checkout-reservation.ts";
import type { InventoryRepository } from "./inventory-repository.ts";
import { contendedLockHoldMs, recordLockTimeout, recordLockTiming } from "./lock-contention.ts";

export const DEFAULT_RESERVATION_TTL_SECONDS = 15 * 60;

export interface ProductAvailability {
  productId: number;
  onHand: number;
  reserved: number;
  available: number;
}

export interface ReserveRequest {
  checkoutId: string;
  items: ReservedItem[];
  ttlSeconds?: number | undefined;
}

export interface ReleaseResult {
  checkoutId: string;
  /** Units this call put back on sale: empty when there was nothing (left) to release. */
  released: ReservedItem[];
  /** The checkout's reservation after the call, or null when it never reserved anything. */
  reservation: CheckoutReservation | null;
}

export interface InventoryServiceDeps {
  repository: InventoryRepository;
  now: () => Date;
  defaultTtlSeconds: number;
  /** How long a reservation waits for a hot product's locked rows before it gives up. */
  lockTimeoutMs: number;
}

function plural(count: number, word: string) {
  return count === 1 ? word : `${word}s`;
}

export function createInventoryService({
  repository,
  now,
  defaultTtlSeconds,
  lockTimeoutMs,
}: InventoryServiceDeps) {
  /** The stock of every product asked for, in the order asked; NOT_FOUND names the unknown ones. */
  async function stockOf(productIds: readonly number[]) {
    const levels = await repository.findStock(productIds);
    const known = new Set(levels.map((level) => level.productId));
    const unknown = productIds.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new DomainError(
        "NOT_FOUND",
        `No stock for ${plural(unknown.length, "product")} ${unknown.join(", ")}`,
        { details: { productIds: unknown } },
      );
    }
    return levels.sort((a, b) => productIds.indexOf(a.productId) - productIds.indexOf(b.productId));
  }

  function conflict(checkoutId: string, reservation: CheckoutReservation) {
    return new DomainError(
      "CONFLICT",
      `The reservation of checkout ${checkoutId} is ${reservation.status.toLowerCase()}`,
      { details: { checkoutId, status: reservation.status } },
    );
  }

  /** A retried reserve: the same basket gets the same live reservation back, anything else is refused. */
  function replay(checkoutId: string, rows: ReservationRow[], items: ReservedItem[]) {
    const reservation = toCheckoutReservation(checkoutId, rows, now());
    if (!reservation || !isSameBasket(rows, items)) {
      throw new DomainError("CONFLICT", `Checkout ${checkoutId} already reserved a different basket`, {
        details: { checkoutId },
      });
    }
    if (reservation.status !== "ACTIVE" && reservation.status !== "COMMITTED") {
      throw conflict(checkoutId, reservation);
    }
    return reservation;
  }

  return {
    async availability(productIds: readonly number[]): Promise<ProductAvailability[]> {
      const levels = await stockOf(productIds);
      return levels.map((level) => ({ ...level, available: level.onHand - level.reserved }));
    },

    async reserve({ checkoutId, items, ttlSeconds }: ReserveRequest): Promise<CheckoutReservation> {
      const basket = items.toSorted((a, b) => a.productId - b.productId);
      await stockOf(basket.map((item) => item.productId));
      const expiresAt = new Date(now().getTime() + (ttlSeconds ?? defaultTtlSeconds) * 1_000);
      const locking = { holdMs: await contendedLockHoldMs(), timeoutMs: lockTimeoutMs };
      const result = await repository.reserveBasket(checkoutId, basket, expiresAt, locking);
      if (result.kind === "reserved" || result.kind === "short") recordLockTiming(result.lock);
      switch (result.kind) {
        case "reserved": {
          const reservation = toCheckoutReservation(checkoutId, result.rows, now());
          if (!reservation) throw new Error(`reserve of checkout ${checkoutId} returned no rows`);
          return reservation;
        }
        case "already-reserved":
          return replay(checkoutId, result.rows, basket);
        case "short": {
          const { productId, requested, available } = result;
          // A sold-out product is the shop working as intended: info, not an error.
          logger.info(
            { checkoutId, [ATTR.PRODUCT_ID]: productId, requested, available },
            `reservation refused: product ${String(productId)} has ${String(available)} of ${String(requested)} units`,
          );
          recordOutcome("out_of_stock", { [ATTR.PRODUCT_ID]: productId });
          throw new DomainError(
            "OUT_OF_STOCK",
            `Only ${String(available)} ${plural(available, "unit")} of product ${String(productId)} left`,
            { details: { productId, requested, available } },
          );
        }
        case "lock-timeout": {
          // Other checkouts held these rows for too long: a failure of this call (the shopper may
          // retry), unlike a sold-out product; nothing was reserved.
          recordLockTimeout(result.waitedMs);
          const { productIds } = result;
          throw new DomainError(
            "DEPENDENCY_TIMEOUT",
            `The stock of ${plural(productIds.length, "product")} ${productIds.join(", ")} stayed locked by other checkouts for over ${String(lockTimeoutMs)} ms; please try again`,
            { details: { productIds, lockTimeoutMs } },
          );
        }
      }
    },

    async commit(checkoutId: string): Promise<CheckoutReservation> {
      const at = now();
      const { rows } = await repository.commitCheckout(checkoutId, at);
      const reservation = toCheckoutReservation(checkoutId, rows, at);
      if (!reservation) {
        throw new DomainError("NOT_FOUND", `Checkout ${checkoutId} has no reservation`, {
          details: { checkoutId },
        });
      }
      // COMMITTED now, or by an earlier call: committing twice sells once.
      if (reservation.status !== "COMMITTED") throw conflict(checkoutId, reservation);
      return reservation;
    },

    async release(checkoutId: string): Promise<ReleaseResult> {
      const { rows, changed } = await repository.releaseCheckout(checkoutId);
      const reservation = toCheckoutReservation(checkoutId, rows, now()) ?? null;
      // Sold units cannot go back on sale; everything else ends released (or expired).
      if (reservation?.status === "COMMITTED") throw conflict(checkoutId, reservation);
      return { checkoutId, released: changed, reservation };
    },
  };
}

export type InventoryService = ReturnType<typeof createInventoryService>;
