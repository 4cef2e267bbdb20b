// What happens to a payment after its charge: refunded when checkout cannot create the order,
// linked to the order when it can. In-process (createCaller) against a real PostgreSQL, with
// orders of the tests' own for the payments to name.
import { describe, expect, it } from "vitest";
import { chargeOf, paymentKey } from "../test/charges.ts";
import { inProcessPayment } from "../test/in-process-payment.ts";

const shop = inProcessPayment();

async function captured(amountMinor = 4_999) {
  const input = chargeOf("4242424242424242", { amountMinor });
  const result = await shop.payment.charge(input);
  expect(result.status).toBe("CAPTURED");
  return { idempotencyKey: input.idempotencyKey, paymentId: result.paymentId };
}

describe("refund", () => {
  it("turns a captured payment into a refunded one, once however often it is asked", async () => {
    const { idempotencyKey, paymentId } = await captured(7_500);

    const refunded = await shop.payment.refund({ idempotencyKey });
    expect(refunded).toMatchObject({ paymentId, idempotencyKey, status: "REFUNDED", amountMinor: 7_500 });
    expect(await shop.payment.refund({ idempotencyKey })).toEqual(refunded);
    expect(await shop.payment.get({ idempotencyKey })).toEqual(refunded);
  });

  it("refunds concurrent requests once", async () => {
    const { idempotencyKey } = await captured();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => shop.payment.refund({ idempotencyKey })),
    );
    expect(results.map((result) => result.status)).toEqual(Array(5).fill("REFUNDED"));
  });

  it("answers NOT_FOUND for a key that never charged", async () => {
    const idempotencyKey = paymentKey("never");
    await expect(shop.payment.refund({ idempotencyKey })).rejects.toMatchObject({
      code: "NOT_FOUND",
      details: { idempotencyKey },
    });
  });

  it.each([
    ["4000000000000002", "DECLINED"],
    ["4000000000000119", "FAILED"],
  ])("refuses to refund a charge that took nothing (%s, %s): CONFLICT", async (number, status) => {
    const input = chargeOf(number);
    await shop.payment.charge(input);
    await expect(shop.payment.refund({ idempotencyKey: input.idempotencyKey })).rejects.toMatchObject({
      code: "CONFLICT",
      message: `Payment ${input.idempotencyKey} is ${status.toLowerCase()}: nothing to refund`,
      details: { idempotencyKey: input.idempotencyKey, status },
    });
    expect((await shop.payment.get({ idempotencyKey: input.idempotencyKey })).status).toBe(status);
  });
});

describe("linkOrder", () => {
  it("records the order a captured payment paid for; the same order again changes nothing", async () => {
    const { idempotencyKey, paymentId } = await captured();
    const orderId = await shop.orders.createOrder();

    const linked = await shop.payment.linkOrder({ idempotencyKey, orderId });
    expect(linked).toMatchObject({ paymentId, status: "CAPTURED", orderId });
    expect(await shop.payment.linkOrder({ idempotencyKey, orderId })).toEqual(linked);
    expect(
      await shop.db.order.findUnique({
        where: { id: orderId },
        select: { payment: { select: { id: true } } },
      }),
    ).toEqual({ payment: { id: paymentId } });
  });

  it("refuses another order once one is recorded: CONFLICT", async () => {
    const { idempotencyKey } = await captured();
    const [first, second] = [await shop.orders.createOrder(), await shop.orders.createOrder()];
    await shop.payment.linkOrder({ idempotencyKey, orderId: first });

    await expect(shop.payment.linkOrder({ idempotencyKey, orderId: second })).rejects.toMatchObject({
      code: "CONFLICT",
      message: `Payment ${idempotencyKey} already paid for order ${String(first)}`,
    });
    expect((await shop.payment.get({ idempotencyKey })).orderId).toBe(first);
  });

  it("refuses an order another payment paid for: CONFLICT, even when both race for it", async () => {
    const orderId = await shop.orders.createOrder();
    const [a, b] = [await captured(), await captured()];

    const results = await Promise.allSettled([
      shop.payment.linkOrder({ idempotencyKey: a.idempotencyKey, orderId }),
      shop.payment.linkOrder({ idempotencyKey: b.idempotencyKey, orderId }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.find((result) => result.status === "rejected")).toMatchObject({
      reason: { code: "CONFLICT", message: `Order ${String(orderId)} was paid by another payment` },
    });
  });

  it("refuses a declined payment: it paid for nothing", async () => {
    const input = chargeOf("4000000000009979");
    await shop.payment.charge(input);
    const orderId = await shop.orders.createOrder();
    await expect(
      shop.payment.linkOrder({ idempotencyKey: input.idempotencyKey, orderId }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      details: { status: "DECLINED" },
    });
  });

  it("refuses a refunded payment that names no order yet", async () => {
    const { idempotencyKey } = await captured();
    await shop.payment.refund({ idempotencyKey });
    const orderId = await shop.orders.createOrder();
    await expect(shop.payment.linkOrder({ idempotencyKey, orderId })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { status: "REFUNDED" },
    });
  });

  it("answers NOT_FOUND for an unknown payment or an unknown order", async () => {
    const orderId = await shop.orders.createOrder();
    await expect(
      shop.payment.linkOrder({ idempotencyKey: paymentKey("never"), orderId }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const { idempotencyKey } = await captured();
    await expect(shop.payment.linkOrder({ idempotencyKey, orderId: 2_147_483_000 })).rejects.toMatchObject({
      code: "NOT_FOUND",
      details: { orderId: 2_147_483_000 },
    });
  });
});

describe("get", () => {
  it("answers the stored attempt: brand, last four, status, amount and reason", async () => {
    const input = chargeOf("4000000000000127", { amountMinor: 1_250, currency: "GBP" });
    const { paymentId } = await shop.payment.charge(input);

    expect(await shop.payment.get({ idempotencyKey: input.idempotencyKey })).toEqual({
      paymentId,
      idempotencyKey: input.idempotencyKey,
      status: "DECLINED",
      amountMinor: 1_250,
      currency: "GBP",
      brand: "VISA",
      last4: "0127",
      reason: "INCORRECT_CVC",
      processorRef: null,
      orderId: null,
      createdAt: expect.any(Date) as Date,
    });
  });
});
