import { describe, expect, it } from "vitest";
import type { SinkMetricPoint, SinkSpan } from "@shop/telemetry-sink";
import {
  firstBreachAt,
  firstIncreaseAfter,
  firstSpanAt,
  incidentMilestones,
  isSlowQuery,
  showsSaturatedPool,
} from "./incident-milestones.ts";
import { METRIC_ALERTS } from "../../k8s/alerts/thresholds.ts";

const nanos = (ms: number) => `${String(ms)}000000`;

function span(startMs: number, attributes: Record<string, unknown> = {}): SinkSpan {
  return {
    traceId: "a".repeat(32),
    spanId: startMs.toString(16).padStart(16, "0"),
    name: "pg.query:SELECT",
    kind: "CLIENT",
    startTimeUnixNano: nanos(startMs),
    endTimeUnixNano: nanos(startMs + 300),
    durationMs: 300,
    attributes,
    status: { code: "UNSET" },
    events: [],
    links: [],
    resource: {},
    scope: { name: "test" },
    serviceName: "catalog",
  };
}

function counter(atMs: number, value: number, serviceName = "checkout"): SinkMetricPoint {
  return {
    name: "shop.checkout.attempts",
    description: "",
    unit: "{attempt}",
    type: "sum",
    monotonic: true,
    attributes: { "shop.checkout.outcome": "success" },
    resource: { "service.instance.id": serviceName },
    serviceName,
    startTimeUnixNano: nanos(0),
    timeUnixNano: nanos(atMs),
    value,
  };
}

const noSeries = {
  checkoutErrorRate: [],
  checkoutLatencyP95Seconds: [],
  slowQueriesPerMinute: [],
  poolUtilization: [],
  revenueVsHourBefore: [],
};

describe("span classes", () => {
  it("counts slow PostgreSQL queries, not slow waits for a connection", () => {
    expect(isSlowQuery({ ...span(1, { "db.slow_query": true }), name: "pg.query:SELECT shop" })).toBe(true);
    expect(isSlowQuery({ ...span(1, { "db.slow_query": true }), name: "pg-pool.connect" })).toBe(false);
    expect(isSlowQuery({ ...span(1), name: "pg.query:SELECT shop" })).toBe(false);
  });

  it("reads a full pool from shed requests and slow connection checkouts", () => {
    expect(showsSaturatedPool({ ...span(1, { "error.type": "SERVICE_BUSY" }), name: "catalog/list" })).toBe(
      true,
    );
    expect(showsSaturatedPool({ ...span(1, { "db.slow_query": true }), name: "pg-pool.connect" })).toBe(true);
    expect(showsSaturatedPool({ ...span(1), name: "pg-pool.connect" })).toBe(false);
    expect(
      showsSaturatedPool({ ...span(1, { "error.type": "OUT_OF_STOCK" }), name: "checkout/placeOrder" }),
    ).toBe(false);
  });
});

describe("firstSpanAt", () => {
  it("is the earliest start, whatever the order received", () => {
    expect(firstSpanAt([span(3_000), span(1_000), span(2_000)])).toBe(1_000);
    expect(firstSpanAt([])).toBeUndefined();
  });
});

describe("firstBreachAt", () => {
  const rule = METRIC_ALERTS.checkoutErrorRate;
  it("is the first sample over the threshold; no data and the threshold itself do not breach", () => {
    const samples = [
      { at: 4, value: 0.5 },
      { at: 1, value: null },
      { at: 2, value: rule.threshold },
      { at: 3, value: 0.2 },
    ];
    expect(firstBreachAt(samples, rule)).toBe(3);
    expect(firstBreachAt(samples, rule, 3)).toBe(4);
    expect(firstBreachAt([{ at: 1, value: 0.01 }], rule)).toBeUndefined();
  });
});

describe("firstIncreaseAfter", () => {
  it("is the first export after the time that carried a higher count", () => {
    const points = [counter(1_000, 5), counter(2_000, 6), counter(3_000, 6), counter(4_000, 7)];
    expect(firstIncreaseAfter(points, 2_000)).toBe(4_000);
    expect(firstIncreaseAfter(points, 4_000)).toBeUndefined();
  });

  it("counts a process that started after the time (a new stream) from zero", () => {
    expect(firstIncreaseAfter([counter(1_000, 9), counter(5_000, 2, "checkout-2")], 2_000)).toBe(5_000);
  });
});

describe("incidentMilestones", () => {
  it("takes saturation from whichever shows first: a shed request or a full pool", () => {
    const series = {
      ...noSeries,
      poolUtilization: [
        { at: 5_000, value: 0.9 },
        { at: 6_000, value: 1 },
      ],
      checkoutErrorRate: [{ at: 8_000, value: 0.3 }],
    };
    const milestones = incidentMilestones({
      slowQuerySpans: [span(4_000, { "db.slow_query": true })],
      saturationSpans: [span(7_000, { "error.type": "SERVICE_BUSY" })],
      series,
      successfulCheckouts: [counter(9_000, 1), counter(10_000, 2)],
      fixAt: 9_500,
    });
    expect(milestones).toEqual({
      slowQuery: 4_000,
      poolSaturation: 6_000,
      checkoutErrors: 8_000,
      recovery: 10_000,
    });
  });

  it("leaves a stage undefined when the telemetry never showed it", () => {
    const milestones = incidentMilestones({
      slowQuerySpans: [],
      saturationSpans: [],
      series: noSeries,
      successfulCheckouts: [],
      fixAt: 0,
    });
    expect(milestones).toEqual({
      slowQuery: undefined,
      poolSaturation: undefined,
      checkoutErrors: undefined,
      recovery: undefined,
    });
  });
});
