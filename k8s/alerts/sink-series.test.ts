import { describe, expect, it } from "vitest";
import type { SinkMetricPoint } from "../../packages/telemetry-sink/src/model.ts";
import { evaluateAlerts } from "./alert-evaluator.ts";
import { seriesFromSink } from "./sink-series.ts";

const T0 = 1_800_000_000_000;
const SECOND = 1_000;

const POOL = { "db.client.connection.pool.name": "unknown_host:unknown_port/unknown_database" };
const USED = { ...POOL, "db.client.connection.state": "used" };
const IDLE = { ...POOL, "db.client.connection.state": "idle" };

function point(
  name: string,
  atMs: number,
  fields: Partial<SinkMetricPoint>,
  attributes: Record<string, unknown> = {},
  serviceName = "checkout",
): SinkMetricPoint {
  return {
    name,
    description: "",
    unit: "",
    type: "sum",
    attributes,
    resource: { "service.name": serviceName },
    serviceName,
    startTimeUnixNano: `${String(T0)}000000`,
    timeUnixNano: `${String(atMs)}000000`,
    ...fields,
  };
}

describe("seriesFromSink", () => {
  it("computes each alert's value from cumulative points, per stream, over the query's window", () => {
    const points = [
      // Attempts: 100 successes and 0 errors by 60 s, then 10 more errors and 30 successes by 120 s.
      point(
        "shop.checkout.attempts",
        T0 + 60 * SECOND,
        { value: 100 },
        { "shop.checkout.outcome": "success" },
      ),
      point(
        "shop.checkout.attempts",
        T0 + 120 * SECOND,
        { value: 130 },
        { "shop.checkout.outcome": "success" },
      ),
      point("shop.checkout.attempts", T0 + 120 * SECOND, { value: 10 }, { "shop.checkout.outcome": "error" }),
      // Two catalog replicas' slow queries: 6 and 4 in the last minute.
      point("shop.db.slow_queries", T0 + 60 * SECOND, { value: 2 }, {}, "catalog-a"),
      point("shop.db.slow_queries", T0 + 120 * SECOND, { value: 8 }, {}, "catalog-a"),
      point("shop.db.slow_queries", T0 + 120 * SECOND, { value: 4 }, {}, "catalog-b"),
      // The pools: checkout has 4 of 10 in use (idle ones do not count); catalog's two replicas
      // 9 and 10 of 10 each. Over all services that is 23/30; the busiest service, catalog, 19/20.
      point("db.client.connection.count", T0 + 120 * SECOND, { value: 4 }, USED),
      point("db.client.connection.count", T0 + 120 * SECOND, { value: 6 }, IDLE),
      point("db.client.connection.max", T0 + 120 * SECOND, { value: 10 }, POOL),
      ...[9, 10].flatMap((used, replica) => {
        const fields = { resource: { "service.name": "catalog", "service.instance.id": String(replica) } };
        return [
          point("db.client.connection.count", T0 + 120 * SECOND, { ...fields, value: used }, USED, "catalog"),
          point("db.client.connection.max", T0 + 120 * SECOND, { ...fields, value: 10 }, POOL, "catalog"),
        ];
      }),
      // placeOrder durations: 10 new observations between 60 s and 120 s, 9 under 0.5 s, 1 under 2.5 s.
      point(
        "http.server.request.duration",
        T0 + 60 * SECOND,
        { type: "histogram", explicitBounds: [0.5, 2.5], bucketCounts: [50, 0, 0] },
        { "http.route": "/placeOrder" },
      ),
      point(
        "http.server.request.duration",
        T0 + 120 * SECOND,
        { type: "histogram", explicitBounds: [0.5, 2.5], bucketCounts: [59, 1, 0] },
        { "http.route": "/placeOrder" },
      ),
      // Another route's slow requests are not checkout's.
      point(
        "http.server.request.duration",
        T0 + 120 * SECOND,
        { type: "histogram", explicitBounds: [0.5, 2.5], bucketCounts: [0, 0, 100] },
        { "http.route": "/search" },
      ),
    ];
    // At 2x, the 2-minute windows are 60 s and the 1-minute one 30 s.
    const series = seriesFromSink(points, { stepMs: 60 * SECOND, timeScale: 2 });
    const at120 = (samples: { at: number; value: number | null }[]) =>
      samples.find((sample) => sample.at === T0 + 120 * SECOND)?.value;
    expect(at120(series.checkoutErrorRate)).toBeCloseTo(10 / 40);
    // Over the last 30 s: catalog-a 6 (its value at 90 s is still 2), catalog-b 4 (born inside): 10 in 30 s.
    expect(at120(series.slowQueriesPerMinute)).toBe(20);
    expect(at120(series.poolUtilization)).toBe(0.95);
    // Rank 9.5 of 10: inside the (0.5, 2.5] bucket, halfway.
    expect(at120(series.checkoutLatencyP95Seconds)).toBeCloseTo(1.5);
    expect(at120(series.revenueVsHourBefore)).toBeNull();
  });

  it("treats a counter that went down as a restarted process", () => {
    const points = [
      point("shop.checkout.attempts", T0, { value: 500 }, { "shop.checkout.outcome": "error" }),
      point("shop.checkout.attempts", T0 + 60 * SECOND, { value: 5 }, { "shop.checkout.outcome": "error" }),
      point("shop.checkout.attempts", T0 + 60 * SECOND, { value: 5 }, { "shop.checkout.outcome": "success" }),
    ];
    const series = seriesFromSink(points, { stepMs: 60 * SECOND });
    expect(series.checkoutErrorRate.at(-1)?.value).toBe(0.5);
  });

  it("feeds evaluateAlerts: a run whose errors climb fires the error-rate alert", () => {
    const points: SinkMetricPoint[] = [];
    let errors = 0;
    let successes = 0;
    for (let second = 0; second <= 60; second += 1) {
      successes += 10;
      if (second >= 20) errors += 5;
      const at = T0 + second * SECOND;
      points.push(
        point("shop.checkout.attempts", at, { value: successes }, { "shop.checkout.outcome": "success" }),
      );
      points.push(
        point("shop.checkout.attempts", at, { value: errors }, { "shop.checkout.outcome": "error" }),
      );
    }
    const options = { stepMs: SECOND, timeScale: 10 };
    const result = evaluateAlerts(seriesFromSink(points, options), options);
    expect(result.firingOrder).toEqual(["checkoutErrorRate"]);
    // At 20 s the 12 s query window holds 5 errors in 125 attempts (4%: not yet); from 21 s it
    // breaches (10 in 130), so the alert's 12 s window, (20 s, 32 s], is all breaching at 32 s.
    expect(result.episodes.checkoutErrorRate).toEqual([{ firedAt: T0 + 32 * SECOND }]);
  });

  it("fires the pool alert on a pool that stays full, not on one filling up (measured shapes, 1 s samples)", () => {
    const catalogUsed = [
      ...Array.from({ length: 20 }, (_, second) => 1 + (second % 2)), // healthy: 1-2 in use
      ...[7, 9, 10, 8, 7, 9, 10, 9, 4, 10], // filling: touches 10, never stays there
      ...Array.from({ length: 30 }, () => 10), // saturated: 10/10 for 30 s (pending mostly 0)
      ...Array.from({ length: 10 }, () => 1), // after the fix
    ];
    const points = catalogUsed.flatMap((used, second) => {
      const at = T0 + second * SECOND;
      return [
        point("db.client.connection.count", at, { value: used }, USED, "catalog"),
        point("db.client.connection.max", at, { value: 10 }, POOL, "catalog"),
        point("db.client.connection.count", at, { value: 1 }, USED, "orders"),
        point("db.client.connection.max", at, { value: 10 }, POOL, "orders"),
      ];
    });
    // At 10x the alert's minute is 6 s. 10/10 from 29 s (filling's last sample) on: at 34 s all six
    // samples of its window are full.
    const options = { stepMs: SECOND, timeScale: 10 };
    const result = evaluateAlerts(seriesFromSink(points, options), options);
    expect(result.firingOrder).toEqual(["poolSaturation"]);
    expect(result.episodes.poolSaturation).toEqual([
      { firedAt: T0 + 34 * SECOND, resolvedAt: T0 + 60 * SECOND },
    ]);
  });

  it("answers empty series without points, and refuses a zero step", () => {
    expect(seriesFromSink([], { stepMs: SECOND }).checkoutErrorRate).toEqual([]);
    expect(() => seriesFromSink([], { stepMs: 0 })).toThrow(/stepMs/);
  });
});
