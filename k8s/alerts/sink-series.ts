// The alerts' series from the local telemetry sink's metric points: what each alert's PromQL
// would compute, evaluated every `stepMs`, so a test can hand a (time-scaled) scenario run to
// evaluateAlerts without Coralogix. The apps export cumulative temporality (the OpenTelemetry JS
// default): a counter's or histogram's point is its total since the stream started, and a
// non-monotonic sum (the pool's UpDownCounters) is its current level.
import type { SinkMetricPoint } from "../../packages/telemetry-sink/src/model.ts";
import type { Sample } from "./alert-evaluator.ts";
import {
  checkoutErrorRate,
  histogramQuantile,
  perMinute,
  poolUtilization,
  revenueVsHourBefore,
} from "./alert-signals.ts";
import type { Bucket, PoolLevels } from "./alert-signals.ts";
import { METRIC_ALERTS, REVENUE_COMPARISON_MINUTES } from "./thresholds.ts";
import type { Signal } from "./thresholds.ts";

const MINUTE_MS = 60_000;

interface Stream {
  points: SinkMetricPoint[];
}

function timeMs(point: SinkMetricPoint): number {
  return Number(BigInt(point.timeUnixNano) / 1_000_000n);
}

/** Points grouped by stream (one process's one attribute set), each stream in time order. */
function streams(
  points: SinkMetricPoint[],
  name: string,
  where: (point: SinkMetricPoint) => boolean,
): Stream[] {
  const byKey = new Map<string, SinkMetricPoint[]>();
  for (const point of points) {
    if (point.name !== name || !where(point)) continue;
    const key = JSON.stringify([point.serviceName, point.resource, point.attributes]);
    byKey.set(key, [...(byKey.get(key) ?? []), point]);
  }
  return [...byKey.values()].map((list) => ({ points: list.sort((a, b) => timeMs(a) - timeMs(b)) }));
}

/** The stream's last point at or before `at`. */
function latest(stream: Stream, at: number): SinkMetricPoint | undefined {
  let found: SinkMetricPoint | undefined;
  for (const point of stream.points) {
    if (timeMs(point) > at) break;
    found = point;
  }
  return found;
}

/** A counter's increase over (from, to], summed over its streams (a stream born inside counts from 0). */
function increase(streamList: Stream[], from: number, to: number): number {
  let total = 0;
  for (const stream of streamList) {
    const end = latest(stream, to)?.value ?? 0;
    const start = latest(stream, from)?.value ?? 0;
    // A restarted process starts again from zero, as PromQL's increase() assumes.
    total += end >= start ? end - start : end;
  }
  return total;
}

/** Cumulative buckets of a histogram's observations in (from, to], over its streams. */
function bucketIncrease(streamList: Stream[], from: number, to: number): Bucket[] {
  let bounds: number[] | undefined;
  let perBucket: number[] = [];
  for (const stream of streamList) {
    const end = latest(stream, to);
    if (!end?.bucketCounts || !end.explicitBounds) continue;
    const start = latest(stream, from);
    bounds ??= end.explicitBounds;
    const startCounts = start?.bucketCounts ?? [];
    const restarted = end.bucketCounts.some((count, index) => count < (startCounts[index] ?? 0));
    const delta = end.bucketCounts.map((count, index) =>
      restarted ? count : count - (startCounts[index] ?? 0),
    );
    perBucket = delta.map((count, index) => count + (perBucket[index] ?? 0));
  }
  if (!bounds) return [];
  let running = 0;
  return [...bounds, Number.POSITIVE_INFINITY].map((le, index) => {
    running += perBucket[index] ?? 0;
    return { le, count: running };
  });
}

/** A non-monotonic sum's current level per service (the query's `sum by (service_name)`). */
function levelByService(streamList: Stream[], at: number): Map<string, number> {
  const byService = new Map<string, number>();
  for (const stream of streamList) {
    const point = latest(stream, at);
    if (!point) continue;
    byService.set(point.serviceName, (byService.get(point.serviceName) ?? 0) + (point.value ?? 0));
  }
  return byService;
}

/** Connections in use and pool sizes, per service, at `at`. */
function poolLevels(used: Stream[], max: Stream[], at: number): Record<string, PoolLevels> {
  const usedBy = levelByService(used, at);
  const maxBy = levelByService(max, at);
  const services = new Set([...usedBy.keys(), ...maxBy.keys()]);
  return Object.fromEntries(
    [...services].map((service) => [
      service,
      { used: usedBy.get(service) ?? 0, max: maxBy.get(service) ?? 0 },
    ]),
  );
}

export interface SinkSeriesOptions {
  /** Evaluate every `stepMs` (say, 1 s for a run at time scale 10). */
  stepMs: number;
  /** The scenario's time scale: the queries' windows shrink by it, like the alert windows. */
  timeScale?: number;
}

/** Every alert's series over the span of `points`. */
export function seriesFromSink(
  points: SinkMetricPoint[],
  options: SinkSeriesOptions,
): Record<Signal, Sample[]> {
  const scale = options.timeScale ?? 1;
  if (!(options.stepMs > 0) || !(scale > 0)) throw new Error("stepMs and timeScale must be positive");
  const window = (minutes: number) => (minutes * MINUTE_MS) / scale;
  const attempts = streams(points, "shop.checkout.attempts", () => true);
  const errors = streams(
    points,
    "shop.checkout.attempts",
    (p) => p.attributes["shop.checkout.outcome"] === "error",
  );
  const placeOrder = streams(
    points,
    "http.server.request.duration",
    (p) => p.attributes["http.route"] === "/placeOrder",
  );
  const slow = streams(points, "shop.db.slow_queries", () => true);
  const used = streams(
    points,
    "db.client.connection.count",
    (p) => p.attributes["db.client.connection.state"] === "used",
  );
  const poolMax = streams(points, "db.client.connection.max", () => true);
  const revenue = streams(points, "shop.revenue", () => true);

  const errorWindow = window(METRIC_ALERTS.checkoutErrorRate.windowMinutes);
  const latencyWindow = window(METRIC_ALERTS.checkoutLatencyP95.windowMinutes);
  const slowWindow = window(METRIC_ALERTS.slowQueries.windowMinutes);
  const revenueWindow = window(REVENUE_COMPARISON_MINUTES);
  const hour = window(60);

  const series: Record<Signal, Sample[]> = {
    checkoutErrorRate: [],
    checkoutLatencyP95Seconds: [],
    slowQueriesPerMinute: [],
    poolUtilization: [],
    revenueVsHourBefore: [],
  };
  const times = points.map(timeMs);
  if (times.length === 0) return series;
  const first = Math.min(...times);
  const last = Math.max(...times);
  for (let at = first; at <= last; at += options.stepMs) {
    const failed = increase(errors, at - errorWindow, at);
    const all = increase(attempts, at - errorWindow, at);
    series.checkoutErrorRate.push({ at, value: checkoutErrorRate({ error: failed, other: all - failed }) });
    series.checkoutLatencyP95Seconds.push({
      at,
      value: histogramQuantile(0.95, bucketIncrease(placeOrder, at - latencyWindow, at)),
    });
    series.slowQueriesPerMinute.push({
      at,
      // Per wall-clock minute: a time-scaled run compresses the timeline, not the traffic.
      value: perMinute(increase(slow, at - slowWindow, at), slowWindow),
    });
    series.poolUtilization.push({ at, value: poolUtilization(poolLevels(used, poolMax, at)) });
    series.revenueVsHourBefore.push({
      at,
      value: revenueVsHourBefore(
        increase(revenue, at - revenueWindow, at),
        increase(revenue, at - hour - revenueWindow, at - hour),
      ),
    });
  }
  return series;
}
