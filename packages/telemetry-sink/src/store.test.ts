import { describe, expect, it } from "vitest";
import type { SinkRumRecording } from "./model.ts";
import { rumEventOf } from "./rum-events.ts";
import {
  OTHER_SESSION_ID,
  RUM_TRACE_ID,
  SESSION_ID,
  clickEvent,
  networkRequestEvent,
  rumEvent,
  webVitalEvent,
} from "./rum-fixtures.ts";
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
      rumEvents: { held: 0, dropped: 0, capacity: 20_000 },
      rumRecordings: { held: 0, dropped: 0, capacity: 5_000 },
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

  it("answers RUM events newest first by their own time, filtered and limited", () => {
    const store = new SinkStore();
    const observed = (ms: number) => (1_700_000_100_000n * 1_000_000n + BigInt(ms) * 1_000_000n).toString();
    // The click happened first but arrived last, as a browser's retried batch does.
    store.addRumEvents([
      rumEventOf(networkRequestEvent(20), observed(0)),
      rumEventOf(webVitalEvent(30), observed(0)),
      rumEventOf(rumEvent({ type: "log", sessionId: OTHER_SESSION_ID, atMs: 40 }), observed(0)),
    ]);
    store.addRumEvents([
      rumEventOf(clickEvent(10), observed(1)),
      rumEventOf({ no: "timestamp" }, observed(2)),
    ]);
    const types = (query = {}) => store.rumEvents(query).map((event) => event.type ?? "?");
    // The event without a timestamp counts as received (observed(2)), later than all others.
    expect(types()).toEqual(["?", "log", "web-vitals", "network-request", "user-interaction"]);
    expect(types({ session: SESSION_ID })).toEqual(["web-vitals", "network-request", "user-interaction"]);
    expect(types({ type: "network-request", trace: RUM_TRACE_ID.toUpperCase() })).toEqual([
      "network-request",
    ]);
    expect(types({ trace: "0".repeat(32) })).toEqual([]);
    expect(types({ session: SESSION_ID, limit: 2 })).toEqual(["web-vitals", "network-request"]);
  });

  it("holds RUM events and recording segments in bounded windows", () => {
    const store = new SinkStore({ rumEvents: 2, rumRecordings: 2 });
    store.addRumEvents([1, 2, 3].map((atMs) => rumEventOf(clickEvent(atMs), "1")));
    const segment = (segmentIndex: number, sessionId = SESSION_ID): SinkRumRecording => ({
      sessionId,
      segmentIndex,
      metadata: { sessionId, segmentIndex },
      chunkBytes: 10,
      chunkIsGzip: true,
      observedTimeUnixNano: String(segmentIndex),
    });
    store.addRumRecordings([segment(0), segment(1, OTHER_SESSION_ID), segment(2)]);
    expect(store.rumEvents().map((event) => event.timeUnixNano)).toEqual([
      "1700000000003000000",
      "1700000000002000000",
    ]);
    expect(store.rumRecordings().map((recording) => recording.segmentIndex)).toEqual([2, 1]);
    expect(store.rumRecordings({ session: SESSION_ID })).toEqual([segment(2)]);
    expect(store.rumRecordings({ limit: 1 })).toEqual([segment(2)]);
    expect(store.stats()).toMatchObject({
      rumEvents: { held: 2, dropped: 1, capacity: 2 },
      rumRecordings: { held: 2, dropped: 1, capacity: 2 },
    });
    store.clear();
    expect([store.rumEvents(), store.rumRecordings()]).toEqual([[], []]);
    expect(store.stats().rumEvents).toEqual({ held: 0, dropped: 0, capacity: 2 });
  });
});
