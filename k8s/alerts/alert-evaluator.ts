// When would each alert fire, given the series its PromQL computes? The same rule Coralogix applies
// to a metric threshold alert (the condition holds for forOverPct of the evaluations in the last
// `windowMinutes`), and the same ordering rule as the flow alert, as pure functions: the Black
// Friday acceptance test measures the series from the local sink and asks these whether the
// alerts would have fired, and in the flow's order. No clocks, no I/O.
import { FLOW_ALERT, METRIC_ALERTS } from "./thresholds.ts";
import type { FlowAlertRule, MetricAlertKey, MetricAlertRule, Signal } from "./thresholds.ts";

/** One evaluation of an alert's query: `value` null when there was no data (counts as not breaching). */
export interface Sample {
  /** Epoch milliseconds. */
  at: number;
  value: number | null;
}

/** From the evaluation the alert fired at to the one it resolved at (absent: still firing). */
export interface Episode {
  firedAt: number;
  resolvedAt?: number;
}

export interface EvaluationOptions {
  /**
   * The scenario's time scale (10 = ten times faster than real time): the alerts' windows shrink
   * by the same factor, so a time-scaled run is judged like the real-time one.
   */
  timeScale?: number;
}

const MINUTE_MS = 60_000;

function windowMs(minutes: number, options: EvaluationOptions): number {
  const scale = options.timeScale ?? 1;
  if (!(scale > 0)) throw new Error(`timeScale must be positive, got ${String(scale)}`);
  return (minutes * MINUTE_MS) / scale;
}

export function breaches(rule: Pick<MetricAlertRule, "conditionType" | "threshold">, value: number | null) {
  if (value === null || Number.isNaN(value)) return false;
  return rule.conditionType === "moreThan" ? value > rule.threshold : value < rule.threshold;
}

/**
 * Every firing of `rule` over `samples`. An evaluation happens at each sample once a whole window
 * of data lies behind it (Coralogix does not judge a window it has not seen).
 */
export function episodes(
  rule: MetricAlertRule,
  samples: Sample[],
  options: EvaluationOptions = {},
): Episode[] {
  const sorted = [...samples].sort((a, b) => a.at - b.at);
  const first = sorted[0];
  if (!first) return [];
  const span = windowMs(rule.windowMinutes, options);
  const found: Episode[] = [];
  let open: Episode | undefined;
  for (const sample of sorted) {
    if (sample.at - first.at < span) continue;
    const inWindow = sorted.filter((other) => other.at > sample.at - span && other.at <= sample.at);
    const breaching = inWindow.filter((other) => breaches(rule, other.value)).length;
    const firing = (breaching / inWindow.length) * 100 >= rule.forOverPct;
    if (firing && !open) {
      open = { firedAt: sample.at };
      found.push(open);
    } else if (!firing && open) {
      open.resolvedAt = sample.at;
      open = undefined;
    }
  }
  return found;
}

export interface FlowResult {
  /** Every stage fired, each within the flow's window after the one before. */
  held: boolean;
  /** When each stage fired in the matched sequence (undefined from the first stage that did not). */
  stageTimes: (number | undefined)[];
}

/**
 * Whether the flow's stages fired in order, each within `withinMinutes` of the previous one.
 * Only a new firing counts for a later stage: an alert already firing before the previous stage
 * does not complete the flow (Coralogix's flow reacts to alerts being triggered).
 */
export function evaluateFlow(
  flow: FlowAlertRule,
  firings: Partial<Record<MetricAlertKey, Episode[]>>,
  options: EvaluationOptions = {},
): FlowResult {
  const within = windowMs(flow.withinMinutes, options);
  const [firstStage, ...laterStages] = flow.stages;
  if (!firstStage) return { held: false, stageTimes: [] };
  let best: (number | undefined)[] = flow.stages.map(() => undefined);
  for (const start of firings[firstStage] ?? []) {
    const times: (number | undefined)[] = [start.firedAt];
    let previous = start.firedAt;
    for (const stage of laterStages) {
      const next = (firings[stage] ?? []).find(
        (episode) => episode.firedAt >= previous && episode.firedAt <= previous + within,
      );
      if (!next) break;
      times.push(next.firedAt);
      previous = next.firedAt;
    }
    if (times.length === flow.stages.length) return { held: true, stageTimes: times };
    if (times.length > best.filter((time) => time !== undefined).length)
      best = flow.stages.map((_, index) => times[index]);
  }
  return { held: false, stageTimes: best };
}

export interface AlertsEvaluation {
  episodes: Record<MetricAlertKey, Episode[]>;
  /** The metric alerts that fired, by when they first fired. */
  firingOrder: MetricAlertKey[];
  flow: FlowResult;
}

/** All of this folder's alerts over the measured series (a missing series: that alert never fires). */
export function evaluateAlerts(
  series: Partial<Record<Signal, Sample[]>>,
  options: EvaluationOptions = {},
): AlertsEvaluation {
  const keys = Object.keys(METRIC_ALERTS) as MetricAlertKey[];
  const all = Object.fromEntries(
    keys.map((key) => {
      const rule: MetricAlertRule = METRIC_ALERTS[key];
      return [key, episodes(rule, series[rule.signal] ?? [], options)];
    }),
  ) as Record<MetricAlertKey, Episode[]>;
  const firstFiring = (key: MetricAlertKey) => all[key][0]?.firedAt ?? Number.POSITIVE_INFINITY;
  const firingOrder = keys
    .filter((key) => all[key].length > 0)
    .sort((a, b) => firstFiring(a) - firstFiring(b));
  return { episodes: all, firingOrder, flow: evaluateFlow(FLOW_ALERT, all, options) };
}
