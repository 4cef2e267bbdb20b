// One key, one charge: retries and concurrent duplicates over real HTTP (the service's server and
// a typed client, as checkout will call it) against real PostgreSQL. The processor is observed, so
// "charged once" is counted at the processor, not inferred from the answers.
import { createDbClient } from "@shop/db";
import type { DbClient } from "@shop/db";
import { createServiceClient, startServiceServer } from "@shop/service-kit";
import type { ServiceErrorData, ServiceServer } from "@shop/service-kit";
import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { chargeOf, paymentKey, TEST_NOW } from "../test/charges.ts";
import { observedProcessor } from "../test/observed-processor.ts";
import { waitFor } from "../test/wait-for.ts";
import { createPaymentRouter } from "./router.ts";
import type { PaymentRouter } from "./router.ts";

let db: DbClient;
let server: ServiceServer;
let client: ReturnType<typeof createServiceClient<PaymentRouter>>;
let observed: ReturnType<typeof observedProcessor>;

function errorData(reason: unknown): ServiceErrorData {
  if (!(reason instanceof TRPCClientError)) throw reason;
  return reason.data as ServiceErrorData;
}

const rowsOf = (idempotencyKey: string) =>
  db.payment.findMany({ where: { idempotencyKey }, select: { id: true, status: true, processorRef: true } });

/** Backends of this test's database waiting for a lock: concurrent duplicates queue there. */
async function waitingOnLocks(): Promise<number> {
  const [row] = await db.$queryRaw<{ waiting: number }[]>`
    select count(*)::int as waiting from pg_stat_activity
     where datname = current_database() and wait_event_type = 'Lock'`;
  return row?.waiting ?? 0;
}

beforeAll(async () => {
  // Fewer connections than some bursts below, as in production: requests queue for the pool.
  db = createDbClient({ connectionString: inject("databaseUrl"), poolMax: 8 });
  observed = observedProcessor();
  server = await startServiceServer({
    name: "payment",
    router: createPaymentRouter({ db, processor: observed.processor, now: () => TEST_NOW }),
    port: 0,
  });
  client = createServiceClient<PaymentRouter>({ service: "payment", url: server.url, timeoutMs: 30_000 });
});

afterAll(async () => {
  await server.stop();
  await db.$disconnect();
});

describe("a retried charge", () => {
  it("answers with the first answer and never reaches the processor again", async () => {
    const input = chargeOf("4242424242424242");
    const first = await client.charge.mutate(input);
    const again = await client.charge.mutate(input);

    expect(again).toEqual(first);
    expect(observed.callsFor(input.idempotencyKey)).toBe(1);
    expect(await rowsOf(input.idempotencyKey)).toHaveLength(1);
  });

  it("repeats a decline as the same decline, from the same stored attempt", async () => {
    const input = chargeOf("4000000000000002");
    const first = await client.charge.mutate(input);
    const again = await client.charge.mutate(input);

    expect(first).toMatchObject({ status: "DECLINED", reason: "INSUFFICIENT_FUNDS" });
    expect(again).toEqual(first);
    expect(observed.callsFor(input.idempotencyKey)).toBe(1);
  });

  it("5 identical concurrent charges make one row, one processor reference, one authorization", async () => {
    const input = chargeOf("5555555555554444");
    // The first call holds its claim while the processor answers; the test lets it answer only
    // once the four others are queued behind that claim.
    const release = observed.hold(input.idempotencyKey);
    const calls = Promise.all(Array.from({ length: 5 }, () => client.charge.mutate(input)));
    await waitFor(waitingOnLocks, (waiting) => waiting >= 4, {
      description: "four charges queued on the key",
    });
    release();
    const results = await calls;

    expect(new Set(results.map((result) => JSON.stringify(result))).size).toBe(1);
    const rows = await rowsOf(input.idempotencyKey);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: results[0]?.paymentId, status: "CAPTURED" });
    expect(results.map((result) => (result.status === "CAPTURED" ? result.processorRef : null))).toEqual(
      Array(5).fill(rows[0]?.processorRef),
    );
    expect(observed.callsFor(input.idempotencyKey)).toBe(1);
  });

  it("with a different amount, currency or card is a CONFLICT, and the stored charge stands", async () => {
    const input = chargeOf("4242424242424242", { amountMinor: 2_500 });
    const first = await client.charge.mutate(input);

    const retries = [
      { ...input, amountMinor: 2_501 },
      { ...input, currency: "EUR" },
      chargeOf("5555555555554444", { idempotencyKey: input.idempotencyKey, amountMinor: 2_500 }),
    ];
    const refused = await Promise.allSettled(retries.map((retry) => client.charge.mutate(retry)));
    expect(
      refused.map((result) => (result.status === "rejected" ? errorData(result.reason) : result)),
    ).toEqual([
      expect.objectContaining({
        code: "CONFLICT",
        httpStatus: 409,
        details: { idempotencyKey: input.idempotencyKey, mismatched: ["amountMinor"] },
      }),
      expect.objectContaining({
        httpStatus: 409,
        details: { idempotencyKey: input.idempotencyKey, mismatched: ["currency"] },
      }),
      expect.objectContaining({
        httpStatus: 409,
        details: { idempotencyKey: input.idempotencyKey, mismatched: ["card"] },
      }),
    ]);
    expect(observed.callsFor(input.idempotencyKey)).toBe(1);
    expect(await client.get.query({ idempotencyKey: input.idempotencyKey })).toMatchObject({
      paymentId: first.paymentId,
      status: "CAPTURED",
      amountMinor: 2_500,
      currency: "USD",
      last4: "4242",
    });
  });

  it("of a refunded payment is a CONFLICT rather than a second capture", async () => {
    const input = chargeOf("4242424242424242");
    await client.charge.mutate(input);
    await client.refund.mutate({ idempotencyKey: input.idempotencyKey });

    const refused = await client.charge.mutate(input).catch(errorData);
    expect(refused).toMatchObject({ code: "CONFLICT", details: { status: "REFUNDED" } });
    expect(observed.callsFor(input.idempotencyKey)).toBe(1);
  });

  it("after the processor failed mid-charge is charged afresh: the failed attempt left no claim", async () => {
    const input = chargeOf("4242424242424242");
    observed.failOnce(input.idempotencyKey);

    const failed = await client.charge.mutate(input).catch(errorData);
    expect(failed).toMatchObject({ code: "INTERNAL_SERVER_ERROR", httpStatus: 500 });
    expect(await rowsOf(input.idempotencyKey)).toEqual([]);

    expect(await client.charge.mutate(input)).toMatchObject({ status: "CAPTURED" });
    expect(observed.callsFor(input.idempotencyKey)).toBe(2);
    expect(await rowsOf(input.idempotencyKey)).toHaveLength(1);
  });
});

describe("concurrent charges with different keys", () => {
  it("each charge once, none waiting on another", async () => {
    const inputs = Array.from({ length: 20 }, (_, index) =>
      chargeOf(index % 4 === 0 ? "4000000000009995" : "4242424242424242", {
        idempotencyKey: paymentKey("burst"),
      }),
    );
    const results = await Promise.all(inputs.map((input) => client.charge.mutate(input)));

    expect(results.filter((result) => result.status === "CAPTURED")).toHaveLength(15);
    expect(results.filter((result) => result.status === "DECLINED")).toHaveLength(5);
    const refs = results.flatMap((result) => (result.status === "CAPTURED" ? [result.processorRef] : []));
    expect(new Set(refs).size).toBe(15);
    expect(
      await db.payment.count({
        where: { idempotencyKey: { in: inputs.map((input) => input.idempotencyKey) } },
      }),
    ).toBe(20);
  });
});
