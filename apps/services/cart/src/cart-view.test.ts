// The rules of what a shopper sees, without Redis or a catalog: prices, totals and warnings.
import { describe, expect, it } from "vitest";
import { abandonedCart } from "./abandoned-carts.ts";
import { cartView } from "./cart-view.ts";
import type { CatalogProduct } from "./product-catalog.ts";

function product(id: number, priceMinor: number, available: number): CatalogProduct {
  return {
    id,
    slug: `p-${String(id)}`,
    name: `Product ${String(id)}`,
    image: `products/p-${String(id)}.svg`,
    priceMinor,
    currency: "EUR",
    available,
  };
}

const expiresAt = new Date("2026-11-26T12:00:00Z");

describe("cartView", () => {
  it("prices each line, and totals units and the lines the shop can sell", () => {
    const products = new Map([
      [1, product(1, 1_000, 50)],
      [2, product(2, 250, 4)],
      [3, product(3, 999, 0)],
    ]);
    const view = cartView(
      "cart-0000000000000001",
      {
        lines: [
          { productId: 1, quantity: 2 },
          { productId: 2, quantity: 6 },
          { productId: 3, quantity: 1 },
          { productId: 4, quantity: 1 },
        ],
        expiresAt,
      },
      products,
    );

    expect(
      view.lines.map(({ productId, lineTotalMinor, warning }) => ({ productId, lineTotalMinor, warning })),
    ).toEqual([
      { productId: 1, lineTotalMinor: 2_000, warning: null },
      { productId: 2, lineTotalMinor: 1_500, warning: "only 4 left" },
      { productId: 3, lineTotalMinor: 999, warning: "no longer available" },
      { productId: 4, lineTotalMinor: 0, warning: "no longer available" },
    ]);
    expect(view).toMatchObject({ itemCount: 10, subtotalMinor: 3_500, currency: "EUR", expiresAt });
  });

  it("says how few are left even when the line fits, once stock runs low", () => {
    const view = cartView(
      "cart-0000000000000001",
      { lines: [{ productId: 1, quantity: 1 }], expiresAt },
      new Map([[1, product(1, 100, 5)]]),
    );
    expect(view.lines[0]?.warning).toBe("only 5 left");
  });

  it("shows an empty cart in the shop's default currency", () => {
    expect(cartView("cart-0000000000000001", { lines: [], expiresAt: null }, new Map())).toEqual({
      cartId: "cart-0000000000000001",
      lines: [],
      itemCount: 0,
      subtotalMinor: 0,
      currency: "USD",
      expiresAt: null,
    });
  });
});

describe("abandonedCart", () => {
  it("values what was left at current prices; products no longer sold are worth nothing", () => {
    const lines = [
      { productId: 1, quantity: 3 },
      { productId: 2, quantity: 1 },
    ];
    expect(abandonedCart("c", lines, new Map([[1, product(1, 1_250, 0)]]))).toEqual({
      cartId: "c",
      items: 4,
      valueMinor: 3_750,
      currency: "EUR",
    });
  });
});
