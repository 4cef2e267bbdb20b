// Settling the charges a dead checkout left behind, in-process against a real PostgreSQL: which
// payments count as orphans (captured, no order, untouched long enough), which get linked and
// which refunded, that a retried checkout keeps its charge, that a sweep leaves rows someone holds
// alone, that two sweeps at once settle each orphan once, and that a sweep finds its candidates
// through the partial index of unclaimed captures. Every sweep covers the whole table, so results
// are read for the test's own keys only.
import { describe, expect, it } from "vitest";
import { chargeOf } from "../test/charges.ts";
import { inProcessPayment } from "../test/in-process-payment.ts";
import { Prisma } from "@shop/db";
import { linkOrphansQuery, refundOrphansQuery, settleOrphanCharges } from "./settle-orphan-charges.ts";
import type { SettleResult } from "./settle-orphan-charges.ts";

const ORPHAN_AGE_MS = 10 * 60_000;

const shop = inProcessPayment();

async function charge(number = "4242424242424242") {
  const input = chargeOf(number);
  await shop.payment.charge(input);
  return input;
}

async function charges(count: number) {
  return Promise.all(Array.from({ length: count }, async () => (await charge()).idempotencyKey));
}

/** As if the charge had been made, and last touched, an hour ago. */
async function age(...keys: string[]) {
  await shop.db.$executeRaw`
    update payments set created_at = now() - interval '1 hour', updated_at = now() - interval '1 hour'
     where idempotency_key = any(${keys})`;
}

/** One sweep, as the service runs it, reduced to what it did to `keys`. */
async function settle(keys: string[]) {
  return mine(await settleOrphanCharges(shop.db, new Date(Date.now() - ORPHAN_AGE_MS)), keys);
}

function mine(result: SettleResult, keys: string[]) {
  const ours = (charge: { idempotencyKey: string }) => keys.includes(charge.idempotencyKey);
  return {
    refunded: result.refunded.filter(ours).map((charge) => charge.idempotencyKey),
    linked: result.linked.filter(ours).map((charge) => [charge.idempotencyKey, charge.orderId] as const),
  };
}

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
    const abandoned = (await charge()).idempotencyKey;
    const ordered = (await charge()).idempotencyKey;
    const orderId = await shop.orders.createOrder(4_999, ordered);
    const fresh = (await charge()).idempotencyKey;
    const linkedAlready = (await charge()).idempotencyKey;
    const linkedOrder = await shop.orders.createOrder(4_999, linkedAlready);
    await shop.payment.linkOrder({ idempotencyKey: linkedAlready, orderId: linkedOrder });
    const declined = (await charge("4000000000000002")).idempotencyKey;
    const refundedAlready = (await charge()).idempotencyKey;
    await shop.payment.refund({ idempotencyKey: refundedAlready });
    await age(abandoned, ordered, linkedAlready, declined, refundedAlready);
    const keys = [abandoned, ordered, fresh, linkedAlready, declined, refundedAlready];

    const result = await settleOrphanCharges(shop.db, new Date(Date.now() - ORPHAN_AGE_MS));
    expect(result.refunded.find((charge) => charge.idempotencyKey === abandoned)).toMatchObject({
      amountMinor: 4_999,
      currency: "USD",
    });
    expect(mine(result, keys)).toEqual({ refunded: [abandoned], linked: [[ordered, orderId]] });
    expect(await payments(keys)).toEqual({
      [abandoned]: { status: "REFUNDED", orderId: null },
      [ordered]: { status: "CAPTURED", orderId },
      [fresh]: { status: "CAPTURED", orderId: null },
      [linkedAlready]: { status: "CAPTURED", orderId: linkedOrder },
      [declined]: { status: "DECLINED", orderId: null },
      [refundedAlready]: { status: "REFUNDED", orderId: null },
    });

    // Settled is settled: the next sweep finds nothing of these.
    expect(await settle(keys)).toEqual({ refunded: [], linked: [] });
    // A checkout retrying the refunded attempt is told so, and is never charged again.
    await expect(
      shop.payment.charge(chargeOf("4242424242424242", { idempotencyKey: abandoned })),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("keeps a charge a retried checkout has just been answered with, however old", async () => {
    const input = await charge();
    await age(input.idempotencyKey);
    // The shopper presses "Place order" again: the charge is replayed, and the order comes next.
    expect(await shop.payment.charge(input)).toMatchObject({ status: "CAPTURED" });

    expect(await settle([input.idempotencyKey])).toEqual({ refunded: [], linked: [] });
    const orderId = await shop.orders.createOrder(4_999, input.idempotencyKey);
    expect(await shop.payment.linkOrder({ idempotencyKey: input.idempotencyKey, orderId })).toMatchObject({
      status: "CAPTURED",
      orderId,
    });
  });

  it("refunds a charge whose order another payment already paid", async () => {
    const orphan = (await charge()).idempotencyKey;
    const other = (await charge()).idempotencyKey;
    const orderId = await shop.orders.createOrder(4_999, orphan);
    await shop.payment.linkOrder({ idempotencyKey: other, orderId });
    await age(orphan, other);

    expect(await settle([orphan, other])).toEqual({ refunded: [orphan], linked: [] });
    expect(await payments([orphan, other])).toEqual({
      [orphan]: { status: "REFUNDED", orderId: null },
      [other]: { status: "CAPTURED", orderId },
    });
  });

  it("leaves the payments another transaction holds to it, and settles them once it lets go", async () => {
    const keys = await charges(4);
    const held = keys.slice(0, 2);
    await age(...keys);

    const released = Promise.withResolvers<undefined>();
    const holding = Promise.withResolvers<undefined>();
    const holder = shop.db.$transaction(async (tx) => {
      await tx.$queryRaw`select id from payments where idempotency_key = any(${held}) for update`;
      holding.resolve(undefined);
      await released.promise;
    });
    await holding.promise;
    const during = await settle(keys);
    released.resolve(undefined);
    await holder;

    expect(during.refunded.toSorted()).toEqual(keys.slice(2).toSorted());
    const after = await settle(keys);
    expect(after.refunded.toSorted()).toEqual(held.toSorted());
    expect(after.linked).toEqual([]);
  });

  it("settles each orphan once when two sweeps run at the same time", async () => {
    const keys = await charges(6);
    const withOrders = keys.slice(0, 2);
    for (const key of withOrders) await shop.orders.createOrder(4_999, key);
    await age(...keys);

    const [first, second] = await Promise.all([settle(keys), settle(keys)]);
    expect([...first.refunded, ...second.refunded].toSorted()).toEqual(keys.slice(2).toSorted());
    expect([...first.linked, ...second.linked].map(([key]) => key).toSorted()).toEqual(withOrders.toSorted());
  });

  it("links a charge that waits behind a whole batch of charges to refund, and never refunds it", async () => {
    // The link looks at the oldest `batchSize` unclaimed charges only: here, two to refund. The
    // refund of the same sweep settles them, so a later sweep reaches the charge behind them.
    const toRefund = await charges(2);
    const ordered = (await charge()).idempotencyKey;
    const orderId = await shop.orders.createOrder(4_999, ordered);
    await shop.db.$executeRaw`
      update payments set created_at = now() - interval '2 hours', updated_at = now() - interval '2 hours'
       where idempotency_key = any(${toRefund})`;
    await age(ordered);
    const keys = [...toRefund, ordered];

    // Other tests' leftovers may be older still: each sweep settles two more of them at most.
    const settled = { refunded: [] as string[], linked: [] as (readonly [string, number])[] };
    for (let sweep = 0; sweep < 10 && settled.linked.length === 0; sweep++) {
      const result = mine(await settleOrphanCharges(shop.db, new Date(Date.now() - ORPHAN_AGE_MS), 2), keys);
      settled.refunded.push(...result.refunded);
      settled.linked.push(...result.linked);
    }
    expect(settled.linked).toEqual([[ordered, orderId]]);
    expect(settled.refunded.toSorted()).toEqual(toRefund.toSorted());
  });

  it("finds its candidates through the index of unclaimed captures, not every charge ever captured", async () => {
    const untouchedSince = new Date(Date.now() - ORPHAN_AGE_MS);
    for (const query of [linkOrphansQuery(untouchedSince, 200), refundOrphansQuery(untouchedSince, 200)]) {
      const plan = await shop.db.$transaction(async (tx) => {
        // The test table is small enough that a planner may prefer a scan; ask what it would do
        // if scans were expensive, which is the production-sized question.
        await tx.$executeRaw`set local enable_seqscan = off`;
        return tx.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`explain ${query}`);
      });
      // An index scan or a bitmap index scan: either names the index.
      expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toMatch(/payments_unclaimed_captures_idx/);
    }
  });
});
