// payment.degraded against real PostgreSQL and Redis, over HTTP: with errorRate 1 every charge
// fails with the processor's 503 (DEPENDENCY_UNAVAILABLE), leaves no payment row, and shows as an
// ERROR on the processor span and the charge span; extraLatencyMs makes the processor span at
// least that much longer; cleared, the same keys charge normally. The spans are captured in this
// process (an in-memory exporter behind the global tracer provider), the flags live under a Redis
// prefix of this file's own.
import { randomUUID } from "node:crypto";
import { context, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from "@opentelemetry/sdk-trace";
import type { ReadableSpan } from "@opentelemetry/sdk-trace";
import { createDbClient } from "@shop/db";
import type { DbClient } from "@shop/db";
import {
  FEATURE_FLAG_ATTR,
  FEATURE_FLAG_EVENT,
  FlagStore,
  startProcessFlags,
  stopProcessFlags,
} from "@shop/flags";
import type { FlagParams, Flags } from "@shop/flags";
import { createServiceClient, startServiceServer } from "@shop/service-kit";
import type { ServiceErrorData, ServiceServer } from "@shop/service-kit";
import { TRPCClientError } from "@trpc/client";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { chargeOf, TEST_NOW } from "../test/charges.ts";
import { waitFor } from "../test/wait-for.ts";
import { createSimulatedProcessor } from "./card-processor.ts";
import { createPaymentRouter } from "./router.ts";
import type { PaymentRouter } from "./router.ts";
import { PAYMENT_PROCESSOR_ATTR } from "@shop/telemetry/names";
import { PROCESSOR_SPAN } from "./traced-processor.ts";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `test:payment-degraded:${randomUUID()}:`;
const EXTRA_LATENCY_MS = 400;

const exporter = new InMemorySpanExporter();
let db: DbClient;
let redis: Redis;
let store: FlagStore;
let flags: Flags;
let server: ServiceServer;
let client: ReturnType<typeof createServiceClient<PaymentRouter>>;

function errorData(reason: unknown): ServiceErrorData {
  if (!(reason instanceof TRPCClientError)) throw reason;
  return reason.data as ServiceErrorData;
}

const rowsOf = (idempotencyKeys: string[]) =>
  db.payment.findMany({ where: { idempotencyKey: { in: idempotencyKeys } }, select: { status: true } });

function spansNamed(name: string): ReadableSpan[] {
  return exporter.getFinishedSpans().filter((span) => span.name === name);
}

const durationMs = (span: ReadableSpan) => span.duration[0] * 1_000 + span.duration[1] / 1_000_000;

async function setDegraded(value: FlagParams<"payment.degraded"> | false) {
  if (value === false) await store.clear("payment.degraded");
  else await store.set("payment.degraded", value, { setBy: "processor-degradation test", ttlMs: 120_000 });
  await waitFor(
    () => Promise.resolve(flags.current("payment.degraded")),
    (current) => JSON.stringify(current) === JSON.stringify(value),
    { description: `payment.degraded to read ${JSON.stringify(value)}` },
  );
}

beforeAll(async () => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(
    new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] }),
  );
  db = createDbClient({ connectionString: inject("databaseUrl"), poolMax: 8 });
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  store = new FlagStore(redis, { prefix });
  flags = await startProcessFlags({ source: "payment", redis: REDIS_URL, prefix, refreshMs: 200 });
  server = await startServiceServer({
    name: "payment",
    // The processor the shop runs, answering at once unless the flag says otherwise.
    router: createPaymentRouter({
      db,
      processor: createSimulatedProcessor({ medianLatencyMs: 0 }),
      now: () => TEST_NOW,
    }),
    port: 0,
  });
  client = createServiceClient<PaymentRouter>({ service: "payment", url: server.url, timeoutMs: 30_000 });
});

beforeEach(() => {
  exporter.reset();
});

afterEach(async () => {
  await store.clear();
});

afterAll(async () => {
  await server.stop();
  await stopProcessFlags();
  redis.disconnect();
  await db.$disconnect();
  trace.disable();
  context.disable();
});

describe("payment.degraded", () => {
  it("with errorRate 1 fails every charge with the processor's 503, leaving no payment behind", async () => {
    await setDegraded({ extraLatencyMs: 0, errorRate: 1 });
    const inputs = Array.from({ length: 5 }, () => chargeOf("4242424242424242"));

    const results = await Promise.allSettled(inputs.map((input) => client.charge.mutate(input)));

    const failures = results.map((result) =>
      result.status === "rejected" ? errorData(result.reason) : result,
    );
    for (const failure of failures) {
      expect(failure).toMatchObject({
        code: "SERVICE_UNAVAILABLE",
        httpStatus: 503,
        domainCode: "DEPENDENCY_UNAVAILABLE",
        expected: false,
      });
    }
    // The claim rolled back with the failed charge: nothing captured, nothing half-written.
    expect(await rowsOf(inputs.map((input) => input.idempotencyKey))).toEqual([]);

    const processorSpans = spansNamed(PROCESSOR_SPAN);
    expect(processorSpans).toHaveLength(inputs.length);
    for (const span of processorSpans) {
      expect(span.kind).toBe(SpanKind.CLIENT);
      expect(span.status.code).toBe(SpanStatusCode.ERROR);
      expect(span.attributes).toMatchObject({
        "error.type": "ProcessorUnavailableError",
        [FEATURE_FLAG_ATTR.KEY]: "payment.degraded",
        [FEATURE_FLAG_ATTR.VARIANT]: "on",
      });
      expect(span.events.map((event) => event.name)).toContain("exception");
    }
    const chargeSpans = spansNamed("payment/charge");
    expect(chargeSpans).toHaveLength(inputs.length);
    for (const span of chargeSpans) {
      expect(span.status.code).toBe(SpanStatusCode.ERROR);
      expect(span.attributes["error.type"]).toBe("DEPENDENCY_UNAVAILABLE");
    }

    // Cleared, the very same keys charge normally: the failed attempts left no claim behind.
    await setDegraded(false);
    const retried = await Promise.all(inputs.map((input) => client.charge.mutate(input)));
    expect(retried.map((result) => result.status)).toEqual(Array(inputs.length).fill("CAPTURED"));
    expect((await rowsOf(inputs.map((input) => input.idempotencyKey))).map((row) => row.status)).toEqual(
      Array(inputs.length).fill("CAPTURED"),
    );
  });

  it("with extraLatencyMs answers at least that much slower, in the processor's own span", async () => {
    await setDegraded({ extraLatencyMs: EXTRA_LATENCY_MS, errorRate: 0 });
    const input = chargeOf("5555555555554444");

    const started = performance.now();
    const result = await client.charge.mutate(input);
    const elapsedMs = performance.now() - started;

    expect(result).toMatchObject({ status: "CAPTURED" });
    expect(elapsedMs).toBeGreaterThanOrEqual(EXTRA_LATENCY_MS);
    const spans = spansNamed(PROCESSOR_SPAN);
    expect(spans).toHaveLength(1);
    const [span] = spans;
    if (!span) throw new Error("no processor span");
    expect(span.status.code).not.toBe(SpanStatusCode.ERROR);
    expect(span.attributes).toMatchObject({
      [PAYMENT_PROCESSOR_ATTR.RESULT]: "APPROVED",
      [FEATURE_FLAG_ATTR.KEY]: "payment.degraded",
      [FEATURE_FLAG_ATTR.VALUE]: JSON.stringify({ extraLatencyMs: EXTRA_LATENCY_MS, errorRate: 0 }),
    });
    expect(durationMs(span)).toBeGreaterThanOrEqual(EXTRA_LATENCY_MS);
  });

  it("cleared, charges and declines as usual: no failure, and the evaluation says off", async () => {
    await setDegraded({ extraLatencyMs: EXTRA_LATENCY_MS, errorRate: 1 });
    await setDegraded(false);

    const captured = await client.charge.mutate(chargeOf("4242424242424242"));
    const declined = await client.charge.mutate(chargeOf("4000000000000002"));

    expect(captured).toMatchObject({ status: "CAPTURED" });
    expect(declined).toMatchObject({ status: "DECLINED", reason: "INSUFFICIENT_FUNDS" });
    const spans = [...spansNamed(PROCESSOR_SPAN), ...spansNamed("payment/charge")];
    expect(spans).toHaveLength(4);
    expect(spans.filter((span) => span.status.code === SpanStatusCode.ERROR)).toEqual([]);
    for (const span of spansNamed(PROCESSOR_SPAN)) {
      expect(span.attributes[FEATURE_FLAG_ATTR.KEY]).toBeUndefined();
      expect(
        span.events.find(
          (event) =>
            event.name === FEATURE_FLAG_EVENT &&
            event.attributes?.[FEATURE_FLAG_ATTR.KEY] === "payment.degraded",
        )?.attributes,
      ).toMatchObject({
        [FEATURE_FLAG_ATTR.KEY]: "payment.degraded",
        [FEATURE_FLAG_ATTR.VARIANT]: "off",
      });
    }
  });
});
