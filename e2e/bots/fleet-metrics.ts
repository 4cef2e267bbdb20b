// What the bot fleet measures about itself: is it producing the traffic it was asked for, what
// are the bots doing, how slow is the shop from a shopper's chair, what goes wrong. The same numbers
// go three ways: JSON for people and scenario scripts (/stats), Prometheus text for scrapers
// (/metrics), and OpenTelemetry so they land in Coralogix beside the shop's own telemetry and a
// dashboard can put "the bots are falling behind" next to "checkout got slow".
import { metrics } from "@opentelemetry/api";
import type { Counter, Histogram, Meter } from "@opentelemetry/api";
import { ActionRate, RATE_HISTORY_MS } from "./action-rate.ts";
import { BOT_LABEL, BOT_METRIC } from "@shop/telemetry/names";
import type { MetricName } from "@shop/telemetry/names";
import { LabeledCounts } from "./labeled-counts.ts";
import { counterText, gaugeText, histogramText } from "./prometheus-text.ts";
import { STEP_DURATION_BUCKETS, StepLatency } from "./step-latency.ts";
import type { StepPercentiles } from "./step-latency.ts";

export type SessionOutcome = "completed" | "abandoned" | "failed";

export interface SessionCounts {
  started: number;
  completed: number;
  abandoned: number;
  failed: number;
}

export interface RecentOrder {
  number: string;
  /** The trace of the place-order request, to jump from an order to what the backend did. */
  traceId: string | null;
  placedAt: string;
}

export interface FleetStats {
  uptimeSeconds: number;
  targetPerMinute: number;
  achievedPerMinute: { last1m: number; last10s: number };
  concurrency: number;
  backlog: number;
  /** Done < 80% of what the target asked over the last 30 s (while the target is > 0), or a backlog. */
  fallingBehind: boolean;
  sessions: { total: SessionCounts; byJourney: Record<string, SessionCounts> };
  /** Share of started sessions per journey, 0..1. */
  journeyMix: Record<string, number>;
  actions: { total: number; byJourney: Record<string, Record<string, number>> };
  /** Nearest-rank percentiles of each step's last SAMPLES_PER_STEP durations, by journey and step. */
  stepLatencyMs: Record<string, Record<string, StepPercentiles>>;
  errors: { total: number; byKind: Record<string, number> };
  browserRestarts: number;
  /** Newest first, at most the last MAX_RECENT_ORDERS. */
  orders: { placed: number; recent: RecentOrder[] };
}

export const MAX_RECENT_ORDERS = 500;
/** "Falling behind" looks at this long a window: long enough that one slow page is not an alarm. */
const BEHIND_WINDOW_MS = 30_000;
const BEHIND_SHARE = 0.8;

interface Instruments {
  actions: Counter;
  sessions: Counter;
  errors: Counter;
  browserRestarts: Counter;
  stepDuration: Histogram;
}

export class FleetMetrics {
  readonly #now: () => number;
  readonly #startedAt: number;
  readonly #rate: ActionRate;
  #target = 0;
  #concurrency = 0;
  #backlog = 0;
  readonly #sessions = new LabeledCounts<"journey" | "persona" | "outcome">();
  readonly #errors = new LabeledCounts<"kind">();
  #browserRestarts = 0;
  /** By JSON [journey, step]. */
  readonly #steps = new Map<string, StepLatency>();
  /** Oldest first. */
  readonly #orders: RecentOrder[] = [];
  #ordersPlaced = 0;
  readonly #otel: Instruments;

  /**
   * `meter` defaults to the global one. Make one FleetMetrics per process, after the OpenTelemetry
   * SDK is registered (it is preloaded with --import): the metrics API has no proxy, so a meter
   * taken before would stay a no-op.
   */
  constructor(options: { now?: () => number; meter?: Meter } = {}) {
    this.#now = options.now ?? Date.now;
    this.#startedAt = this.#now();
    this.#rate = new ActionRate(this.#startedAt);
    this.#otel = this.#instruments(options.meter ?? metrics.getMeter("@shop/e2e/bots"));
  }

  /** The target now, in actions per minute. */
  setTarget(perMinute: number): void {
    this.#target = notNegative(perMinute);
    this.#rate.setTarget(this.#target, this.#now());
  }

  sessionStarted(journey: string, persona: string): void {
    this.#countSession(journey, persona, "started");
  }

  sessionEnded(journey: string, persona: string, outcome: SessionOutcome): void {
    this.#countSession(journey, persona, outcome);
  }

  /** One completed user action and how long it took (thinking time excluded). */
  action(journey: string, step: string, durationMs: number): void {
    const duration = notNegative(durationMs);
    this.#rate.action(this.#now());
    const key = JSON.stringify([journey, step]);
    let latency = this.#steps.get(key);
    if (!latency) {
      latency = new StepLatency(journey, step);
      this.#steps.set(key, latency);
    }
    latency.record(duration);
    const attributes = { [BOT_LABEL.JOURNEY]: journey, [BOT_LABEL.STEP]: step };
    this.#otel.actions.add(1, attributes);
    this.#otel.stepDuration.record(duration / 1000, attributes);
  }

  /** An error by kind (navigation_timeout, assertion, browser_crash, http_5xx...). */
  error(kind: string): void {
    this.#errors.add({ [BOT_LABEL.KIND]: kind });
    this.#otel.errors.add(1, { [BOT_LABEL.KIND]: kind });
  }

  browserRestarted(): void {
    this.#browserRestarts += 1;
    this.#otel.browserRestarts.add(1);
  }

  /** Sessions running now. */
  setConcurrency(active: number): void {
    this.#concurrency = notNegative(active);
  }

  /** Actions due but not started: the fleet cannot keep up. */
  setBacklog(pendingActions: number): void {
    this.#backlog = notNegative(pendingActions);
  }

  orderPlaced(order: { number: string; traceId: string | undefined }): void {
    this.#ordersPlaced += 1;
    this.#orders.push({
      number: order.number,
      traceId: order.traceId ?? null,
      placedAt: new Date(this.#now()).toISOString(),
    });
    if (this.#orders.length > MAX_RECENT_ORDERS) this.#orders.shift();
  }

  /**
   * Actions per minute over the last `windowSeconds` (at most ten minutes), or over the whole run
   * when it is shorter than the window. Rounded to 0.01: finer is noise.
   */
  achievedPerMinute(windowSeconds = 60): number {
    const now = this.#now();
    const windowMs = Math.min(windowSeconds * 1000, this.#uptimeMs(now), RATE_HISTORY_MS);
    if (!(windowMs > 0)) return 0;
    return round((this.#rate.actions(now, windowMs) / windowMs) * 60_000, 2);
  }

  stats(): FleetStats {
    const now = this.#now();
    const sessionsByJourney = this.#sessionsByJourney();
    const total = emptySessionCounts();
    for (const counts of sessionsByJourney.values()) {
      for (const outcome of Object.keys(total) as (keyof SessionCounts)[]) total[outcome] += counts[outcome];
    }
    const actionsByJourney = new Map<string, Map<string, number>>();
    const latencyByJourney = new Map<string, Map<string, StepPercentiles>>();
    for (const latency of this.#steps.values()) {
      const percentiles = latency.percentiles();
      if (!percentiles) continue;
      inner(actionsByJourney, latency.journey).set(latency.step, latency.count);
      inner(latencyByJourney, latency.journey).set(latency.step, percentiles);
    }
    return {
      uptimeSeconds: round(this.#uptimeMs(now) / 1000, 1),
      targetPerMinute: this.#target,
      achievedPerMinute: { last1m: this.achievedPerMinute(60), last10s: this.achievedPerMinute(10) },
      concurrency: this.#concurrency,
      backlog: this.#backlog,
      fallingBehind: this.#fallingBehind(now),
      sessions: { total, byJourney: Object.fromEntries(sessionsByJourney) },
      journeyMix: Object.fromEntries(
        [...sessionsByJourney].map(([journey, counts]) => [
          journey,
          total.started ? counts.started / total.started : 0,
        ]),
      ),
      actions: {
        total: [...this.#steps.values()].reduce((sum, latency) => sum + latency.count, 0),
        byJourney: nestedRecord(actionsByJourney),
      },
      stepLatencyMs: nestedRecord(latencyByJourney),
      errors: { total: this.#errors.total(), byKind: Object.fromEntries(this.#errors.by("kind")) },
      browserRestarts: this.#browserRestarts,
      orders: { placed: this.#ordersPlaced, recent: this.#orders.toReversed() },
    };
  }

  /** The /metrics page (text exposition format 0.0.4; serve with PROMETHEUS_CONTENT_TYPE). */
  prometheus(): string {
    const steps = [...this.#steps.values()];
    const stepLabels = (latency: StepLatency) => ({ journey: latency.journey, step: latency.step });
    const single = (value: number) => [{ labels: {}, value }];
    return [
      counterText(
        BOT_METRIC.ACTIONS,
        steps.map((latency) => ({ labels: stepLabels(latency), value: latency.count })),
      ),
      counterText(BOT_METRIC.SESSIONS, this.#sessions.samples()),
      counterText(BOT_METRIC.ERRORS, this.#errors.samples()),
      counterText(BOT_METRIC.BROWSER_RESTARTS, single(this.#browserRestarts)),
      histogramText(
        BOT_METRIC.STEP_DURATION,
        STEP_DURATION_BUCKETS,
        steps.map((latency) => ({
          labels: stepLabels(latency),
          bucketCounts: latency.bucketCounts,
          sum: latency.sumSeconds,
          count: latency.count,
        })),
      ),
      gaugeText(BOT_METRIC.TARGET, single(this.#target)),
      gaugeText(BOT_METRIC.ACHIEVED, single(this.achievedPerMinute(60))),
      gaugeText(BOT_METRIC.CONCURRENCY, single(this.#concurrency)),
      gaugeText(BOT_METRIC.BACKLOG, single(this.#backlog)),
    ].join("");
  }

  /** What the metrics hold in memory: fixed or capped however long the fleet runs. */
  memoryFootprint(): { rateSlots: number; latencySamples: number; recentOrders: number; stepSeries: number } {
    let latencySamples = 0;
    for (const latency of this.#steps.values()) latencySamples += latency.retained;
    return {
      rateSlots: this.#rate.slots,
      latencySamples,
      recentOrders: this.#orders.length,
      stepSeries: this.#steps.size,
    };
  }

  #uptimeMs(now: number): number {
    return Math.max(0, now - this.#startedAt);
  }

  #fallingBehind(now: number): boolean {
    if (this.#backlog > 0) return true;
    // Before 30 s of running there is no "last 30 s" to judge, and browsers are still starting.
    if (this.#target <= 0 || this.#uptimeMs(now) < BEHIND_WINDOW_MS) return false;
    // Compared with what the target asked over the window, not its value now: mid-ramp, the
    // target now is above what was asked 30 s ago, and a fleet right on time would look late.
    const expected = this.#rate.expected(now, BEHIND_WINDOW_MS);
    return expected > 0 && this.#rate.actions(now, BEHIND_WINDOW_MS) < BEHIND_SHARE * expected;
  }

  #countSession(journey: string, persona: string, outcome: SessionOutcome | "started"): void {
    const labels = {
      [BOT_LABEL.JOURNEY]: journey,
      [BOT_LABEL.PERSONA]: persona,
      [BOT_LABEL.OUTCOME]: outcome,
    };
    this.#sessions.add(labels);
    this.#otel.sessions.add(1, labels);
  }

  #sessionsByJourney(): Map<string, SessionCounts> {
    const byJourney = new Map<string, SessionCounts>();
    for (const { labels, value } of this.#sessions.samples()) {
      let counts = byJourney.get(labels.journey);
      if (!counts) {
        counts = emptySessionCounts();
        byJourney.set(labels.journey, counts);
      }
      counts[labels.outcome as keyof SessionCounts] += value;
    }
    return byJourney;
  }

  #instruments(meter: Meter): Instruments {
    const counter = (metric: MetricName) =>
      meter.createCounter(metric.name, { unit: metric.unit, description: metric.description });
    const gauge = (metric: MetricName, read: () => number) => {
      meter
        .createObservableGauge(metric.name, { unit: metric.unit, description: metric.description })
        .addCallback((result) => {
          result.observe(read());
        });
    };
    gauge(BOT_METRIC.TARGET, () => this.#target);
    gauge(BOT_METRIC.ACHIEVED, () => this.achievedPerMinute(60));
    gauge(BOT_METRIC.CONCURRENCY, () => this.#concurrency);
    gauge(BOT_METRIC.BACKLOG, () => this.#backlog);
    return {
      actions: counter(BOT_METRIC.ACTIONS),
      sessions: counter(BOT_METRIC.SESSIONS),
      errors: counter(BOT_METRIC.ERRORS),
      browserRestarts: counter(BOT_METRIC.BROWSER_RESTARTS),
      stepDuration: meter.createHistogram(BOT_METRIC.STEP_DURATION.name, {
        unit: BOT_METRIC.STEP_DURATION.unit,
        description: BOT_METRIC.STEP_DURATION.description,
        advice: { explicitBucketBoundaries: STEP_DURATION_BUCKETS },
      }),
    };
  }
}

function emptySessionCounts(): SessionCounts {
  return { started: 0, completed: 0, abandoned: 0, failed: 0 };
}

/** The inner map for `key`, created empty on first use. */
function inner<T>(map: Map<string, Map<string, T>>, key: string): Map<string, T> {
  let found = map.get(key);
  if (!found) {
    found = new Map();
    map.set(key, found);
  }
  return found;
}

// Object.fromEntries rather than assignment: a journey or step named "__proto__" stays a key.
function nestedRecord<T>(map: Map<string, Map<string, T>>): Record<string, Record<string, T>> {
  return Object.fromEntries([...map].map(([key, values]) => [key, Object.fromEntries(values)]));
}

/** Callers pass measurements; NaN or a negative (a clock stepping back) must not poison the sums. */
function notNegative(value: number): number {
  return value > 0 ? value : 0;
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
