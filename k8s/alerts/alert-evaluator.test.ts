import { describe, expect, it } from "vitest";
import { breaches, episodes, evaluateAlerts, evaluateFlow } from "./alert-evaluator.ts";
import type { Sample } from "./alert-evaluator.ts";
import { FLOW_ALERT, METRIC_ALERTS } from "./thresholds.ts";
import type { MetricAlertRule } from "./thresholds.ts";

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 10, 27, 9, 0, 0);

/** One sample every `stepMs` from T0, valued by `valueAt(minutes since T0)`. */
function series(minutes: number, valueAt: (minute: number) => number | null, stepMs = 15_000): Sample[] {
  const samples: Sample[] = [];
  for (let at = T0; at <= T0 + minutes * MINUTE; at += stepMs)
    samples.push({ at, value: valueAt((at - T0) / MINUTE) });
  return samples;
}

const errorRate: MetricAlertRule = METRIC_ALERTS.checkoutErrorRate;

describe("breaches", () => {
  it("compares strictly, in the rule's direction, and never on missing data", () => {
    expect(breaches(errorRate, 0.05)).toBe(false);
    expect(breaches(errorRate, 0.051)).toBe(true);
    expect(breaches(errorRate, null)).toBe(false);
    expect(breaches(METRIC_ALERTS.revenueDrop, 0.4)).toBe(true);
    expect(breaches(METRIC_ALERTS.revenueDrop, 0.6)).toBe(false);
  });
});

describe("episodes", () => {
  it("fires once the condition held for the whole window, and resolves at the first good evaluation", () => {
    // 2% errors, then 20% from minute 5 to minute 10, then 1% again.
    const samples = series(15, (minute) => (minute >= 5 && minute < 10 ? 0.2 : 0.02));
    // The window is the last 2 minutes, (t - 2m, t]: at 6:45 its eight evaluations are 5:00..6:45.
    expect(episodes(errorRate, samples)).toEqual([
      { firedAt: T0 + 6.75 * MINUTE, resolvedAt: T0 + 10 * MINUTE },
    ]);
  });

  it("does not fire on a spike shorter than the window", () => {
    const samples = series(15, (minute) => (minute >= 5 && minute < 6.5 ? 0.5 : 0.01));
    expect(episodes(errorRate, samples)).toEqual([]);
  });

  it("judges no window before it has a whole window of data", () => {
    expect(
      episodes(
        errorRate,
        series(1.5, () => 0.9),
      ),
    ).toEqual([]);
    expect(episodes(errorRate, [])).toEqual([]);
  });

  it("shrinks the window with the scenario's time scale", () => {
    // At 10x, a 2-minute window is 12 s: sampled every second.
    const samples = series(1, (minute) => (minute >= 0.5 ? 0.3 : 0), 1_000);
    expect(episodes(errorRate, samples, { timeScale: 10 })).toEqual([{ firedAt: T0 + 41_000 }]);
    expect(() => episodes(errorRate, samples, { timeScale: 0 })).toThrow(/timeScale/);
  });

  it("honours forOverPct below 100: a share of the window is enough", () => {
    const lenient = { ...errorRate, forOverPct: 50 };
    const samples = series(6, (minute) => (minute >= 3 ? 0.2 : 0));
    // 3:00..3:45 are four of the window's eight evaluations.
    expect(episodes(lenient, samples)[0]?.firedAt).toBe(T0 + 3.75 * MINUTE);
  });
});

describe("evaluateFlow", () => {
  const at = (minute: number) => T0 + minute * MINUTE;

  it("holds when errors fire, then latency within 10 minutes", () => {
    const result = evaluateFlow(FLOW_ALERT, {
      checkoutErrorRate: [{ firedAt: at(8) }],
      checkoutLatencyP95: [{ firedAt: at(12) }],
    });
    expect(result).toEqual({ held: true, stageTimes: [at(8), at(12)] });
  });

  it("does not hold when latency fired first, or too late", () => {
    expect(
      evaluateFlow(FLOW_ALERT, {
        checkoutErrorRate: [{ firedAt: at(8) }],
        checkoutLatencyP95: [{ firedAt: at(6) }],
      }),
    ).toEqual({ held: false, stageTimes: [at(8), undefined] });
    expect(
      evaluateFlow(FLOW_ALERT, {
        checkoutErrorRate: [{ firedAt: at(8) }],
        checkoutLatencyP95: [{ firedAt: at(18.5) }],
      }).held,
    ).toBe(false);
    expect(evaluateFlow(FLOW_ALERT, {})).toEqual({ held: false, stageTimes: [undefined, undefined] });
  });

  it("tries a later firing of the first stage when an earlier one led nowhere", () => {
    const result = evaluateFlow(FLOW_ALERT, {
      checkoutErrorRate: [{ firedAt: at(1), resolvedAt: at(2) }, { firedAt: at(30) }],
      checkoutLatencyP95: [{ firedAt: at(35) }],
    });
    expect(result).toEqual({ held: true, stageTimes: [at(30), at(35)] });
  });

  it("scales its 10 minutes with the time scale", () => {
    const firings = { checkoutErrorRate: [{ firedAt: at(0) }], checkoutLatencyP95: [{ firedAt: at(2) }] };
    expect(evaluateFlow(FLOW_ALERT, firings, { timeScale: 10 }).held).toBe(false);
    expect(evaluateFlow(FLOW_ALERT, firings, { timeScale: 4 }).held).toBe(true);
  });
});

describe("evaluateAlerts: a Black Friday shaped run", () => {
  // Minutes: slow queries from 4, a full pool from 7, errors from 9, latency from 11, fix at 16.
  const run = {
    slowQueriesPerMinute: series(22, (m) => (m >= 4 && m < 16 ? 40 : 0)),
    poolUtilization: series(22, (m) => (m >= 7 && m < 16 ? 1 : 0.2)),
    checkoutErrorRate: series(22, (m) => (m >= 9 && m < 16.5 ? 0.25 : 0.01)),
    checkoutLatencyP95Seconds: series(22, (m) => (m >= 11 && m < 17 ? 2.4 : 0.3)),
    revenueVsHourBefore: series(22, () => null),
  };

  it("fires slow queries, pool saturation, errors, then latency, and the flow holds", () => {
    const result = evaluateAlerts(run);
    expect(result.firingOrder).toEqual([
      "slowQueries",
      "poolSaturation",
      "checkoutErrorRate",
      "checkoutLatencyP95",
    ]);
    expect(result.flow.held).toBe(true);
    expect(result.episodes.revenueDrop).toEqual([]);
  });

  it("every alert resolves after the fix", () => {
    const result = evaluateAlerts(run);
    for (const key of result.firingOrder) {
      const resolved = result.episodes[key].at(-1)?.resolvedAt;
      expect(resolved, key).toBeGreaterThanOrEqual(T0 + 16 * MINUTE);
    }
  });

  it("a normal day fires nothing", () => {
    const normal = {
      slowQueriesPerMinute: series(30, () => 1),
      // A pool full for half a minute every five (a burst) is not a saturated one.
      poolUtilization: series(30, (m) => (m % 5 < 0.5 ? 1 : 0.2)),
      checkoutErrorRate: series(30, (m) => (m % 7 < 0.5 ? 0.08 : 0.02)),
      checkoutLatencyP95Seconds: series(30, () => 0.35),
      revenueVsHourBefore: series(30, () => 0.95),
    };
    const result = evaluateAlerts(normal);
    expect(result.firingOrder).toEqual([]);
    expect(result.flow.held).toBe(false);
  });
});
