import { describe, expect, it } from "vitest";
import { generateOrderHistory, HISTORY_DAYS } from "./order-history.ts";
import type { HistoryProduct } from "./order-history.ts";
import { drawPeople } from "./people.ts";
import { Random } from "./random.ts";

const products: HistoryProduct[] = Array.from({ length: 24 }, (_, i) => ({
  slug: `product-${i}`,
  name: `Product ${i}`,
  categorySlug: `category-${i % 3}`,
  priceMinor: 999 + i * 500,
  weightGrams: 300 + i * 120,
  popularity: i < 3 ? 95 : 5 + (i % 20),
}));
const customers = drawPeople(new Random(7), 200);
const end = new Date("2026-11-26T00:00:00.000Z");
const generate = (anchor = end, orderCount = 4_000) =>
  generateOrderHistory({ seed: 42, end: anchor, orderCount, products, customers });

describe("generateOrderHistory", () => {
  it("is deterministic for a given seed and anchor", () => {
    expect(JSON.stringify(generate())).toBe(JSON.stringify(generate()));
  });

  it("keeps order identities when the anchor moves, so re-seeding later inserts nothing new", () => {
    const today = generate();
    const nextWeek = generate(new Date(end.getTime() + 9 * 86_400_000));
    expect(nextWeek.orders.map((o) => o.number)).toEqual(today.orders.map((o) => o.number));
    expect(nextWeek.declined.map((d) => d.payment.idempotencyKey)).toEqual(
      today.declined.map((d) => d.payment.idempotencyKey),
    );
  });

  it("creates exactly the requested orders, inside the window, with unique numbers and keys", () => {
    const { orders } = generate();
    expect(orders).toHaveLength(4_000);
    const start = end.getTime() - HISTORY_DAYS * 86_400_000;
    for (const order of orders) {
      expect(order.createdAt.getTime()).toBeGreaterThanOrEqual(start);
      expect(order.createdAt.getTime()).toBeLessThan(end.getTime());
    }
    expect(new Set(orders.map((o) => o.number)).size).toBe(orders.length);
    expect(new Set(orders.map((o) => o.idempotencyKey)).size).toBe(orders.length);
    expect(orders.every((o) => /^ORD-[0-9A-HJKMNP-TV-Z]{8}$/.test(o.number))).toBe(true);
  });

  it("adds up: items to subtotal, subtotal and shipping to total, total to the payment", () => {
    for (const order of generate().orders) {
      const items = order.items.reduce((sum, item) => sum + item.unitPriceMinor * item.quantity, 0);
      expect(order.subtotalMinor).toBe(items);
      expect(order.totalMinor).toBe(order.subtotalMinor + order.shippingMinor);
      expect(order.payment.amountMinor).toBe(order.totalMinor);
      expect(new Set(order.items.map((i) => i.productSlug)).size).toBe(order.items.length);
    }
  });

  it("has a realistic shape: bestsellers, small baskets, busier evenings and weekends, some declines", () => {
    const { orders, declined } = generate();
    const sold = new Map<string, number>();
    for (const order of orders)
      for (const item of order.items) sold.set(item.productSlug, (sold.get(item.productSlug) ?? 0) + 1);
    expect(sold.get("product-0") ?? 0).toBeGreaterThan(5 * (sold.get("product-5") ?? 0));

    const sizes = orders.map((o) => o.items.length);
    expect(sizes.filter((n) => n === 1).length / sizes.length).toBeGreaterThan(0.3);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(7);

    const byHour = (h: number) => orders.filter((o) => o.createdAt.getUTCHours() === h).length;
    expect(byHour(20)).toBeGreaterThan(4 * byHour(3));
    const byDay = (d: number) => orders.filter((o) => o.createdAt.getUTCDay() === d).length;
    expect(byDay(6)).toBeGreaterThan(byDay(2));

    const rate = declined.length / (orders.length + declined.length);
    expect(rate).toBeGreaterThan(0.02);
    expect(rate).toBeLessThan(0.08);
    expect(declined.every((d) => d.payment.declineReason !== null && d.payment.processorRef === null)).toBe(
      true,
    );
  });

  it("only ships what was not cancelled, and delivery follows shipping", () => {
    for (const order of generate().orders) {
      if (order.status === "CANCELLED") expect(order.shipment).toBeNull();
      else expect(order.shipment?.costMinor).toBe(order.shippingMinor);
      if (order.shipment?.deliveredAt && order.shipment.shippedAt) {
        expect(order.shipment.deliveredAt.getTime()).toBeGreaterThan(order.shipment.shippedAt.getTime());
      }
    }
  });
});
