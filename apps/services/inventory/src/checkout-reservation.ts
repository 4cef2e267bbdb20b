// A checkout's reservation as callers see it: one status for the whole basket. The rows of one
// checkout are created, committed and released together and share one expiry, so they agree
// except at two moments resolved here: an ACTIVE row past its expiry that no sweep has reached
// yet is already expired (the expiry is a deadline, not whenever the sweeper next runs), and a
// sweep that splits a checkout across batches leaves ACTIVE and EXPIRED rows side by side.
import type { ReservationStatus } from "@shop/db";

export interface ReservedItem {
  productId: number;
  quantity: number;
}

export interface ReservationRow extends ReservedItem {
  status: ReservationStatus;
  expiresAt: Date;
}

export interface CheckoutReservation {
  checkoutId: string;
  status: ReservationStatus;
  expiresAt: Date;
  items: ReservedItem[];
}

// Which status names the checkout when its rows disagree. COMMITTED never shares a checkout with
// another status (commit is all or nothing); an expired row means the whole basket has expired.
const PRECEDENCE: readonly ReservationStatus[] = ["COMMITTED", "EXPIRED", "RELEASED", "ACTIVE"];

export function effectiveStatus(row: ReservationRow, now: Date): ReservationStatus {
  return row.status === "ACTIVE" && row.expiresAt.getTime() <= now.getTime() ? "EXPIRED" : row.status;
}

/** The checkout's reservation, or undefined when it has none. */
export function toCheckoutReservation(
  checkoutId: string,
  rows: readonly ReservationRow[],
  now: Date,
): CheckoutReservation | undefined {
  const first = rows[0];
  if (!first) return undefined;
  const statuses = new Set(rows.map((row) => effectiveStatus(row, now)));
  return {
    checkoutId,
    status: PRECEDENCE.find((status) => statuses.has(status)) ?? first.status,
    expiresAt: new Date(Math.min(...rows.map((row) => row.expiresAt.getTime()))),
    items: rows
      .map(({ productId, quantity }) => ({ productId, quantity }))
      .sort((a, b) => a.productId - b.productId),
  };
}

/** Whether a retried reserve asks for exactly what the checkout already holds. */
export function isSameBasket(rows: readonly ReservedItem[], items: readonly ReservedItem[]): boolean {
  if (rows.length !== items.length) return false;
  const held = new Map(rows.map((row) => [row.productId, row.quantity]));
  return items.every((item) => held.get(item.productId) === item.quantity);
}
