// Today's rates must be the ones the seed charged over its 90 days of history. The seed's
// `shippingCost` and `zoneOf` are private to packages/db/src/seed/order-history.ts, so this holds
// the two together twice: against a copy of them over a grid, and against every order the seed's
// own generator prices (exported), with the real catalog as seedDatabase runs it.
import { describe, expect, it } from "vitest";
import { catalog } from "../../../../packages/db/src/seed/catalog/index.ts";
import { generateOrderHistory } from "../../../../packages/db/src/seed/order-history.ts";
import { drawPeople } from "../../../../packages/db/src/seed/people.ts";
import { Random } from "../../../../packages/db/src/seed/random.ts";
import { CARRIER, shippingCostMinor, SHIPPING_METHODS, zoneOf } from "./rates.ts";
import type { ShippingMethod } from "./rates.ts";

// Copied verbatim from order-history.ts (not exported there). If the seed's rates change, the
// history check below fails even when this copy is stale.
const FREE_SHIPPING_FROM_MINOR = 7_500;
function seedZoneOf(country: string): { zone: string; multiplier: number; transitDays: number } {
  if (country === "US") return { zone: "domestic", multiplier: 1, transitDays: 4 };
  if (country === "CA" || country === "MX") return { zone: "north-america", multiplier: 1.8, transitDays: 7 };
  return { zone: "international", multiplier: 3, transitDays: 10 };
}
function seedShippingCost(method: ShippingMethod, subtotal: number, grams: number, multiplier: number) {
  const kilos = Math.ceil(grams / 1000);
  if (method === "STANDARD") {
    if (multiplier === 1 && subtotal >= FREE_SHIPPING_FROM_MINOR) return 0;
    return Math.round((599 + Math.max(0, kilos - 2) * 100) * multiplier);
  }
  return Math.round((1499 + Math.max(0, kilos - 1) * 175) * multiplier);
}

const countries = ["US", "CA", "MX", "GB", "DE", "FR", "NL", "AU", "JP"];
const weights = [
  1, 999, 1_000, 1_001, 1_999, 2_000, 2_001, 2_999, 3_000, 3_001, 7_250, 24_999, 99_999, 150_000,
];
const subtotals = [0, 1, 2_599, 7_499, 7_500, 7_501, 25_000, 100_000_000];

describe("the rates agree with the seed's", () => {
  it("over a grid of countries, weights and subtotals, for both methods", () => {
    const disagreements: string[] = [];
    for (const country of countries) {
      const zone = zoneOf(country);
      if (!zone) throw new Error(`${country} should be shipped to`);
      const seed = seedZoneOf(country);
      if (seed.zone !== zone) disagreements.push(`${country}: zone ${zone}, seed ${seed.zone}`);
      for (const totalGrams of weights) {
        for (const subtotalMinor of subtotals) {
          for (const method of SHIPPING_METHODS) {
            const ours = shippingCostMinor({ method, zone, totalGrams, subtotalMinor });
            const theirs = seedShippingCost(method, subtotalMinor, totalGrams, seed.multiplier);
            if (ours !== theirs) {
              disagreements.push(
                `${country} ${method} ${totalGrams} g ${subtotalMinor}: ${ours} vs ${theirs}`,
              );
            }
          }
        }
      }
    }
    expect(disagreements).toEqual([]);
  });

  it("on every order of the seeded history: zone, carrier and cost", () => {
    const products = catalog.flatMap((category) =>
      category.products.map((product) => ({ ...product, categorySlug: category.slug })),
    );
    const gramsBySlug = new Map(products.map((product) => [product.slug, product.weightGrams]));
    // seedDatabase's inputs: SEED (20_261_126) for the people, SEED + 1 for the history.
    const { orders } = generateOrderHistory({
      seed: 20_261_127,
      end: new Date("2026-11-26T00:00:00Z"),
      orderCount: 20_000,
      products,
      customers: drawPeople(new Random(20_261_126), 600),
    });

    const disagreements: string[] = [];
    let checked = 0;
    for (const order of orders) {
      if (!order.shipment) continue;
      const zone = zoneOf(order.shipCountry);
      const totalGrams = order.items.reduce(
        (sum, item) => sum + (gramsBySlug.get(item.productSlug) ?? Number.NaN) * item.quantity,
        0,
      );
      const { method } = order.shipment;
      const costMinor =
        zone && shippingCostMinor({ method, zone, totalGrams, subtotalMinor: order.subtotalMinor });
      checked++;
      if (
        zone !== order.shipment.zone ||
        costMinor !== order.shipment.costMinor ||
        CARRIER[method] !== order.shipment.carrier
      ) {
        disagreements.push(
          `${order.number} ${order.shipCountry} ${method}: ${String(zone)} ${String(costMinor)}, seed ${order.shipment.zone} ${order.shipment.costMinor}`,
        );
      }
    }
    expect(disagreements.slice(0, 10)).toEqual([]);
    // The history covers every method, zone and the free-shipping rule.
    const shipments = orders.flatMap((order) => (order.shipment ? [order.shipment] : []));
    expect(checked).toBeGreaterThan(19_000);
    expect(new Set(shipments.map((s) => `${s.zone} ${s.method}`)).size).toBe(6);
    expect(shipments.some((s) => s.costMinor === 0)).toBe(true);
  });
});
