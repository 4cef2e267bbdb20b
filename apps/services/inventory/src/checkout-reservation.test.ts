import { describe, expect, it } from "vitest";
import { isSameBasket, toCheckoutReservation } from "./checkout-reservation.ts";
import type { ReservationRow } from "./checkout-reservation.ts";

const now = new Date("2026-11-26T12:00:00Z");
const expiresAt = new Date("2026-11-26T12:15:00Z");
const row = (productId: number, status: ReservationRow["status"], at = expiresAt): ReservationRow => ({
  productId,
  quantity: productId,
  status,
  expiresAt: at,
});

describe("a checkout's reservation", () => {
  it("is undefined when the checkout holds nothing", () => {
    expect(toCheckoutReservation("c-1", [], now)).toBeUndefined();
  });

  it("lists items by product id under the rows' common status and expiry", () => {
    expect(toCheckoutReservation("c-1", [row(7, "ACTIVE"), row(3, "ACTIVE")], now)).toEqual({
      checkoutId: "c-1",
      status: "ACTIVE",
      expiresAt,
      items: [
        { productId: 3, quantity: 3 },
        { productId: 7, quantity: 7 },
      ],
    });
  });

  it("is expired from its deadline on, before any sweep", () => {
    expect(toCheckoutReservation("c-1", [row(1, "ACTIVE")], expiresAt)?.status).toBe("EXPIRED");
    expect(toCheckoutReservation("c-1", [row(1, "COMMITTED")], expiresAt)?.status).toBe("COMMITTED");
  });

  it("is expired while a sweep has reached only part of it", () => {
    const past = new Date("2026-11-26T11:59:00Z");
    expect(toCheckoutReservation("c-1", [row(1, "EXPIRED", past), row(2, "ACTIVE", past)], now)?.status).toBe(
      "EXPIRED",
    );
  });
});

describe("a retried basket", () => {
  it("is the same basket only with the same products in the same quantities, in any order", () => {
    const held = [
      { productId: 1, quantity: 2 },
      { productId: 5, quantity: 1 },
    ];
    expect(isSameBasket(held, held.toReversed())).toBe(true);
    expect(isSameBasket(held, [{ productId: 1, quantity: 2 }])).toBe(false);
    expect(
      isSameBasket(held, [
        { productId: 1, quantity: 2 },
        { productId: 5, quantity: 2 },
      ]),
    ).toBe(false);
    expect(isSameBasket(held, [...held, { productId: 9, quantity: 1 }])).toBe(false);
  });
});
