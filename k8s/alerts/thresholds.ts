// The alerts' thresholds, in one place: the Alert resources in this folder must say the same
// (test/alerts-manifests.test.ts compares them field by field), and the Black Friday acceptance
// test feeds its measured series to alert-evaluator.ts, which reads its rules from here. So the
// demo's "which alert fires when" and what Coralogix evaluates cannot drift apart.
//
// Numbers fit the local demo: a normal day has well under 5% failed checkouts and a checkout p95
// of a few hundred ms (the brief's SLO: p95 < 500 ms); a slow query is one over
// TELEMETRY_SLOW_QUERY_MS (200 ms), which a healthy catalog almost never runs; a healthy pool has
// 1-2 of its 10 connections in use, a filling one swings between 7 and 10, a saturated one sits
// at 10 (measured, 1 s samples, during Black Friday).

export type Priority = "p1" | "p2" | "p3" | "p4" | "p5";
export type ConditionType = "moreThan" | "lessThan";

/** The series each metric alert's PromQL computes (and the acceptance test measures). */
export type Signal =
  | "checkoutErrorRate"
  | "checkoutLatencyP95Seconds"
  | "slowQueriesPerMinute"
  | "poolUtilization"
  | "revenueVsHourBefore";

export interface MetricAlertRule {
  /** metadata.name of the Alert resource, and its file name (<resource>.yaml). */
  resource: string;
  signal: Signal;
  conditionType: ConditionType;
  threshold: number;
  /** The condition's window (ofTheLast.dynamicDuration), in minutes of the 1x timeline. */
  windowMinutes: number;
  /** Share of the window's evaluations that must breach, in percent (forOverPct). */
  forOverPct: number;
  priority: Priority;
}

export const METRIC_ALERTS = {
  checkoutErrorRate: {
    resource: "checkout-error-rate",
    signal: "checkoutErrorRate",
    conditionType: "moreThan",
    threshold: 0.05,
    windowMinutes: 2,
    forOverPct: 100,
    priority: "p2",
  },
  checkoutLatencyP95: {
    resource: "checkout-latency-p95",
    signal: "checkoutLatencyP95Seconds",
    conditionType: "moreThan",
    threshold: 1,
    windowMinutes: 2,
    forOverPct: 100,
    priority: "p2",
  },
  slowQueries: {
    resource: "db-slow-queries",
    signal: "slowQueriesPerMinute",
    conditionType: "moreThan",
    threshold: 10,
    windowMinutes: 1,
    forOverPct: 100,
    priority: "p3",
  },
  poolSaturation: {
    resource: "db-pool-saturation",
    signal: "poolUtilization",
    conditionType: "moreThan",
    // Over 0.9 at every evaluation of the minute: a pool of 10 must be full (10/10) throughout,
    // so one that only touches 10 while filling, or a busy second, does not page.
    threshold: 0.9,
    windowMinutes: 1,
    forOverPct: 100,
    priority: "p2",
  },
  revenueDrop: {
    resource: "revenue-drop",
    signal: "revenueVsHourBefore",
    conditionType: "lessThan",
    threshold: 0.5,
    windowMinutes: 5,
    forOverPct: 100,
    priority: "p1",
  },
} as const satisfies Record<string, MetricAlertRule>;

export type MetricAlertKey = keyof typeof METRIC_ALERTS;

export interface FlowAlertRule {
  resource: string;
  /** The metric alerts that must fire, in this order. */
  stages: readonly MetricAlertKey[];
  /** Each stage after the first must fire within this many minutes of the one before. */
  withinMinutes: number;
  priority: Priority;
}

/** Black Friday's signature: checkouts fail first (503s shed load fast), then they slow down. */
export const FLOW_ALERT = {
  resource: "checkout-degradation-flow",
  stages: ["checkoutErrorRate", "checkoutLatencyP95"],
  withinMinutes: 10,
  priority: "p1",
} as const satisfies FlowAlertRule;

/**
 * The ten-minute comparison window of the revenue alert: revenue of the last 10 minutes against
 * the same 10 minutes an hour earlier (so a normal day's daily shape does not page anyone).
 */
export const REVENUE_COMPARISON_MINUTES = 10;
