// What happens to a payment after its charge: refunded when checkout cannot create the order,
// linked to the order when it can. In-process (createCaller) against a real PostgreSQL, with
// orders of the tests' own for the payments to name.
import { createDbClient } from "@shop/db";
import type { DbClient } from "@shop/db";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { chargeOf, paymentKey, TEST_NOW } from "../test/charges.ts";
import { observedProcessor } from "../test/observed-processor.ts";
import { ordersFixture } from "../test/orders-fixture.ts";
import { createPaymentRouter } from "./router.ts";
import { createCallerFactory } from "./trpc.ts";

let db: DbClient;
let orders: ReturnType<typeof ordersFixture>;
let payment: ReturnType<typeof paymentCaller>;

function paymentCaller() {
  return createCallerFactory(
    createPaymentRouter({ db, processor: observedProcessor().processor, now: () => TEST_NOW }),
  )({});
}

beforeAll(() => {
  db = createDbClient({ connectionString: inject("databaseUrl"), poolMax: 4 });
  orders = ordersFixture(db);
  payment = paymentCaller();
});

afterAll(async () => {
  await orders.cleanUp();
  await db.$disconnect();
});

async function captured(amountMinor = 4_999) {
  const input = chargeOf("4242424242424242", { amountMinor });
  const result = await payment.charge(input);
  expect(result.status).toBe("CAPTURED");
  return { idempotencyKey: input.idempotencyKey, paymentId: result.paymentId };
}

describe("refund", () => {
  it("turns a captured payment into a refunded one, once however often it is asked", async () => {
    const { idempotencyKey, paymentId } = await captured(7_500);

    const refunded = await payment.refund({ idempotencyKey });
    expect(refunded).toMatchObject({ paymentId, idempotencyKey, status: "REFUNDED", amountMinor: 7_500 });
    expect(await payment.refund({ idempotencyKey })).toEqual(refunded);
    expect(await payment.get({ idempotencyKey })).toEqual(refunded);
  });

  it("refunds concurrent requests once", async () => {
    const { idempotencyKey } = await captured();
    const results = await Promise.all(Array.from({ length: 5 }, () => payment.refund({ idempotencyKey })));
    expect(results.map((result) => result.status)).toEqual(Array(5).fill("REFUNDED"));
  });

  it("answers NOT_FOUND for a key that never charged", async () => {
    const idempotencyKey = paymentKey("never");
    await expect(payment.refund({ idempotencyKey })).rejects.toMatchObject({
      code: "NOT_FOUND",
      details: { idempotencyKey },
    });
  });

  it.each([
    ["4000000000000002", "DECLINED"],
    ["4000000000000119", "FAILED"],
  ])("refuses to refund a charge that took nothing (%s, %s): CONFLICT", async (number, status) => {
    const input = chargeOf(number);
    await payment.charge(input);
    await expect(payment.refund({ idempotencyKey: input.idempotencyKey })).rejects.toMatchObject({
      code: "CONFLICT",
      message: `Payment ${input.idempotencyKey} is ${status.toLowerCase()}: nothing to refund`,
      details: { idempotencyKey: input.idempotencyKey, status },
    });
    expect((await payment.get({ idempotencyKey: input.idempotencyKey })).status).toBe(status);
  });
});

describe("linkOrder", () => {
  it("records the order a captured payment paid for; the same order again changes nothing", async () => {
    const { idempotencyKey, paymentId } = await captured();
    const orderId = await orders.createOrder();

    const linked = await payment.linkOrder({ idempotencyKey, orderId });
    expect(linked).toMatchObject({ paymentId, status: "CAPTURED", orderId });
    expect(await payment.linkOrder({ idempotencyKey, orderId })).toEqual(linked);
    expect(
      await db.order.findUnique({ where: { id: orderId }, select: { payment: { select: { id: true } } } }),
    ).toEqual({ payment: { id: paymentId } });
  });

  it("refuses another order once one is recorded: CONFLICT", async () => {
    const { idempotencyKey } = await captured();
    const [first, second] = [await orders.createOrder(), await orders.createOrder()];
    await payment.linkOrder({ idempotencyKey, orderId: first });

    await expect(payment.linkOrder({ idempotencyKey, orderId: second })).rejects.toMatchObject({
      code: "CONFLICT",
      message: `Payment ${idempotencyKey} already paid for order ${String(first)}`,
    });
    expect((await payment.get({ idempotencyKey })).orderId).toBe(first);
  });

  it("refuses an order another payment paid for: CONFLICT, even when both race for it", async () => {
    const orderId = await orders.createOrder();
    const [a, b] = [await captured(), await captured()];

    const results = await Promise.allSettled([
      payment.linkOrder({ idempotencyKey: a.idempotencyKey, orderId }),
      payment.linkOrder({ idempotencyKey: b.idempotencyKey, orderId }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.find((result) => result.status === "rejected")).toMatchObject({
      reason: { code: "CONFLICT", message: `Order ${String(orderId)} was paid by another payment` },
    });
  });

  it("refuses a declined payment: it paid for nothing", async () => {
    const input = chargeOf("4000000000009979");
    await payment.charge(input);
    const orderId = await orders.createOrder();
    await expect(payment.linkOrder({ idempotencyKey: input.idempotencyKey, orderId })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { status: "DECLINED" },
    });
  });

  it("refuses a refunded payment that names no order yet", async () => {
    const { idempotencyKey } = await captured();
    await payment.refund({ idempotencyKey });
    const orderId = await orders.createOrder();
    await expect(payment.linkOrder({ idempotencyKey, orderId })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { status: "REFUNDED" },
    });
  });

  it("answers NOT_FOUND for an unknown payment or an unknown order", async () => {
    const orderId = await orders.createOrder();
    await expect(payment.linkOrder({ idempotencyKey: paymentKey("never"), orderId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const { idempotencyKey } = await captured();
    await expect(payment.linkOrder({ idempotencyKey, orderId: 2_147_483_000 })).rejects.toMatchObject({
      code: "NOT_FOUND",
      details: { orderId: 2_147_483_000 },
    });
  });
});

describe("get", () => {
  it("answers the stored attempt: brand, last four, status, amount and reason", async () => {
    const input = chargeOf("4000000000000127", { amountMinor: 1_250, currency: "GBP" });
    const { paymentId } = await payment.charge(input);

    expect(await payment.get({ idempotencyKey: input.idempotencyKey })).toEqual({
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
