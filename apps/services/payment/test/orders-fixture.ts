// Orders for linkOrder to point at. A customer and bare orders (no items): a payment only needs
// the order to exist. Everything is removed again by cleanUp(), payments that name them first
// (refunded, so none is left as a charge without an order).
import { randomUUID } from "node:crypto";
import type { DbClient } from "@shop/db";

export function ordersFixture(db: DbClient) {
  const orderIds: number[] = [];
  let customerId: number | undefined;

  async function customer(): Promise<number> {
    customerId ??= (
      await db.customer.create({
        data: { email: `payment-test-${randomUUID()}@example.com`, firstName: "Ada", lastName: "Lovelace" },
        select: { id: true },
      })
    ).id;
    return customerId;
  }

  return {
    /** A bare order; `idempotencyKey` names the checkout attempt (and so the payment) it came from. */
    async createOrder(totalMinor = 4_999, idempotencyKey = `order-${randomUUID()}`): Promise<number> {
      const suffix = randomUUID().replaceAll("-", "").slice(0, 8).toUpperCase();
      const order = await db.order.create({
        data: {
          number: `ORD-T${suffix.slice(1)}`,
          idempotencyKey,
          customerId: await customer(),
          email: "ada@example.com",
          currency: "USD",
          subtotalMinor: totalMinor,
          shippingMinor: 0,
          totalMinor,
          shipName: "Ada Lovelace",
          shipLine1: "12 St James's Square",
          shipCity: "London",
          shipPostalCode: "SW1Y 4JH",
          shipCountry: "GB",
        },
        select: { id: true },
      });
      orderIds.push(order.id);
      return order.id;
    },

    async cleanUp(): Promise<void> {
      // Refunded as they let go of their orders: a captured charge without an order left behind
      // would be an orphan the payment process's sweep settles in a later test.
      await db.payment.updateMany({
        where: { orderId: { in: orderIds } },
        data: { orderId: null, status: "REFUNDED" },
      });
      await db.order.deleteMany({ where: { id: { in: orderIds } } });
      if (customerId !== undefined) await db.customer.delete({ where: { id: customerId } });
    },
  };
}
