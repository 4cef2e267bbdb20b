// Two real service processes started with the shared preload, real PostgreSQL and Redis, and the
// local sink standing in for Coralogix: what one call looks like once it has been exported.
import { randomBytes } from "node:crypto";
import { startSink, SinkClient } from "@shop/telemetry-sink";
import type { SinkSpan } from "@shop/telemetry-sink";
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from "vitest";
import { freePort, startService } from "../test/service-process.ts";
import type { ServiceProcess } from "../test/service-process.ts";

let sink: Awaited<ReturnType<typeof startSink>>;
let client: SinkClient;
let back: ServiceProcess;
let front: ServiceProcess;

const serviceEnv = () => ({
  OTEL_EXPORTER_OTLP_ENDPOINT: sink.url,
  OTEL_BSP_SCHEDULE_DELAY: "100",
  OTEL_BLRP_SCHEDULE_DELAY: "100",
  OTEL_METRIC_EXPORT_INTERVAL: "500",
  TELEMETRY_SLOW_QUERY_MS: "150",
  DATABASE_URL: inject("databaseUrl"),
  REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
  LOG_LEVEL: "info",
});

function traceHeaders(traceId: string) {
  return {
    traceparent: `00-${traceId}-${randomBytes(8).toString("hex")}-01`,
    baggage: "synthetic=true,session.id=sess-123",
  };
}

const newTraceId = () => randomBytes(16).toString("hex");
const input = (value: unknown) => `input=${encodeURIComponent(JSON.stringify(value))}`;

function isUnder(span: SinkSpan, ancestor: SinkSpan, spans: SinkSpan[]): boolean {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  for (let cursor = span.parentSpanId; cursor; cursor = byId.get(cursor)?.parentSpanId) {
    if (cursor === ancestor.spanId) return true;
  }
  return false;
}

function find(spans: SinkSpan[], description: string, predicate: (span: SinkSpan) => boolean): SinkSpan {
  const span = spans.find(predicate);
  if (!span)
    throw new Error(`no ${description} among: ${spans.map((s) => `${s.serviceName}:${s.name}`).join(", ")}`);
  return span;
}

const spansOf = async (traceId: string): Promise<SinkSpan[]> => (await client.trace(traceId))?.spans ?? [];
const dbSystem = (span: SinkSpan) => span.attributes["db.system.name"] ?? span.attributes["db.system"];

beforeAll(async () => {
  sink = await startSink({ port: 0 });
  client = new SinkClient(sink.url);
  back = await startService("back-service", { ...serviceEnv(), OTEL_SERVICE_NAME: "back" });
  front = await startService("front-service", {
    ...serviceEnv(),
    OTEL_SERVICE_NAME: "front",
    BACK_URL: back.url,
  });
});

afterAll(async () => {
  await Promise.allSettled([front.stop(), back.stop()]);
  await sink.close();
});

describe("one call, one trace", () => {
  it("joins client, server, procedure, SQL and Redis spans of two processes under the caller's trace", async () => {
    const traceId = newTraceId();
    const response = await fetch(`${front.url}/lookup?${input({ sku: "mug-01" })}`, {
      headers: traceHeaders(traceId),
    });
    expect(response.status).toBe(200);

    const spans = await client.waitFor(
      () => spansOf(traceId),
      (trace) =>
        ["front/lookup", "back/stock"].every((name) => trace.some((s) => s.name === name)) &&
        trace.some((s) => s.serviceName === "front" && s.kind === "SERVER") &&
        trace.filter((s) => dbSystem(s)).length >= 3,
    );

    const frontServer = find(
      spans,
      "front server span",
      (s) => s.serviceName === "front" && s.kind === "SERVER",
    );
    const frontProcedure = find(spans, "front procedure span", (s) => s.name === "front/lookup");
    const frontClient = find(
      spans,
      "front client span",
      (s) => s.serviceName === "front" && s.kind === "CLIENT",
    );
    const backServer = find(
      spans,
      "back server span",
      (s) => s.serviceName === "back" && s.kind === "SERVER",
    );
    const backProcedure = find(spans, "back procedure span", (s) => s.name === "back/stock");
    const sql = find(
      spans,
      "pg span",
      (s) =>
        dbSystem(s) === "postgresql" && String(s.attributes["db.query.text"]).includes("length($1::text)"),
    );
    const redis = find(spans, "redis span", (s) => dbSystem(s) === "redis");

    expect(frontProcedure.parentSpanId).toBe(frontServer.spanId);
    expect(isUnder(frontClient, frontProcedure, spans)).toBe(true);
    expect(backServer.parentSpanId).toBe(frontClient.spanId);
    expect(backProcedure.parentSpanId).toBe(backServer.spanId);
    expect(isUnder(sql, backProcedure, spans)).toBe(true);
    expect(isUnder(redis, backProcedure, spans)).toBe(true);
    expect(sql.kind).toBe("CLIENT");
    expect(sql.attributes["db.system.name"]).toBe("postgresql");
    expect(backProcedure.attributes).toMatchObject({
      "rpc.system": "trpc",
      "rpc.service": "back",
      "rpc.method": "stock",
    });
    expect(backProcedure.resource).toMatchObject({ "service.name": "back", "service.namespace": "shop" });
    expect(backProcedure.resource["deployment.environment.name"]).toBeTruthy();

    // Prisma's query: its operation span, the SQL once (as the pg span), never a second db_query span.
    const operation = find(spans, "prisma operation span", (s) => s.name === "prisma:client:operation");
    const countSql = find(
      spans,
      "prisma's pg span",
      (s) => dbSystem(s) === "postgresql" && String(s.attributes["db.query.text"]).includes("categories"),
    );
    expect(isUnder(countSql, operation, spans)).toBe(true);
    expect(spans.filter((s) => s.name === "prisma:client:db_query")).toEqual([]);

    // Bot traffic is marked on every span, from the caller's baggage.
    for (const span of spans)
      expect(span.attributes, span.name).toMatchObject({ "shop.synthetic": true, "session.id": "sess-123" });
  });
});

describe("failures and outcomes", () => {
  it("a failing procedure: ERROR, error.type, exception event, a log with the trace id, code 500", async () => {
    const traceId = newTraceId();
    const response = await fetch(`${front.url}/explode`, {
      method: "POST",
      headers: { ...traceHeaders(traceId), "content-type": "application/json" },
      body: "{}",
    });
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: { data: { code: string } } };
    expect(body.error.data.code).toBe("INTERNAL_SERVER_ERROR");

    const spans = await client.waitFor(
      () => spansOf(traceId),
      (trace) => trace.some((s) => s.name === "back/explode"),
    );
    const failed = find(spans, "back/explode", (s) => s.name === "back/explode");
    expect(failed.status.code).toBe("ERROR");
    expect(failed.attributes["error.type"]).toBe("INVENTORY_CORRUPTED");
    expect(failed.attributes["trpc.error_code"]).toBe("INTERNAL_SERVER_ERROR");
    const exception = failed.events.find((e) => e.name === "exception");
    expect(String(exception?.attributes["exception.message"])).toContain("inventory row 42 is corrupted");

    const logs = await client.waitFor(
      () => client.logs({ traceId }),
      (records) => records.some((r) => r.serviceName === "back" && r.severityNumber >= 17),
    );
    const log = logs.find((r) => r.serviceName === "back" && r.severityNumber >= 17);
    expect(log?.spanId).toBe(failed.spanId);
    expect(back.output()).toContain(`"trace_id":"${traceId}"`);
  });

  it("a declined card is a business outcome, not an error; and no card number or email leaves the process", async () => {
    const traceId = newTraceId();
    const response = await fetch(`${front.url}/pay`, {
      method: "POST",
      headers: { ...traceHeaders(traceId), "content-type": "application/json" },
      body: JSON.stringify({ card: "4000000000000002", email: "jane.doe@example.com" }),
    });
    expect(response.status).toBe(422);

    const spans = await client.waitFor(
      () => spansOf(traceId),
      (trace) => ["back/charge", "front/pay"].every((name) => trace.some((s) => s.name === name)),
    );
    // The calling service relays the outcome without turning it into an error either.
    const relayed = find(spans, "front/pay", (s) => s.name === "front/pay");
    expect(relayed.status.code).not.toBe("ERROR");
    expect(relayed.attributes["shop.outcome"]).toBe("PAYMENT_DECLINED");
    const charge = find(spans, "back/charge", (s) => s.name === "back/charge");
    expect(charge.status.code).not.toBe("ERROR");
    expect(charge.attributes["shop.outcome"]).toBe("PAYMENT_DECLINED");
    expect(charge.attributes["error.type"]).toBeUndefined();
    expect(charge.events.map((e) => e.name)).toContain("shop.outcome");

    const logs = await client.waitFor(
      () => client.logs({ traceId }),
      (records) => records.some((r) => String(r.body).includes("charging card")),
    );
    const everything = JSON.stringify({ spans, logs, stdout: back.output() + front.output() });
    expect(everything).not.toContain("4000000000000002");
    expect(everything).not.toContain("jane.doe@example.com");
    expect(everything).toContain("[REDACTED:card]");
  });

  it("bad input is the caller's error: 400 BAD_REQUEST, error.type, no ERROR status", async () => {
    const traceId = newTraceId();
    const response = await fetch(`${back.url}/stock?${input({ sku: "" })}`, {
      headers: traceHeaders(traceId),
    });
    expect(response.status).toBe(400);
    const spans = await client.waitFor(
      () => spansOf(traceId),
      (trace) => trace.some((s) => s.name === "back/stock"),
    );
    const rejected = find(spans, "back/stock", (s) => s.name === "back/stock");
    expect(rejected.status.code).not.toBe("ERROR");
    expect(rejected.attributes["trpc.error_code"]).toBe("BAD_REQUEST");
    expect(rejected.attributes["error.type"]).toBeTruthy();
  });

  it("flags slow queries with db.slow_query and a warning log carrying the trace id and the SQL", async () => {
    const traceId = newTraceId();
    expect((await fetch(`${back.url}/slow`, { headers: traceHeaders(traceId) })).status).toBe(200);
    const spans = await client.waitFor(
      () => spansOf(traceId),
      (trace) => trace.some((s) => String(s.attributes["db.query.text"]).includes("pg_sleep")),
    );
    const slow = find(spans, "pg_sleep span", (s) =>
      String(s.attributes["db.query.text"]).includes("pg_sleep"),
    );
    expect(slow.attributes["db.slow_query"]).toBe(true);
    const logs = await client.waitFor(
      () => client.logs({ traceId }),
      (records) => records.some((r) => String(r.body).startsWith("slow query")),
    );
    const warning = logs.find((r) => String(r.body).startsWith("slow query"));
    expect(warning?.severityText).toBe("warn");
    expect(JSON.stringify(warning?.attributes)).toContain("pg_sleep");
  });
});

describe("metrics", () => {
  it("exports HTTP server duration, pg pool usage, runtime and every business metric", async () => {
    expect(
      (
        await fetch(`${back.url}/sell`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: "{}",
        })
      ).status,
    ).toBe(200);
    const wanted = [
      "shop.orders",
      "shop.revenue",
      "shop.order.value",
      "shop.checkout.attempts",
      "shop.payment.declines",
      "shop.cart.abandoned",
      "shop.cart.abandoned.value",
      "shop.db.slow_queries",
    ];
    const names = await client.waitFor(
      () => client.metricNames(),
      (list) => wanted.every((name) => list.some((m) => m.name === name && m.services.includes("back"))),
      { timeoutMs: 15_000 },
    );
    const has = (predicate: (name: string) => boolean) => names.some((m) => predicate(m.name));
    expect(has((n) => n === "http.server.request.duration" || n === "http.server.duration")).toBe(true);
    expect(has((n) => n === "db.client.connection.count")).toBe(true);
    expect(has((n) => n.startsWith("nodejs.eventloop"))).toBe(true);
    expect(has((n) => n.startsWith("v8js."))).toBe(true);

    const revenue = await client.metrics({ name: "shop.revenue", service: "back" });
    expect(revenue.at(-1)).toMatchObject({
      unit: "{currency}",
      type: "sum",
      value: 123.45,
      attributes: { "shop.currency": "USD" },
    });
    const orderValue = await client.metrics({ name: "shop.order.value", service: "back" });
    expect(orderValue.at(-1)).toMatchObject({ type: "histogram", count: 1, sum: 123.45 });
  });
});

describe("head sampling (OTEL_TRACES_SAMPLER)", () => {
  it("follows the caller's decision for whole traces, drops unsampled roots, and still counts every call", async () => {
    // A ratio of 0: only a caller's decision to keep a trace gets it recorded here.
    const sampled = await startService("back-service", {
      ...serviceEnv(),
      OTEL_SERVICE_NAME: "sampled",
      OTEL_TRACES_SAMPLER: "parentbased_traceidratio",
      OTEL_TRACES_SAMPLER_ARG: "0",
    });
    onTestFinished(async () => {
      await sampled.stop();
    });
    const kept = newTraceId();
    const dropped = newTraceId();
    const ping = (headers: Record<string, string> = {}) => fetch(`${sampled.url}/ping`, { headers });
    expect((await ping(traceHeaders(kept))).status).toBe(200);
    const notSampled = `00-${dropped}-${randomBytes(8).toString("hex")}-00`;
    expect((await ping({ traceparent: notSampled })).status).toBe(200);
    for (let call = 0; call < 5; call++) expect((await ping()).status).toBe(200);

    // Metrics are not sampled: the duration histogram counts all seven calls.
    const calls = await client.waitFor(
      async () =>
        Math.max(
          0,
          ...(await client.metrics({ name: "http.server.request.duration", service: "sampled" }))
            .filter((point) => point.attributes["http.route"] === "/ping")
            .map((point) => point.count ?? 0),
        ),
      (count) => count >= 7,
      { timeoutMs: 15_000 },
    );
    expect(calls).toBe(7);
    await sampled.stop(); // flushes every span it recorded

    const recorded = await client.spans({ service: "sampled" });
    expect(recorded.map((span) => span.name).sort()).toEqual(["GET /ping", "back/ping"]);
    expect(new Set(recorded.map((span) => span.traceId))).toEqual(new Set([kept]));
    expect(await spansOf(dropped)).toEqual([]);
  });
});

describe("export failures and shutdown", () => {
  it("keeps serving when the endpoint is unreachable, and still stops promptly", async () => {
    const closedPort = await freePort();
    const isolated = await startService("back-service", {
      ...serviceEnv(),
      OTEL_SERVICE_NAME: "isolated",
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${String(closedPort)}`,
    });
    for (let i = 0; i < 20; i++) expect((await fetch(`${isolated.url}/ping`)).status).toBe(200);
    const stopMs = await isolated.stop();
    expect(isolated.child.exitCode).toBe(0);
    // Shutdown gives up on the dead endpoint after 5 s instead of hanging.
    expect(stopMs).toBeLessThan(12_000);
  });

  it("flushes what is still queued when it stops", async () => {
    const lazy = await startService("back-service", {
      ...serviceEnv(),
      OTEL_SERVICE_NAME: "lazy",
      OTEL_BSP_SCHEDULE_DELAY: "60000",
    });
    const traceId = newTraceId();
    expect((await fetch(`${lazy.url}/ping`, { headers: traceHeaders(traceId) })).status).toBe(200);
    await lazy.stop();
    expect((await spansOf(traceId)).some((s) => s.name === "back/ping")).toBe(true);
  });
});
