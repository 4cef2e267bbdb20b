import { describe, expect, it } from "vitest";
import { SinkStore } from "./store.ts";
import { TRACE_ID, logRecord, metricPoint, span } from "./test-fixtures.ts";

const OTHER_TRACE = "00000000000000000000000000000abc";

describe("SinkStore", () => {
  it("holds at most its limits, dropping the oldest and keeping the trace index in step", () => {
    const store = new SinkStore({ spans: 4, logRecords: 2, metricPoints: 3 });
    store.addSpans([
      span({ spanId: "0000000000000001", name: "a1" }, { startMs: 0 }),
      span({ spanId: "0000000000000002", name: "a2", parentSpanId: "0000000000000001" }, { startMs: 1 }),
      span({ traceId: OTHER_TRACE, spanId: "0000000000000003", name: "b1" }, { startMs: 2 }),
    ]);
    store.addSpans([
      span({ traceId: OTHER_TRACE, spanId: "0000000000000004", name: "b2" }, { startMs: 3 }),
      span({ traceId: OTHER_TRACE, spanId: "0000000000000005", name: "b3" }, { startMs: 4 }),
    ]);
    expect(store.spans().map((s) => s.name)).toEqual(["a2", "b1", "b2", "b3"]);
    expect(store.trace(TRACE_ID)?.spans.map((s) => s.name)).toEqual(["a2"]);
    // With its root evicted, a2 is the trace's top span now.
    expect(store.traces({ service: "web" }).find((t) => t.traceId === TRACE_ID)?.rootName).toBe("a2");

    store.addSpans([span({ traceId: OTHER_TRACE, spanId: "0000000000000006", name: "b4" }, { startMs: 5 })]);
    expect(store.trace(TRACE_ID)).toBeUndefined();
    // An evicted span may arrive again: it is new to the store then, not a duplicate.
    store.addSpans([span({ spanId: "0000000000000001", name: "a1" })]);
    expect(store.trace(TRACE_ID)?.spans.map((s) => s.name)).toEqual(["a1"]);

    store.addLogRecords([logRecord({ body: 1 }), logRecord({ body: 2 }), logRecord({ body: 3 })]);
    store.addMetricPoints([1, 2, 3, 4, 5].map((value) => metricPoint({ value })));
    expect(store.logs().map((r) => r.body)).toEqual([2, 3]);
    expect(store.metrics().map((p) => p.value)).toEqual([3, 4, 5]);
    expect(store.stats()).toEqual({
      spans: { held: 4, dropped: 3, capacity: 4, duplicates: 0 },
      logs: { held: 2, dropped: 1, capacity: 2 },
      metrics: { held: 3, dropped: 2, capacity: 3 },
      traces: 2,
    });
  });

  it("ignores a span it already holds (an exporter's retry)", () => {
    const store = new SinkStore();
    const root = span({ spanId: "0000000000000001", name: "root" });
    store.addSpans([root]);
    store.addSpans([root, span({ spanId: "0000000000000002", name: "child" })]);
    expect(store.spans()).toHaveLength(2);
    expect(store.stats().spans.duplicates).toBe(1);
  });

  it("filters logs by trace, service, severity and body text, ordered by time", () => {
    const store = new SinkStore();
    const at = (ms: number) => (1_700_000_000_000_000_000n + BigInt(ms) * 1_000_000n).toString();
    store.addLogRecords([
      logRecord({ body: "Cart saved", timeUnixNano: at(3), traceId: TRACE_ID, spanId: "0000000000000001" }),
      logRecord({
        body: { event: "PAYMENT_DECLINED" },
        timeUnixNano: at(1),
        severityNumber: 17,
        serviceName: "pay",
      }),
      logRecord({ body: "no time", timeUnixNano: "0", observedTimeUnixNano: at(2), severityNumber: 13 }),
    ]);
    expect(store.logs().map((r) => r.body)).toEqual([{ event: "PAYMENT_DECLINED" }, "no time", "Cart saved"]);
    expect(store.logs({ traceId: TRACE_ID.toUpperCase() }).map((r) => r.body)).toEqual(["Cart saved"]);
    expect(store.logs({ service: "pay" })).toHaveLength(1);
    expect(store.logs({ minSeverity: 13 })).toHaveLength(2);
    expect(store.logs({ contains: "declined" })).toHaveLength(1);
    expect(store.logs({ contains: "cart", limit: 1 })).toHaveLength(1);
  });

  it("lists metric names with their services", () => {
    const store = new SinkStore();
    store.addMetricPoints([
      metricPoint({ name: "b", serviceName: "web" }),
      metricPoint({ name: "a", unit: "ms", type: "histogram", serviceName: "web" }),
      metricPoint({ name: "b", serviceName: "cart" }),
    ]);
    expect(store.metricNames()).toEqual([
      { name: "a", unit: "ms", type: "histogram", services: ["web"] },
      { name: "b", unit: "s", type: "gauge", services: ["cart", "web"] },
    ]);
    expect(store.metrics({ name: "b", service: "cart" })).toHaveLength(1);
  });

  it("summarizes traces newest first, limited to 20 by default", () => {
    const store = new SinkStore();
    for (let i = 0; i < 25; i++) {
      const traceId = i.toString(16).padStart(32, "0");
      store.addSpans([span({ traceId, spanId: "0000000000000001", name: `trace ${i}` }, { startMs: i })]);
    }
    const summaries = store.traces();
    expect(summaries).toHaveLength(20);
    expect(summaries[0]?.rootName).toBe("trace 24");
    expect(store.traces({ limit: 100 })).toHaveLength(25);
    store.clear();
    expect(store.traces()).toEqual([]);
    expect(store.stats().traces).toBe(0);
  });
});
