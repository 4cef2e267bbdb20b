// The real OpenTelemetry SDK exporting OTLP/protobuf to a started sink, as every process of the
// shop will: what arrives must be exactly what was emitted.
import { ROOT_CONTEXT, SeverityNumber, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { OTLPLogExporter } from "@opentelemetry/exporter-logs-otlp-proto";
import { OTLPMetricExporter } from "@opentelemetry/exporter-metrics-otlp-proto";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { CompressionAlgorithm } from "@opentelemetry/otlp-exporter-base";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { LoggerProvider, SimpleLogRecordProcessor } from "@opentelemetry/sdk-logs";
import { MeterProvider, PeriodicExportingMetricReader } from "@opentelemetry/sdk-metrics";
import { SimpleSpanProcessor, TracerProvider } from "@opentelemetry/sdk-trace";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SinkClient } from "./client.ts";
import type { RunningSink } from "./server.ts";
import { startSink } from "./server.ts";

const resourceAttributes = {
  "service.name": "checkout",
  "service.version": "1.4.2",
  "deployment.environment.name": "test",
};

// Fixed times make every timestamp and duration exact: 2023-11-14T22:13:20Z plus nanoseconds.
const SECOND = 1_700_000_000;

describe("OTLP/protobuf from the OpenTelemetry SDK", () => {
  let sink: RunningSink;
  let client: SinkClient;

  beforeAll(async () => {
    sink = await startSink();
    client = new SinkClient(sink.url);
  });
  afterAll(async () => {
    await sink.close();
  });
  beforeEach(async () => {
    await client.clear();
  });

  it("keeps a parent/child span pair with attributes, an event, a link and an error status", async () => {
    const provider = new TracerProvider({
      resource: resourceFromAttributes(resourceAttributes),
      spanProcessors: [
        new SimpleSpanProcessor({ exporter: new OTLPTraceExporter({ url: `${sink.url}/v1/traces` }) }),
      ],
    });
    const tracer = provider.getTracer("@shop/checkout", "0.1.0");

    const parent = tracer.startSpan("POST /api/checkout", {
      kind: SpanKind.SERVER,
      startTime: [SECOND, 0],
      attributes: {
        "http.request.method": "POST",
        "http.route": "/api/checkout",
        "http.response.status_code": 500,
        "cart.item_count": 3,
        "cart.total": 42.5,
        "feature.flags": ["fast-checkout", "new-payment"],
        "user.returning": true,
      },
    });
    const parentContext = parent.spanContext();
    const child = tracer.startSpan(
      "payment.charge",
      {
        kind: SpanKind.CLIENT,
        startTime: [SECOND, 10_000_000],
        attributes: { "rpc.method": "charge" },
        links: [{ context: parentContext, attributes: { "link.reason": "retry" } }],
      },
      trace.setSpan(ROOT_CONTEXT, parent),
    );
    child.addEvent("card.declined", { "card.brand": "visa", attempt: 2 }, [SECOND, 20_000_000]);
    child.setStatus({ code: SpanStatusCode.ERROR, message: "card declined" });
    child.end([SECOND, 30_500_000]);
    parent.setStatus({ code: SpanStatusCode.OK });
    parent.end([SECOND, 100_000_000]);
    await provider.forceFlush();
    await provider.shutdown();

    const traceId = parentContext.traceId;
    const found = await client.trace(traceId);
    const scope = { name: "@shop/checkout", version: "0.1.0" };
    expect(found).toEqual({
      traceId,
      spans: [
        {
          traceId,
          spanId: parentContext.spanId,
          name: "POST /api/checkout",
          kind: "SERVER",
          startTimeUnixNano: "1700000000000000000",
          endTimeUnixNano: "1700000000100000000",
          durationMs: 100,
          attributes: {
            "http.request.method": "POST",
            "http.route": "/api/checkout",
            "http.response.status_code": 500,
            "cart.item_count": 3,
            "cart.total": 42.5,
            "feature.flags": ["fast-checkout", "new-payment"],
            "user.returning": true,
          },
          status: { code: "OK" },
          events: [],
          links: [],
          resource: resourceAttributes,
          scope,
          serviceName: "checkout",
        },
        {
          traceId,
          spanId: child.spanContext().spanId,
          parentSpanId: parentContext.spanId,
          name: "payment.charge",
          kind: "CLIENT",
          startTimeUnixNano: "1700000000010000000",
          endTimeUnixNano: "1700000000030500000",
          durationMs: 20.5,
          attributes: { "rpc.method": "charge" },
          status: { code: "ERROR", message: "card declined" },
          events: [
            {
              name: "card.declined",
              timeUnixNano: "1700000000020000000",
              attributes: { "card.brand": "visa", attempt: 2 },
            },
          ],
          links: [{ traceId, spanId: parentContext.spanId, attributes: { "link.reason": "retry" } }],
          resource: resourceAttributes,
          scope,
          serviceName: "checkout",
        },
      ],
    });
    expect(await client.traces()).toEqual([
      {
        traceId,
        rootName: "POST /api/checkout",
        services: ["checkout"],
        spanCount: 2,
        durationMs: 100,
        startTimeUnixNano: "1700000000000000000",
        hasError: true,
      },
    ]);
  });

  it("keeps a counter and a histogram, sent gzip-compressed", async () => {
    const exporter = new OTLPMetricExporter({
      url: `${sink.url}/v1/metrics`,
      compression: CompressionAlgorithm.GZIP,
    });
    const provider = new MeterProvider({
      resource: resourceFromAttributes(resourceAttributes),
      // Exports only when flushed below: the interval is longer than any test.
      readers: [new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 })],
    });
    const meter = provider.getMeter("@shop/checkout");
    const orders = meter.createCounter("shop.orders.placed", {
      unit: "{order}",
      description: "Orders placed",
    });
    orders.add(1, { "payment.method": "card" });
    orders.add(2, { "payment.method": "card" });
    orders.add(1, { "payment.method": "invoice" });
    const duration = meter.createHistogram("shop.checkout.duration", {
      unit: "ms",
      description: "Time to place an order",
      advice: { explicitBucketBoundaries: [10, 50, 100] },
    });
    for (const value of [5, 20, 70, 200, 45]) duration.record(value, { outcome: "success" });
    // Shutting down exports once more (cumulative points), so only flush here.
    await provider.forceFlush();

    const counts = await client.metrics({ name: "shop.orders.placed" });
    expect(counts.map(({ startTimeUnixNano: _s, timeUnixNano: _t, ...point }) => point)).toEqual([
      {
        name: "shop.orders.placed",
        description: "Orders placed",
        unit: "{order}",
        type: "sum",
        monotonic: true,
        attributes: { "payment.method": "card" },
        resource: resourceAttributes,
        serviceName: "checkout",
        value: 3,
      },
      {
        name: "shop.orders.placed",
        description: "Orders placed",
        unit: "{order}",
        type: "sum",
        monotonic: true,
        attributes: { "payment.method": "invoice" },
        resource: resourceAttributes,
        serviceName: "checkout",
        value: 1,
      },
    ]);
    for (const point of counts) {
      expect(BigInt(point.timeUnixNano)).toBeGreaterThanOrEqual(BigInt(point.startTimeUnixNano));
      expect(BigInt(point.startTimeUnixNano)).toBeGreaterThan(0n);
    }

    const [histogram, ...more] = await client.metrics({
      name: "shop.checkout.duration",
      service: "checkout",
    });
    expect(more).toEqual([]);
    expect(histogram).toMatchObject({
      name: "shop.checkout.duration",
      description: "Time to place an order",
      unit: "ms",
      type: "histogram",
      attributes: { outcome: "success" },
      serviceName: "checkout",
      count: 5,
      sum: 340,
      min: 5,
      max: 200,
      bucketCounts: [1, 2, 1, 1],
      explicitBounds: [10, 50, 100],
    });
    expect(histogram).not.toHaveProperty("monotonic");
    expect(histogram).not.toHaveProperty("value");

    expect(await client.metricNames()).toEqual([
      { name: "shop.checkout.duration", unit: "ms", type: "histogram", services: ["checkout"] },
      { name: "shop.orders.placed", unit: "{order}", type: "sum", services: ["checkout"] },
    ]);
    await provider.shutdown();
  });

  it("keeps a log record with its trace context", async () => {
    const provider = new LoggerProvider({
      resource: resourceFromAttributes(resourceAttributes),
      processors: [
        new SimpleLogRecordProcessor({ exporter: new OTLPLogExporter({ url: `${sink.url}/v1/logs` }) }),
      ],
    });
    const tracer = new TracerProvider().getTracer("test");
    const span = tracer.startSpan("checkout");
    const { traceId, spanId } = span.spanContext();

    provider.getLogger("@shop/checkout", "0.1.0").emit({
      timestamp: [SECOND, 5_000_000],
      observedTimestamp: [SECOND, 6_000_000],
      severityNumber: SeverityNumber.WARN,
      severityText: "WARN",
      body: "payment declined",
      attributes: { "order.id": "A-1001", "retry.count": 2 },
      context: trace.setSpan(ROOT_CONTEXT, span),
    });
    provider.getLogger("@shop/checkout").emit({
      severityNumber: SeverityNumber.INFO,
      body: { event: "cart.viewed", items: 2 },
    });
    await provider.forceFlush();
    await provider.shutdown();
    span.end();

    const [warning, ...others] = await client.logs({ traceId });
    expect(others).toEqual([]);
    expect(warning).toEqual({
      timeUnixNano: "1700000000005000000",
      observedTimeUnixNano: "1700000000006000000",
      severityNumber: 13,
      severityText: "WARN",
      body: "payment declined",
      attributes: { "order.id": "A-1001", "retry.count": 2 },
      traceId,
      spanId,
      resource: resourceAttributes,
      scope: { name: "@shop/checkout", version: "0.1.0" },
      serviceName: "checkout",
    });

    const structured = await client.logs({ contains: "cart.VIEWED" });
    expect(structured).toHaveLength(1);
    expect(structured[0]).toMatchObject({ body: { event: "cart.viewed", items: 2 }, severityNumber: 9 });
    expect(structured[0]).not.toHaveProperty("traceId");
    expect(await client.logs({ minSeverity: 13 })).toHaveLength(1);
  });
});
