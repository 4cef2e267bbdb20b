// Settling the charges a dead checkout left behind, in-process against a real PostgreSQL: which
// payments count as orphans (captured, no order, old enough), which get linked and which refunded,
// that a second sweep changes nothing, and that two sweeps at once settle each orphan once.
import { describe, expect, it } from "vitest";
import { chargeOf } from "../test/charges.ts";
import { inProcessPayment } from "../test/in-process-payment.ts";
import { settleOrphanCharges } from "./settle-orphan-charges.ts";

const ORPHAN_AGE_MS = 10 * 60_000;

const shop = inProcessPayment();

async function charge(number = "4242424242424242") {
  const input = chargeOf(number);
  await shop.payment.charge(input);
  return input.idempotencyKey;
}

/** As if the charge had been made an hour ago. */
async function age(...keys: string[]) {
  await shop.db.$executeRaw`
    update payments set created_at = now() - interval '1 hour' where idempotency_key = any(${keys})`;
}

const settle = () => settleOrphanCharges(shop.db, new Date(Date.now() - ORPHAN_AGE_MS));

const payments = async (keys: string[]) =>
  Object.fromEntries(
    (
      await shop.db.payment.findMany({
        where: { idempotencyKey: { in: keys } },
        select: { idempotencyKey: true, status: true, orderId: true },
      })
    ).map((row) => [row.idempotencyKey, { status: row.status, orderId: row.orderId }]),
  );

describe("settling orphaned charges", () => {
  it("links an old charge to the order its checkout made, refunds one without an order, leaves the rest", async () => {
    const abandoned = await charge();
    const ordered = await charge();
    const orderId = await shop.orders.createOrder(4_999, ordered);
    const fresh = await charge();
    const linkedAlready = await charge();
    const linkedOrder = await shop.orders.createOrder(4_999, linkedAlready);
    await shop.payment.linkOrder({ idempotencyKey: linkedAlready, orderId: linkedOrder });
    const declined = await charge("4000000000000002");
    const refundedAlready = await charge();
    await shop.payment.refund({ idempotencyKey: refundedAlready });
    await age(abandoned, ordered, linkedAlready, declined, refundedAlready);

    const result = await settle();
    expect(result.refunded.map((charge) => charge.idempotencyKey)).toEqual([abandoned]);
    expect(result.refunded[0]).toMatchObject({ amountMinor: 4_999, currency: "USD" });
    expect(result.linked.map((charge) => [charge.idempotencyKey, charge.orderId])).toEqual([
      [ordered, orderId],
    ]);
    expect(await payments([abandoned, ordered, fresh, linkedAlready, declined, refundedAlready])).toEqual({
      [abandoned]: { status: "REFUNDED", orderId: null },
      [ordered]: { status: "CAPTURED", orderId },
      [fresh]: { status: "CAPTURED", orderId: null },
      [linkedAlready]: { status: "CAPTURED", orderId: linkedOrder },
      [declined]: { status: "DECLINED", orderId: null },
      [refundedAlready]: { status: "REFUNDED", orderId: null },
    });

    // Settled is settled: the next sweep finds nothing of these.
    expect(await settle()).toEqual({ refunded: [], linked: [] });
    // A checkout retrying the refunded attempt is told so, and is never charged again.
    await expect(
      shop.payment.charge(chargeOf("4242424242424242", { idempotencyKey: abandoned })),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("settles each orphan once when two sweeps run at the same time", async () => {
    const keys = await Promise.all(Array.from({ length: 6 }, () => charge()));
    const withOrders = keys.slice(0, 2);
    for (const key of withOrders) await shop.orders.createOrder(4_999, key);
    await age(...keys);

    const [first, second] = await Promise.all([settle(), settle()]);
    const refunded = [...first.refunded, ...second.refunded].map((charge) => charge.idempotencyKey);
    const linked = [...first.linked, ...second.linked].map((charge) => charge.idempotencyKey);
    expect(refunded.toSorted()).toEqual(keys.slice(2).toSorted());
    expect(linked.toSorted()).toEqual(withOrders.toSorted());
  });
});
