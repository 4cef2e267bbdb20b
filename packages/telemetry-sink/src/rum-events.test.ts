import { describe, expect, it } from "vitest";
import {
  RUM_SPAN_ID,
  RUM_TRACE_ID,
  SESSION_ID,
  clickEvent,
  errorEvent,
  networkRequestEvent,
  rumBatch,
  rumEvent,
  webVitalEvent,
} from "./rum-fixtures.ts";
import { RumDecodeError, decodeRumLogs, rumEventOf, unixNanoFromMs } from "./rum-events.ts";

const OBSERVED = "1700000009000000000";
const bytes = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value));

describe("RUM event extraction", () => {
  it("pulls out what queries need and keeps the event as sent", () => {
    const raw = networkRequestEvent(250);
    expect(rumEventOf(raw, OBSERVED)).toEqual({
      type: "network-request",
      severity: 3,
      sessionId: SESSION_ID,
      traceId: RUM_TRACE_ID,
      spanId: RUM_SPAN_ID,
      pageUrl: "http://localhost:3000/products/mug",
      networkRequestUrl: "http://localhost:3000/api/trpc/cart.add",
      applicationName: "storefront",
      labels: { team: "storefront" },
      timeUnixNano: "1700000000250000000",
      observedTimeUnixNano: OBSERVED,
      raw,
    });
  });

  it("leaves out what an event type does not carry", () => {
    const vital = rumEventOf(webVitalEvent(), OBSERVED);
    expect(vital.type).toBe("web-vitals");
    expect(Object.keys(vital)).not.toContain("traceId");
    expect(Object.keys(vital)).not.toContain("networkRequestUrl");
    expect(rumEventOf(clickEvent(), OBSERVED).type).toBe("user-interaction");
    expect(rumEventOf(errorEvent(), OBSERVED)).toMatchObject({
      type: "error",
      severity: 5,
      labels: { team: "storefront", release: "canary" },
    });
  });

  it("finds a trace id wherever senders put it, lower-cased", () => {
    const traceOf = (context: Record<string, unknown>, outside: Record<string, unknown> = {}) =>
      rumEventOf({ ...rumEvent({ type: "network-request", context }), ...outside }, OBSERVED);
    const upper = RUM_TRACE_ID.toUpperCase();
    expect(traceOf({ trace_id: upper, span_id: "AB00000000000001" })).toMatchObject({
      traceId: RUM_TRACE_ID,
      spanId: "ab00000000000001",
    });
    expect(traceOf({ network_request_context: { url: "/x", trace_id: RUM_TRACE_ID } }).traceId).toBe(
      RUM_TRACE_ID,
    );
    expect(
      traceOf({}, { instrumentation_data: { otelSpan: { traceId: RUM_TRACE_ID, spanId: RUM_SPAN_ID } } }),
    ).toMatchObject({ traceId: RUM_TRACE_ID, spanId: RUM_SPAN_ID });
    expect(
      traceOf({
        network_request_context: {
          url: "/x",
          request_headers: { TraceParent: `00-${RUM_TRACE_ID}-${RUM_SPAN_ID}-01` },
        },
      }),
    ).toMatchObject({ traceId: RUM_TRACE_ID, spanId: RUM_SPAN_ID });
    // cx_rum.traceId wins over the others.
    expect(traceOf({ traceId: RUM_TRACE_ID, trace_id: "f".repeat(32) }).traceId).toBe(RUM_TRACE_ID);
  });

  it("reads a text carried as a JSON string", () => {
    const { text, ...entry } = networkRequestEvent();
    const event = rumEventOf({ ...entry, text: JSON.stringify(text) }, OBSERVED);
    expect(event).toMatchObject({ type: "network-request", sessionId: SESSION_ID, traceId: RUM_TRACE_ID });
  });

  it("keeps events of any shape, extracting nothing it cannot trust", () => {
    const odd = [
      null,
      42,
      "text",
      [],
      {},
      { text: "not json" },
      { timestamp: "1700000000000.5", text: { cx_rum: { event_context: { type: 7 }, labels: ["a"] } } },
    ];
    const events = odd.map((raw) => rumEventOf(raw, OBSERVED));
    for (const [index, event] of events.entries()) {
      expect(event.raw).toBe(odd[index]);
      expect(event.labels).toEqual({});
      expect(event.type).toBeUndefined();
    }
    expect(events.slice(0, 6).map((event) => event.timeUnixNano)).toEqual(Array(6).fill("0"));
    expect(events[6]?.timeUnixNano).toBe("1700000000000500000");
  });
});

describe("RUM batches", () => {
  it("become one record per event, in order", () => {
    const events = decodeRumLogs(bytes(rumBatch([clickEvent(0), networkRequestEvent(5)])), OBSERVED);
    expect(events.map((event) => event.type)).toEqual(["user-interaction", "network-request"]);
    expect(decodeRumLogs(bytes({ logs: [] }), OBSERVED)).toEqual([]);
  });

  it("are refused when not JSON or without a logs array", () => {
    expect(() => decodeRumLogs(bytes("{ logs: "), OBSERVED)).toThrow(RumDecodeError);
    expect(() => decodeRumLogs(bytes("{ logs: "), OBSERVED)).toThrow(/^invalid JSON RUM batch: /);
    for (const body of [{ events: [] }, { logs: {} }, [], "logs"]) {
      expect(() => decodeRumLogs(bytes(JSON.stringify(body)), OBSERVED)).toThrow(
        'a RUM batch must be a JSON object with a "logs" array',
      );
    }
  });
});

describe("unixNanoFromMs", () => {
  it("converts epoch milliseconds, fractions included", () => {
    expect(unixNanoFromMs(1_700_000_000_123)).toBe("1700000000123000000");
    expect(unixNanoFromMs(1_700_000_000_000.25)).toBe("1700000000000250000");
    expect([unixNanoFromMs(undefined), unixNanoFromMs(0), unixNanoFromMs(-5), unixNanoFromMs(NaN)]).toEqual([
      "0",
      "0",
      "0",
      "0",
    ]);
  });
});
