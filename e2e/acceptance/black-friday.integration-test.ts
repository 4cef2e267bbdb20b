// The Black Friday scenario, time-scaled, against the whole local shop: while a steady crowd of
// HTTP shoppers browses and buys, the scenario drops the catalog's index, saturates every
// service's connection pool, locks the hot products' inventory rows and then applies the fix.
// What the shop sent the telemetry sink must tell that story in order (slow queries, a saturated
// pool, failing checkouts, recovery), and the alerts as code (k8s/alerts), judged on the sink's
// metrics, must fire the flow alert: the checkout error rate first (the services shed a saturated
// pool's requests fast), then checkout latency (the locked rows) within the flow's window.
//
// Time scale: the scenario runs TIME_SCALE times faster than real time, and the alerts' windows
// (2 minutes for checkout errors and latency, 1 for slow queries and the pool, the flow's 10)
// shrink by the same factor in the evaluator, as the scenario's own steps do. Nothing here
// asserts how long anything took: the test waits on states (the scenario's record, the sink's
// data) with bounded polls, and compares the times the telemetry carries.
import { Redis } from "ioredis";
import { SCENARIOS, ScenarioControl, startConductor } from "@shop/scenarios";
import type { RunningConductor } from "@shop/scenarios";
import { waitFor } from "@shop/service-kit/testing";
import { SCHEMA_ATTR } from "@shop/telemetry/names";
import { SinkClient } from "@shop/telemetry-sink";
import type { SinkMetricPoint, SinkSpan } from "@shop/telemetry-sink";
import { afterAll, describe, expect, inject, it } from "vitest";
import { evaluateAlerts } from "../../k8s/alerts/alert-evaluator.ts";
import type { Episode } from "../../k8s/alerts/alert-evaluator.ts";
import { seriesFromSink } from "../../k8s/alerts/sink-series.ts";
import { METRIC_ALERTS } from "../../k8s/alerts/thresholds.ts";
import type { Signal } from "../../k8s/alerts/thresholds.ts";
import { BlackFridayShoppers } from "../src/black-friday-shoppers.ts";
import {
  firstIncreaseAfter,
  incidentMilestones,
  isSlowQuery,
  nanosToMs,
  showsSaturatedPool,
} from "../src/incident-milestones.ts";
import { SinkRecorder } from "../src/sink-recorder.ts";

/** Black Friday's 25 minutes in 2.5: every step still lasts several alert windows. */
const TIME_SCALE = 10;
const BLACK_FRIDAY = SCENARIOS["black-friday"];
/** checkout's tRPC span for placing an order. */
const PLACE_ORDER_SPAN = "checkout/placeOrder";
// The catalog's db.missing_index reconciler: the fix restores the index in one of its runs.
const RECONCILE_SPAN = "catalog.reconcile_missing_index";
const scaledMs = (seconds: number) => (seconds * 1_000) / TIME_SCALE;
/** The longest window the checkout alerts' queries look back over, at this time scale. */
const LONGEST_QUERY_WINDOW_MS = scaledMs(
  60 *
    Math.max(METRIC_ALERTS.checkoutErrorRate.windowMinutes, METRIC_ALERTS.checkoutLatencyP95.windowMinutes),
);
// The metrics the alerts' PromQL reads (see k8s/alerts/README.md), and placeOrder's histogram.
const ALERT_METRICS = [
  { name: "shop.checkout.attempts", service: "checkout" },
  { name: "http.server.request.duration", service: "checkout" },
  { name: "shop.db.slow_queries" },
  { name: "db.client.connection.pending_requests" },
  { name: "db.client.connection.count" },
  { name: "db.client.connection.max" },
];

const hasFlags = (step: { flags: object } | undefined) => Object.keys(step?.flags ?? {}).length > 0;
/** The fix: the first step without failure flags after one with them. */
const fixStep = BLACK_FRIDAY.steps.find(
  (step, index) => !hasFlags(step) && hasFlags(BLACK_FRIDAY.steps[index - 1]),
);

function isAlertPoint(point: SinkMetricPoint): boolean {
  return point.name !== "http.server.request.duration" || point.attributes["http.route"] === "/placeOrder";
}

describe("Black Friday, time-scaled, against the local shop", () => {
  const redis = new Redis(inject("redisUrl"), { maxRetriesPerRequest: 1 });
  const control = new ScenarioControl(redis);
  const sink = new SinkClient(inject("sinkUrl"));
  let conductor: RunningConductor | undefined;
  const shoppers = new BlackFridayShoppers(inject("webUrl"), { concurrency: 4, pauseMs: 600 });
  const recorder = new SinkRecorder(
    sink,
    {
      spans: [
        { attributes: { "db.slow_query": true }, limit: 2_000 },
        { attributes: { "error.type": "SERVICE_BUSY" }, limit: 2_000 },
        // Every checkout's span, so a failure can say why checkouts failed when they did.
        { service: "checkout", name: PLACE_ORDER_SPAN, limit: 500 },
        // When the index was dropped and restored, and any run that failed (no pool connection
        // while it was saturated, a lock timeout) and when its retry came.
        { service: "catalog", name: RECONCILE_SPAN, limit: 200 },
      ],
      metrics: ALERT_METRICS.map((query) => ({ ...query, limit: 1_000 })),
      keepPoint: isAlertPoint,
    },
    { intervalMs: 2_000 },
  );

  afterAll(async () => {
    await shoppers.stop();
    await recorder.stop();
    // Whatever happened, the shop is left normal for the next test: no scenario, no flags.
    await control.stop("the Black Friday test ended");
    await conductor?.stop();
    redis.disconnect();
  });

  it("shows slow queries, then a saturated pool, then failing checkouts, then recovery; the flow alert holds", async () => {
    expect(fixStep, "the scenario has a fix step (a step without flags)").toBeDefined();
    await control.stop("the Black Friday test starts from a normal shop");
    conductor = startConductor({ redis: inject("redisUrl") });
    recorder.start();
    shoppers.start();

    // A healthy baseline first, at least two query windows long, so every alert window of the
    // run has data behind it (and the counters' totals from earlier tests do not count as news),
    // and warm: a fresh process's first queries can be slow, and the story starts healthy.
    const baselineStart = Date.now();
    const baseline = await waitFor(
      () => {
        const now = Date.now();
        const lastWindow = (span: SinkSpan) =>
          nanosToMs(span.startTimeUnixNano) > now - LONGEST_QUERY_WINDOW_MS;
        return Promise.resolve({
          now,
          successfulCheckouts: shoppers.checkouts.filter((checkout) => checkout.ok).length,
          newestAttemptsAt: Math.max(
            0,
            ...recorder
              .metricPoints()
              .filter((point) => point.name === "shop.checkout.attempts")
              .map((point) => nanosToMs(point.timeUnixNano)),
          ),
          recentTrouble: recorder.spans(
            (span) => (isSlowQuery(span) || showsSaturatedPool(span)) && lastWindow(span),
          ).length,
        });
      },
      (state) =>
        state.successfulCheckouts >= 3 &&
        state.newestAttemptsAt >= baselineStart + 2 * LONGEST_QUERY_WINDOW_MS &&
        state.recentTrouble === 0,
      { timeoutMs: 180_000, intervalMs: 1_000, description: "a healthy baseline of checkouts in the sink" },
    );
    // Spans are exported in batches a few seconds apart: trouble is judged from this point on.
    const healthyFrom = baseline.now - LONGEST_QUERY_WINDOW_MS;

    const started = await control.start("black-friday", {
      timeScale: TIME_SCALE,
      startedBy: "black-friday acceptance test",
    });
    const startedAt = started.startedAt ?? Date.now();
    const fixAt = startedAt + scaledMs(fixStep?.atSeconds ?? 0);

    // Played by whichever conductor holds the lease (this one or the storefront's) to the end.
    const ended = await waitFor(
      () => control.status(),
      (status) => status.state !== "running",
      {
        timeoutMs: scaledMs(BLACK_FRIDAY.durationSeconds) + 60_000,
        intervalMs: 1_000,
        description: "the black-friday scenario to finish its timeline",
      },
    );
    expect(ended.state, ended.reason).toBe("completed");

    // Recovery: successful checkouts again after the fix, seen by the shop's own counter, and the
    // error-rate alert settled. Checkouts caught in the incident are counted when they end (a
    // refund retries for seconds), so the recording goes on until the alert's window has seen
    // them through, rather than stopping at a fixed time that a slower run may not have reached.
    // Up to two minutes after the timeline's end: on the CI machine the alert has resolved as late
    // as 211 s after the start (109 s after the fix), where local runs resolve within 12 s of it;
    // the line "black-friday after the fix" below records what the shop did meanwhile.
    const relativeTo = (at: number | undefined) => (at === undefined ? undefined : at - startedAt);
    const relativeEpisodes = (list: Episode[]) =>
      list.map((episode) => ({
        fired: relativeTo(episode.firedAt),
        resolved: relativeTo(episode.resolvedAt),
      }));
    /** What the shop and its shoppers saw after the fix: the evidence for a recovery that did not come. */
    const afterTheFix = (points: SinkMetricPoint[], series: ReturnType<typeof alertSeries>) => {
      const attempts = points.filter((point) => point.name === "shop.checkout.attempts");
      return {
        newestAttemptsPoint: relativeTo(
          Math.max(0, ...attempts.map((point) => nanosToMs(point.timeUnixNano))),
        ),
        errorRateSinceFix: series.checkoutErrorRate
          .filter((sample) => sample.at > fixAt)
          .slice(-20)
          .map((sample) => [
            relativeTo(sample.at),
            sample.value === null ? null : Number(sample.value.toFixed(3)),
          ]),
        shopperCheckoutsSinceFix: shoppers.checkouts.filter((checkout) => checkout.at > fixAt).length,
        shoppersFailedSinceFix: countBy(
          shoppers.checkouts
            .filter((checkout) => !checkout.ok && checkout.at > fixAt)
            .map((checkout) => `${String(checkout.status)} ${checkout.code ?? ""}`),
        ),
        checkoutErrorsSinceFix: countBy(
          recorder
            .spans((span) => span.name === PLACE_ORDER_SPAN && nanosToMs(span.startTimeUnixNano) > fixAt)
            .filter((span) => span.status.code === "ERROR")
            .map((span) =>
              `${String(span.attributes["error.type"])}: ${span.status.message ?? ""}`.slice(0, 120),
            ),
        ),
        // [ms after the start, trigger, how long it took, what it changed or why it failed]
        indexReconciles: recorder
          .spans((span) => span.name === RECONCILE_SPAN && nanosToMs(span.startTimeUnixNano) > startedAt)
          .map((span) => [
            relativeTo(nanosToMs(span.startTimeUnixNano)),
            span.attributes[SCHEMA_ATTR.RECONCILE_TRIGGER],
            Math.round(span.durationMs),
            span.status.code === "ERROR"
              ? `ERROR ${(span.status.message ?? "").slice(0, 80)}`
              : span.events.map((event) => String(event.attributes[SCHEMA_ATTR.INDEX_ACTION])).join(",") ||
                "-",
          ]),
        sinkPolls: recorder.polls,
        lastSinkError: recorder.lastError instanceof Error ? recorder.lastError.message : undefined,
      };
    };
    await waitFor(
      async () => {
        await recorder.poll();
        const points = recorder.metricPoints();
        const series = alertSeries(points, baselineStart);
        const evaluation = evaluateAlerts(series, { timeScale: TIME_SCALE });
        return {
          recovery: relativeTo(firstIncreaseAfter(successPoints(points), fixAt)),
          errorRateEpisodes: relativeEpisodes(evaluation.episodes.checkoutErrorRate),
          ...afterTheFix(points, series),
        };
      },
      (state) =>
        state.recovery !== undefined &&
        state.errorRateEpisodes.every((episode) => episode.resolved !== undefined),
      {
        timeoutMs: 120_000,
        intervalMs: 2_000,
        description: "a successful checkout after the fix, and the checkout error-rate alert resolved",
      },
    );
    await shoppers.stop();
    await recorder.stop();

    const points = recorder.metricPoints();
    const series = alertSeries(points, baselineStart);
    const milestones = incidentMilestones({
      slowQuerySpans: recorder.spans(
        (span) => isSlowQuery(span) && nanosToMs(span.startTimeUnixNano) >= healthyFrom,
      ),
      saturationSpans: recorder.spans(
        (span) => showsSaturatedPool(span) && nanosToMs(span.startTimeUnixNano) >= healthyFrom,
      ),
      series,
      successfulCheckouts: successPoints(points),
      fixAt,
    });
    const relative = Object.fromEntries(
      Object.entries(milestones).map(([stage, at]) => [stage, at === undefined ? undefined : at - startedAt]),
    );
    console.log(`black-friday milestones (ms after the start, time scale ${String(TIME_SCALE)}):`, relative);
    const evaluation = evaluateAlerts(series, { timeScale: TIME_SCALE });
    const firstFirings = Object.fromEntries(
      Object.entries(evaluation.episodes).map(([alert, list]) => [alert, relativeEpisodes(list)]),
    );
    console.log("black-friday alert episodes (ms after the start):", JSON.stringify(firstFirings));
    const sinceTheFix = JSON.stringify(afterTheFix(points, series));
    console.log("black-friday after the fix:", sinceTheFix);

    // In the story's order, each stage seen in the telemetry.
    const { slowQuery, poolSaturation, checkoutErrors, recovery } = milestones;
    expect(slowQuery, "a slow-query span").toBeDefined();
    expect(poolSaturation, "a shed request or a full pool").toBeDefined();
    expect(checkoutErrors, "the checkout error rate over its threshold").toBeDefined();
    expect(recovery, "a successful checkout after the fix").toBeDefined();
    expect(slowQuery).toBeGreaterThanOrEqual(startedAt);
    expect(slowQuery).toBeLessThan(poolSaturation ?? 0);
    expect(poolSaturation).toBeLessThan(checkoutErrors ?? 0);
    expect(checkoutErrors).toBeLessThan(recovery ?? 0);
    expect(recovery).toBeGreaterThan(fixAt);

    // The alerts as code, judged on the same series: the flow (errors, then latency) held.
    expect(
      evaluation.flow.held,
      `the flow alert (errors, then latency); episodes: ${JSON.stringify(firstFirings)}`,
    ).toBe(true);
    const [errorsFired, latencyFired] = evaluation.flow.stageTimes;
    expect(errorsFired).toBeGreaterThan(startedAt);
    expect(latencyFired).toBeGreaterThanOrEqual(errorsFired ?? Number.POSITIVE_INFINITY);
    // Errors led: when the error-rate alert fired, the latency alert was not firing. (A latency
    // episode that came and went before, such as a 12 s blip in a time-scaled 2-minute window while
    // the index is missing, is not this incident's order; the flow alert ignores it too.)
    const latencyFiringAt = (at: number) =>
      evaluation.episodes.checkoutLatencyP95.some(
        (episode) => episode.firedAt <= at && (episode.resolvedAt === undefined || episode.resolvedAt > at),
      );
    expect(latencyFiringAt(errorsFired ?? 0), JSON.stringify(firstFirings)).toBe(false);
    // ...and resolved after the fix: the error-rate alert's first episode ended.
    const errorEpisode = evaluation.episodes.checkoutErrorRate[0];
    expect(errorEpisode?.resolvedAt, sinceTheFix).toBeGreaterThan(fixAt);
  }, 600_000);
});

/** The alerts' series from the recorded points, every second, judged only where whole windows were recorded. */
function alertSeries(points: SinkMetricPoint[], recordingStart: number) {
  return trimmed(seriesFromSink(points, { stepMs: 1_000, timeScale: TIME_SCALE }), recordingStart);
}

function countBy(keys: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

function successPoints(points: SinkMetricPoint[]): SinkMetricPoint[] {
  return points.filter(
    (point) =>
      point.name === "shop.checkout.attempts" && point.attributes["shop.checkout.outcome"] === "success",
  );
}

/**
 * Only evaluations whose whole query window lies inside the recording: before that, a counter's
 * window would start before its first recorded point, and its total since the process started
 * (earlier tests' checkouts) would read as an increase inside the window.
 */
function trimmed(series: Record<Signal, ReturnType<typeof seriesFromSink>[Signal]>, recordingStart: number) {
  const from = recordingStart + LONGEST_QUERY_WINDOW_MS;
  return Object.fromEntries(
    Object.entries(series).map(([signal, samples]) => [
      signal,
      samples.filter((sample) => sample.at >= from),
    ]),
  ) as Record<Signal, ReturnType<typeof seriesFromSink>[Signal]>;
}
