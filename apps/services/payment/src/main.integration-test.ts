// The service process as it runs in the shop (src/main.ts with the telemetry preload), exporting
// to the local sink that stands in for Coralogix: readiness, what a capture and a decline look
// like once exported (a decline is an outcome, never an error), that no card number or CVC leaves
// the process by any road, the orphaned-charge sweep on its timer, configuration errors, shutdown.
import { randomBytes } from "node:crypto";
import { createDbClient } from "@shop/db";
import { SinkClient, startSink } from "@shop/telemetry-sink";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { chargeOf } from "../test/charges.ts";
import { runPayment, startPayment } from "../test/payment-process.ts";
import type { PaymentProcess } from "../test/payment-process.ts";
import { waitFor } from "../test/wait-for.ts";
import { ORPHAN_SWEEP_TASK } from "./orphan-sweeper.ts";
import type { ChargeResult } from "./payment.ts";

let sink: Awaited<ReturnType<typeof startSink>>;
let telemetry: SinkClient;
let payment: PaymentProcess;

const processEnv = (): Record<string, string> => ({
  ...(process.env as Record<string, string>),
  OTEL_SERVICE_NAME: "payment",
  OTEL_EXPORTER_OTLP_ENDPOINT: sink.url,
  OTEL_BSP_SCHEDULE_DELAY: "100",
  OTEL_BLRP_SCHEDULE_DELAY: "100",
  OTEL_METRIC_EXPORT_INTERVAL: "500",
  LOG_LEVEL: "info",
  DATABASE_URL: inject("databaseUrl"),
  DATABASE_POOL_MAX: "4",
  PAYMENT_LATENCY_MS: "0",
  // Often enough for a test to see; only charges backdated by the test are old enough to settle.
  PAYMENT_ORPHAN_SWEEP_INTERVAL_MS: "500",
});

beforeAll(async () => {
  sink = await startSink({ port: 0 });
  telemetry = new SinkClient(sink.url);
  payment = await startPayment(processEnv());
});

afterAll(async () => {
  await payment.stop();
  await sink.close();
});

/** A charge as checkout sends it, in a trace of the test's own. */
async function charge(input: ReturnType<typeof chargeOf>) {
  const traceId = randomBytes(16).toString("hex");
  const response = await fetch(`${payment.url}/charge`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      traceparent: `00-${traceId}-${randomBytes(8).toString("hex")}-01`,
    },
    body: JSON.stringify({ json: input }),
  });
  const body = (await response.json()) as { result?: { data: { json: ChargeResult } }; error?: unknown };
  return { traceId, status: response.status, result: body.result?.data.json };
}

async function chargeSpan(traceId: string) {
  const spans = await telemetry.waitFor(
    async () => (await telemetry.trace(traceId))?.spans ?? [],
    (found) => found.some((span) => span.name === "payment/charge"),
    { description: "the charge span" },
  );
  return { spans, charge: spans.find((span) => span.name === "payment/charge") };
}

/** The value as a token of its own: not part of a longer number, id or timestamp. */
const standalone = (value: string) => new RegExp(`(?<![0-9A-Za-z.])${value}(?![0-9A-Za-z.])`);

describe("the payment process", () => {
  it("is ready once its database answers", async () => {
    const ready = await fetch(`${payment.url}/readyz`);
    expect(await ready.json()).toEqual({ status: "ready", service: "payment", checks: { database: "ok" } });
  });

  it("exports a capture and a decline without the card number or CVC anywhere", async () => {
    const approved = chargeOf("4242 4242 4242 4242", { card: { cvc: "739" } });
    const declined = chargeOf("4000-0000-0000-0002", { card: { cvc: "518" } });

    const captured = await charge(approved);
    expect(captured).toMatchObject({ status: 200, result: { status: "CAPTURED", last4: "4242" } });
    const refused = await charge(declined);
    expect(refused).toMatchObject({
      status: 200,
      result: { status: "DECLINED", reason: "INSUFFICIENT_FUNDS", last4: "0002" },
    });

    // The capture: an OK span and its info log.
    const capture = await chargeSpan(captured.traceId);
    expect(capture.spans.filter((span) => span.status.code === "ERROR")).toEqual([]);
    expect(capture.charge?.attributes["shop.outcome"]).toBeUndefined();

    // The decline: a business outcome on the span, never ERROR, never error.type.
    const decline = await chargeSpan(refused.traceId);
    expect(decline.spans.filter((span) => span.status.code === "ERROR")).toEqual([]);
    expect(decline.charge?.attributes).toMatchObject({
      "shop.outcome": "card_declined",
      "rpc.service": "payment",
    });
    expect(decline.charge?.attributes["error.type"]).toBeUndefined();
    expect(decline.charge?.events).toContainEqual(
      expect.objectContaining({
        name: "shop.outcome",
        attributes: { "shop.outcome": "card_declined", "shop.payment.decline_reason": "INSUFFICIENT_FUNDS" },
      }),
    );
    const declineLogs = await telemetry.waitFor(
      () => telemetry.logs({ traceId: refused.traceId }),
      (found) => found.some((log) => String(log.body).includes("card declined: INSUFFICIENT_FUNDS")),
      { description: "the decline's log" },
    );
    expect(declineLogs.map((log) => log.severityText)).toEqual(["info"]);

    const declines = await telemetry.waitFor(
      () => telemetry.metrics({ name: "shop.payment.declines", service: "payment" }),
      (points) =>
        points.some((point) => point.attributes["shop.payment.decline_reason"] === "INSUFFICIENT_FUNDS"),
      { description: "the shop.payment.declines metric" },
    );
    expect(
      declines.find((point) => point.attributes["shop.payment.decline_reason"] === "INSUFFICIENT_FUNDS"),
    ).toMatchObject({ unit: "{decline}", type: "sum", monotonic: true, value: 1 });

    // Everything the process sent and printed, once the charges' logs have arrived.
    await telemetry.waitFor(
      () => telemetry.logs({ traceId: captured.traceId }),
      (found) => found.some((log) => String(log.body).includes("payment captured")),
      { description: "the capture's log" },
    );
    const exported = JSON.stringify([
      await telemetry.spans({ service: "payment" }),
      await telemetry.logs({ service: "payment" }),
    ]);
    const printed = payment.output();
    expect(printed).toContain("card declined: INSUFFICIENT_FUNDS");
    for (const [where, text] of [
      ["the sink", exported],
      ["stdout", printed],
    ] as const) {
      for (const number of [
        "4242424242424242",
        "4242 4242 4242 4242",
        "4000000000000002",
        "4000-0000-0000-0002",
      ]) {
        expect(text.includes(number), `${number} in ${where}`).toBe(false);
      }
      for (const cvc of ["739", "518"])
        expect(standalone(cvc).test(text), `CVC ${cvc} in ${where}`).toBe(false);
      expect(text.includes("Ada Lovelace"), `the holder's name in ${where}`).toBe(false);
      // The scrubber is a net, not a licence: nothing sensitive was ever handed to it.
      expect(text.includes("[REDACTED"), `something scrubbed in ${where}`).toBe(false);
    }
  });

  it("refuses bad card data with field errors and keeps the number out of the answer and the logs", async () => {
    const typo = chargeOf("4242424242424241", { card: { cvc: "739" } });
    const { traceId, status } = await charge(typo);
    expect(status).toBe(400);

    const logs = await telemetry.waitFor(
      () => telemetry.logs({ traceId }),
      (found) => found.some((log) => String(log.body).includes("charge rejected")),
      { description: "the rejection's log" },
    );
    expect(logs.map((log) => String(log.body))).toEqual(["charge rejected: invalid input (card.number)"]);
    expect(JSON.stringify(logs)).not.toContain("4242424242424241");
    expect(payment.output()).not.toContain("4242424242424241");
  });

  it("refunds a charge whose checkout died, with a warning, a span and a metric", async () => {
    const input = chargeOf("4242424242424242");
    expect((await charge(input)).result).toMatchObject({ status: "CAPTURED" });
    const db = createDbClient({ connectionString: inject("databaseUrl"), poolMax: 1 });
    try {
      // No checkout linked or refunded it, and it is an hour old: what a crashed checkout leaves.
      await db.$executeRaw`
        update payments set created_at = now() - interval '1 hour', updated_at = now() - interval '1 hour'
         where idempotency_key = ${input.idempotencyKey}`;
      await waitFor(
        () => db.payment.findUnique({ where: { idempotencyKey: input.idempotencyKey } }),
        (row) => row?.status === "REFUNDED",
        { description: "the sweep to refund the charge" },
      );
    } finally {
      await db.$disconnect();
    }

    // Other payments of this run may be settled by the same sweeps: read this charge's own trail.
    const logs = await telemetry.waitFor(
      () => telemetry.logs({ service: "payment" }),
      (found) => found.some((log) => String(log.body).includes(`refunded payment ${input.idempotencyKey}`)),
      { description: "the refund's warning" },
    );
    const warning = logs.find((log) => String(log.body).includes(`refunded payment ${input.idempotencyKey}`));
    expect(warning?.severityText).toBe("warn");
    const sweeps = await telemetry.waitFor(
      () => telemetry.spans({ service: "payment", name: ORPHAN_SWEEP_TASK }),
      (found) => found.some((span) => span.traceId === warning?.traceId),
      { description: "the sweep's span" },
    );
    const sweep = sweeps.find((span) => span.traceId === warning?.traceId);
    expect(sweep?.parentSpanId).toBeUndefined();
    expect(sweep?.attributes["shop.payment.orphans.refunded"]).toBeGreaterThanOrEqual(1);
    const orphans = await telemetry.waitFor(
      () => telemetry.metrics({ name: "shop.payment.orphans", service: "payment" }),
      (points) => points.some((point) => point.attributes["shop.payment.orphan.action"] === "refunded"),
      { description: "the shop.payment.orphans metric" },
    );
    const refunds = orphans.find((point) => point.attributes["shop.payment.orphan.action"] === "refunded");
    expect(refunds).toMatchObject({ unit: "{payment}", type: "sum", monotonic: true });
    expect(refunds?.value).toBeGreaterThanOrEqual(1);
  });

  it("refuses to start with a configuration it cannot use, saying why", async () => {
    const run = runPayment({ ...processEnv(), OTEL_SDK_DISABLED: "true", PAYMENT_LATENCY_MS: "soon" });
    expect(await run.exited).not.toBe(0);
    expect(run.output()).toContain("Invalid payment configuration: PAYMENT_LATENCY_MS");
  });

  it("stops on SIGTERM and exits cleanly", async () => {
    const other = await startPayment(processEnv());
    expect((await fetch(`${other.url}/healthz`)).status).toBe(200);
    expect(await other.stop()).toBe(0);
    expect(other.output()).toContain("payment stopped");
  });
});
