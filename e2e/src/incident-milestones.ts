// When each stage of the Black Friday incident first shows in the telemetry: the first slow query,
// the first sign of a saturated pool, the checkout error rate crossing its alert's threshold, and
// the first successful checkout after the fix. Pure functions over what the sink recorded, so the
// acceptance test can say "in this order" about the shop's own data, not about its own clock.
import type { SinkMetricPoint, SinkSpan } from "@shop/telemetry-sink";
import { breaches } from "../../k8s/alerts/alert-evaluator.ts";
import type { Sample } from "../../k8s/alerts/alert-evaluator.ts";
import { METRIC_ALERTS } from "../../k8s/alerts/thresholds.ts";
import type { Signal } from "../../k8s/alerts/thresholds.ts";

/** Epoch milliseconds of a sink timestamp (nanoseconds as a decimal string). */
export function nanosToMs(nanos: string): number {
  return Number(BigInt(nanos) / 1_000_000n);
}

/**
 * A PostgreSQL query over the slow-query threshold. The telemetry flags every database span that
 * slow, pg's connection checkouts included; a long checkout is a wait for the pool, not a query.
 */
export function isSlowQuery(span: SinkSpan): boolean {
  return span.attributes["db.slow_query"] === true && span.name.startsWith("pg.query");
}

/** A request shed because the pool was full, or a checkout that waited past the slow threshold. */
export function showsSaturatedPool(span: SinkSpan): boolean {
  return (
    span.attributes["error.type"] === "SERVICE_BUSY" ||
    (span.name === "pg-pool.connect" && span.attributes["db.slow_query"] === true)
  );
}

/** The earliest start among `spans` (undefined: none). */
export function firstSpanAt(spans: SinkSpan[]): number | undefined {
  const starts = spans.map((span) => nanosToMs(span.startTimeUnixNano));
  return starts.length === 0 ? undefined : Math.min(...starts);
}

/** The first sample whose value crosses `rule`'s threshold (undefined: never). */
export function firstBreachAt(
  samples: Sample[],
  rule: Parameters<typeof breaches>[0],
  after = Number.NEGATIVE_INFINITY,
): number | undefined {
  return [...samples]
    .sort((a, b) => a.at - b.at)
    .find((sample) => sample.at > after && breaches(rule, sample.value))?.at;
}

/**
 * The first time after `after` that a counter's stream (one process, one attribute set) rose:
 * the export that first carried a new count.
 */
export function firstIncreaseAfter(points: SinkMetricPoint[], after: number): number | undefined {
  const byStream = new Map<string, SinkMetricPoint[]>();
  for (const point of points) {
    const key = JSON.stringify([point.serviceName, point.resource, point.attributes]);
    byStream.set(key, [...(byStream.get(key) ?? []), point]);
  }
  let first: number | undefined;
  for (const stream of byStream.values()) {
    const sorted = stream.sort((a, b) => nanosToMs(a.timeUnixNano) - nanosToMs(b.timeUnixNano));
    let previous = 0;
    for (const point of sorted) {
      const at = nanosToMs(point.timeUnixNano);
      const value = point.value ?? 0;
      if (at > after && value > previous) {
        first = Math.min(first ?? at, at);
        break;
      }
      previous = value;
    }
  }
  return first;
}

export interface IncidentMilestones {
  slowQuery?: number;
  poolSaturation?: number;
  checkoutErrors?: number;
  recovery?: number;
}

export interface IncidentTelemetry {
  /** Database query spans flagged db.slow_query. */
  slowQuerySpans: SinkSpan[];
  /** Spans that show a full pool: requests shed as SERVICE_BUSY, long waits for a connection. */
  saturationSpans: SinkSpan[];
  /** The alerts' series (k8s/alerts/sink-series.ts). */
  series: Record<Signal, Sample[]>;
  /** shop.checkout.attempts points with outcome "success". */
  successfulCheckouts: SinkMetricPoint[];
  /** When the scenario's fix step began. */
  fixAt: number;
}

/** Each stage's first appearance; saturation is whichever shows first, in the spans or the pools' utilization. */
export function incidentMilestones(telemetry: IncidentTelemetry): IncidentMilestones {
  const shed = firstSpanAt(telemetry.saturationSpans);
  const full = firstBreachAt(telemetry.series.poolUtilization, METRIC_ALERTS.poolSaturation);
  const saturation = [shed, full].filter((at) => at !== undefined);
  return {
    slowQuery: firstSpanAt(telemetry.slowQuerySpans),
    poolSaturation: saturation.length === 0 ? undefined : Math.min(...saturation),
    checkoutErrors: firstBreachAt(telemetry.series.checkoutErrorRate, METRIC_ALERTS.checkoutErrorRate),
    recovery: firstIncreaseAfter(telemetry.successfulCheckouts, telemetry.fixAt),
  };
}
