import { describe, expect, it } from "vitest";
import { TRACE_ID, span } from "./test-fixtures.ts";
import { summarizeTrace } from "./trace-summary.ts";

describe("summarizeTrace", () => {
  it("spans from the earliest start to the latest end, services in order of appearance", () => {
    const summary = summarizeTrace(TRACE_ID, [
      span(
        { spanId: "0000000000000002", parentSpanId: "0000000000000001", name: "db", serviceName: "cart" },
        {
          startMs: 5,
          durationMs: 200,
        },
      ),
      span(
        { spanId: "0000000000000001", name: "GET /", status: { code: "ERROR" } },
        { startMs: 0, durationMs: 50 },
      ),
      span(
        { spanId: "0000000000000003", parentSpanId: "0000000000000001", name: "x", serviceName: "web" },
        {
          startMs: 6,
        },
      ),
    ]);
    expect(summary).toEqual({
      traceId: TRACE_ID,
      rootName: "GET /",
      services: ["web", "cart"],
      spanCount: 3,
      durationMs: 205,
      startTimeUnixNano: "1700000000000000000",
      hasError: true,
    });
  });

  it("names a trace without its root after the earliest span whose parent is missing", () => {
    const summary = summarizeTrace(TRACE_ID, [
      span({ spanId: "0000000000000003", parentSpanId: "0000000000000002", name: "child" }, { startMs: 1 }),
      span({ spanId: "0000000000000002", parentSpanId: "0000000000000001", name: "orphan" }, { startMs: 2 }),
    ]);
    expect(summary.rootName).toBe("orphan");
  });
});
