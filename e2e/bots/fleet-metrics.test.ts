import { MeterProvider, MetricReader } from "@opentelemetry/sdk-metrics";
import type { DataPoint, Histogram, MetricData } from "@opentelemetry/sdk-metrics";
import { describe, expect, it } from "vitest";
import { FleetMetrics, MAX_RECENT_ORDERS } from "./fleet-metrics.ts";
import { SAMPLES_PER_STEP, STEP_DURATION_BUCKETS } from "./step-latency.ts";

/** A FleetMetrics on a clock that only moves when the test says so. */
function fakeFleet(startMs = 1_700_000_000_000) {
  let now = startMs;
  const fleet = new FleetMetrics({ now: () => now });
  return {
    fleet,
    advance(ms: number) {
      now += ms;
    },
  };
}

/**
 * One action in the middle of every `everyMs` for `forMs`: the clock ends on an interval's edge
 * and no action lands exactly on the start of a window, so the counts in windows are exact.
 */
function actEvery(fake: ReturnType<typeof fakeFleet>, everyMs: number, forMs: number) {
  for (let t = everyMs; t <= forMs; t += everyMs) {
    fake.advance(everyMs / 2);
    fake.fleet.action("browse", "home", 100);
    fake.advance(everyMs / 2);
  }
}

describe("achieved rate", () => {
  it("counts actions per minute over the last minute and the last 10 s", () => {
    const fake = fakeFleet();
    actEvery(fake, 1000, 60_000); // 60 actions/min for a minute
    expect(fake.fleet.achievedPerMinute()).toBe(60);
    actEvery(fake, 500, 60_000); // then 120 actions/min for a minute
    expect(fake.fleet.achievedPerMinute()).toBe(120);
    expect(fake.fleet.achievedPerMinute(60)).toBe(120);
    expect(fake.fleet.achievedPerMinute(10)).toBe(120);
    expect(fake.fleet.achievedPerMinute(120)).toBe(90);
    fake.advance(5000); // a 5 s pause: half of the 10 s window is empty
    expect(fake.fleet.achievedPerMinute(10)).toBe(60);
    expect(fake.fleet.stats().achievedPerMinute).toEqual({ last1m: 110, last10s: 60 });
  });

  it("divides by the time the fleet has run when that is shorter than the window", () => {
    const fake = fakeFleet();
    expect(fake.fleet.achievedPerMinute()).toBe(0); // no time, no rate
    actEvery(fake, 2000, 20_000); // 10 actions in 20 s
    expect(fake.fleet.achievedPerMinute(60)).toBe(30);
    expect(fake.fleet.achievedPerMinute(3600)).toBe(30);
    expect(fake.fleet.achievedPerMinute(10)).toBe(30);
    expect(fake.fleet.stats().uptimeSeconds).toBe(20);
  });

  it("remembers ten minutes at most", () => {
    const fake = fakeFleet();
    actEvery(fake, 500, 5 * 60_000); // 120/min for 5 min
    actEvery(fake, 1000, 10 * 60_000); // then 60/min for 10 min
    expect(fake.fleet.achievedPerMinute(3600)).toBe(60);
    fake.advance(11 * 60_000);
    expect(fake.fleet.achievedPerMinute(3600)).toBe(0);
  });
});

describe("sessions and journey mix", () => {
  it("counts sessions by journey and outcome, and each journey's share of started sessions", () => {
    const { fleet } = fakeFleet();
    const start = (journey: string, times: number) => {
      for (let i = 0; i < times; i++)
        fleet.sessionStarted(journey, i % 2 ? "window_shopper" : "decisive_buyer");
    };
    start("browse", 6);
    start("buy", 3);
    start("search", 1);
    fleet.sessionEnded("browse", "window_shopper", "abandoned");
    fleet.sessionEnded("buy", "decisive_buyer", "completed");
    fleet.sessionEnded("buy", "decisive_buyer", "completed");
    fleet.sessionEnded("buy", "window_shopper", "failed");
    const stats = fleet.stats();
    expect(stats.journeyMix).toEqual({ browse: 0.6, buy: 0.3, search: 0.1 });
    expect(stats.sessions.total).toEqual({ started: 10, completed: 2, abandoned: 1, failed: 1 });
    expect(stats.sessions.byJourney).toEqual({
      browse: { started: 6, completed: 0, abandoned: 1, failed: 0 },
      buy: { started: 3, completed: 2, abandoned: 0, failed: 1 },
      search: { started: 1, completed: 0, abandoned: 0, failed: 0 },
    });
  });

  it("has an empty mix before the first session", () => {
    expect(fakeFleet().fleet.stats().journeyMix).toEqual({});
  });
});

describe("step latency", () => {
  it("gives nearest-rank p50 and p95 per journey and step, in ms", () => {
    const { fleet } = fakeFleet();
    for (let ms = 100; ms >= 1; ms--) fleet.action("buy", "checkout", ms); // any order
    fleet.action("browse", "checkout", 7);
    const stats = fleet.stats();
    expect(stats.stepLatencyMs.buy?.checkout).toEqual({ p50: 50, p95: 95, samples: 100 });
    expect(stats.stepLatencyMs.browse?.checkout).toEqual({ p50: 7, p95: 7, samples: 1 });
    expect(stats.actions).toEqual({
      total: 101,
      byJourney: { buy: { checkout: 100 }, browse: { checkout: 1 } },
    });
  });

  it("takes percentiles from the most recent durations only", () => {
    const { fleet } = fakeFleet();
    for (let i = 0; i < 5000; i++) fleet.action("buy", "pay", 5000);
    for (let i = 0; i < SAMPLES_PER_STEP; i++) fleet.action("buy", "pay", 200);
    expect(fleet.stats().stepLatencyMs.buy?.pay).toEqual({ p50: 200, p95: 200, samples: SAMPLES_PER_STEP });
    expect(fleet.stats().actions.total).toBe(5000 + SAMPLES_PER_STEP);
  });
});

describe("falling behind", () => {
  it("is false while the fleet keeps up with a steady target", () => {
    const fake = fakeFleet();
    fake.fleet.setTarget(60);
    actEvery(fake, 1000, 60_000);
    expect(fake.fleet.stats().fallingBehind).toBe(false);
  });

  it("is true when the last 30 s did less than 80% of what the target asked", () => {
    const fake = fakeFleet();
    fake.fleet.setTarget(60);
    actEvery(fake, 1000, 60_000);
    actEvery(fake, 1300, 30_000); // ~46/min: 77% of the target
    expect(fake.fleet.stats().fallingBehind).toBe(true);
    actEvery(fake, 1000, 30_000); // caught up again
    expect(fake.fleet.stats().fallingBehind).toBe(false);
    actEvery(fake, 1200, 30_000); // 50/min: 83% is slow, but not behind
    expect(fake.fleet.stats().fallingBehind).toBe(false);
  });

  it("is never true for a target of 0, nor before 30 s of running, unless there is a backlog", () => {
    const fake = fakeFleet();
    fake.fleet.setTarget(600);
    fake.advance(29_000); // not one action yet: browsers are still starting
    expect(fake.fleet.stats().fallingBehind).toBe(false);
    fake.fleet.setTarget(0);
    fake.advance(60_000);
    expect(fake.fleet.stats().fallingBehind).toBe(false);
    fake.fleet.setBacklog(3);
    expect(fake.fleet.stats()).toMatchObject({ fallingBehind: true, backlog: 3 });
    fake.fleet.setBacklog(0);
    expect(fake.fleet.stats().fallingBehind).toBe(false);
  });

  it("judges a ramp by what it asked over the window, not by its value now", () => {
    const fake = fakeFleet();
    let credit = 0;
    // Target 0 -> 120/min over 60 s, and a fleet that takes every action exactly when due.
    for (let t = 100; t <= 60_000; t += 100) {
      fake.advance(100);
      const target = (t / 60_000) * 120;
      fake.fleet.setTarget(target);
      credit += (target / 60) * 0.1;
      for (; credit >= 1; credit--) fake.fleet.action("browse", "home", 100);
    }
    const stats = fake.fleet.stats();
    // The last 30 s did about 45 actions, 90/min: under 80% of the 120/min the target is now...
    expect(stats.targetPerMinute).toBe(120);
    expect(fake.fleet.achievedPerMinute(30)).toBeLessThan(0.8 * 120);
    // ...and all the ramp asked for in that time.
    expect(stats.fallingBehind).toBe(false);
  });
});

describe("memory", () => {
  it("stays bounded after 100 000 actions and orders", () => {
    const fake = fakeFleet();
    const before = fake.fleet.memoryFootprint();
    for (let i = 0; i < 100_000; i++) {
      fake.advance(7);
      fake.fleet.action("browse", ["home", "category", "product"][i % 3] ?? "home", i % 3_000);
      fake.fleet.orderPlaced({ number: `ORD-${i}`, traceId: i % 2 ? `trace-${i}` : undefined });
    }
    const after = fake.fleet.memoryFootprint();
    expect(after.rateSlots).toBe(before.rateSlots);
    expect(after).toEqual({
      rateSlots: before.rateSlots,
      latencySamples: 3 * SAMPLES_PER_STEP,
      recentOrders: MAX_RECENT_ORDERS,
      stepSeries: 3,
    });
    const stats = fake.fleet.stats();
    expect(stats.actions.total).toBe(100_000);
    expect(fake.fleet.achievedPerMinute(60)).toBeCloseTo(60_000 / 7, -1);
    expect(stats.orders.placed).toBe(100_000);
    expect(stats.orders.recent).toHaveLength(MAX_RECENT_ORDERS);
    expect(stats.orders.recent[0]).toEqual({
      number: "ORD-99999",
      traceId: "trace-99999",
      placedAt: new Date(1_700_000_000_000 + 700_000).toISOString(),
    });
    expect(stats.orders.recent[1]?.traceId).toBeNull();
    expect(stats.orders.recent.at(-1)?.number).toBe("ORD-99500");
  });
});

describe("stats", () => {
  it("is plain JSON with every part the /stats page shows", () => {
    const fake = fakeFleet();
    fake.fleet.setTarget(30);
    fake.fleet.setConcurrency(4);
    fake.fleet.sessionStarted("buy", "decisive_buyer");
    fake.advance(1000);
    fake.fleet.action("buy", "land", 350);
    fake.fleet.error("navigation_timeout");
    fake.fleet.error("navigation_timeout");
    fake.fleet.error("http_5xx");
    fake.fleet.browserRestarted();
    fake.fleet.orderPlaced({ number: "ORD-1", traceId: "abc" });
    const stats = fake.fleet.stats();
    expect(JSON.parse(JSON.stringify(stats))).toEqual(stats);
    expect(stats).toEqual({
      uptimeSeconds: 1,
      targetPerMinute: 30,
      achievedPerMinute: { last1m: 60, last10s: 60 },
      concurrency: 4,
      backlog: 0,
      fallingBehind: false,
      sessions: {
        total: { started: 1, completed: 0, abandoned: 0, failed: 0 },
        byJourney: { buy: { started: 1, completed: 0, abandoned: 0, failed: 0 } },
      },
      journeyMix: { buy: 1 },
      actions: { total: 1, byJourney: { buy: { land: 1 } } },
      stepLatencyMs: { buy: { land: { p50: 350, p95: 350, samples: 1 } } },
      errors: { total: 3, byKind: { navigation_timeout: 2, http_5xx: 1 } },
      browserRestarts: 1,
      orders: {
        placed: 1,
        recent: [{ number: "ORD-1", traceId: "abc", placedAt: "2023-11-14T22:13:21.000Z" }],
      },
    });
  });

  it("turns NaN and negative measurements into 0", () => {
    const { fleet } = fakeFleet();
    fleet.setTarget(Number.NaN);
    fleet.setConcurrency(-2);
    fleet.setBacklog(Number.NaN);
    fleet.action("browse", "home", -5);
    expect(fleet.stats()).toMatchObject({
      targetPerMinute: 0,
      concurrency: 0,
      backlog: 0,
      stepLatencyMs: { browse: { home: { p50: 0 } } },
    });
    expect(fleet.prometheus()).not.toMatch(/NaN|-\d/);
  });

  it("works on the global meter (a no-op without the SDK)", () => {
    const fleet = new FleetMetrics();
    fleet.action("browse", "home", 10);
    expect(fleet.stats().actions.total).toBe(1);
  });
});

// A Prometheus sample line: name, optional {label="value",...} with escaped values, then the value.
const LABEL = String.raw`[a-zA-Z_][a-zA-Z0-9_]*="(?:\\[\\"n]|[^"\\\n])*"`;
const SAMPLE_LINE = new RegExp(
  String.raw`^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:${LABEL})(?:,${LABEL})*\})? (NaN|[+-]Inf|-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)$`,
);
const COMMENT_LINE = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$/;

/** Every sample of a /metrics page by its full line prefix (name and labels), checking the syntax. */
function parsePrometheus(text: string): Map<string, number> {
  expect(text.endsWith("\n")).toBe(true);
  const samples = new Map<string, number>();
  for (const line of text.slice(0, -1).split("\n")) {
    if (line.startsWith("#")) {
      expect(line).toMatch(COMMENT_LINE);
      continue;
    }
    const match = SAMPLE_LINE.exec(line);
    expect(match, line).not.toBeNull();
    const [, name = "", labels = "", value = ""] = match ?? [];
    samples.set(`${name}${labels}`, Number(value.replace("Inf", "Infinity")));
  }
  return samples;
}

function busyFleet() {
  const fake = fakeFleet();
  fake.fleet.setTarget(120);
  fake.fleet.setConcurrency(5);
  fake.fleet.setBacklog(2);
  fake.fleet.sessionStarted("buy", "decisive_buyer");
  fake.fleet.sessionEnded("buy", "decisive_buyer", "completed");
  fake.advance(30_000);
  for (const ms of [40, 80, 300, 1200, 45_000]) fake.fleet.action("buy", "checkout", ms);
  fake.fleet.error("assertion");
  fake.fleet.browserRestarted();
  return fake;
}

describe("prometheus", () => {
  it("writes every family with HELP and TYPE, and sample lines Prometheus can parse", () => {
    const text = busyFleet().fleet.prometheus();
    const samples = parsePrometheus(text);
    const types = [...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map(([, name, type]) => `${name} ${type}`);
    expect(types).toEqual([
      "shop_bots_actions_total counter",
      "shop_bots_sessions_total counter",
      "shop_bots_errors_total counter",
      "shop_bots_browser_restarts_total counter",
      "shop_bots_step_duration histogram",
      "shop_bots_target gauge",
      "shop_bots_achieved gauge",
      "shop_bots_concurrency gauge",
      "shop_bots_backlog gauge",
    ]);
    expect(text).toContain(
      "# HELP shop_bots_actions_total User actions the bots completed, by journey and step\n",
    );
    expect(Object.fromEntries(samples)).toMatchObject({
      'shop_bots_actions_total{journey="buy",step="checkout"}': 5,
      'shop_bots_sessions_total{journey="buy",persona="decisive_buyer",outcome="started"}': 1,
      'shop_bots_sessions_total{journey="buy",persona="decisive_buyer",outcome="completed"}': 1,
      'shop_bots_errors_total{kind="assertion"}': 1,
      shop_bots_browser_restarts_total: 1,
      shop_bots_target: 120,
      shop_bots_achieved: 10, // 5 actions in 30 s of running
      shop_bots_concurrency: 5,
      shop_bots_backlog: 2,
    });
  });

  it("writes histograms as cumulative buckets up to +Inf, then sum and count, in seconds", () => {
    const samples = parsePrometheus(busyFleet().fleet.prometheus());
    const series = 'journey="buy",step="checkout"';
    const buckets = [...STEP_DURATION_BUCKETS.map(String), "+Inf"].map(
      (le) => samples.get(`shop_bots_step_duration_bucket{${series},le="${le}"}`) ?? Number.NaN,
    );
    // 0.04 s, 0.08 s, 0.3 s, 1.2 s and 45 s (above the last bucket)
    expect(buckets).toEqual([1, 2, 2, 3, 3, 4, 4, 4, 4, 5]);
    expect(samples.get(`shop_bots_step_duration_sum{${series}}`)).toBeCloseTo(46.62, 10);
    expect(samples.get(`shop_bots_step_duration_count{${series}}`)).toBe(5);
  });

  it("escapes backslashes, double quotes and newlines in label values", () => {
    const { fleet } = fakeFleet();
    fleet.action('say "hi"', "back\\slash\nnew line", 10);
    const text = fleet.prometheus();
    expect(text).toContain(
      String.raw`shop_bots_actions_total{journey="say \"hi\"",step="back\\slash\nnew line"} 1` + "\n",
    );
    expect(parsePrometheus(text).size).toBeGreaterThan(0);
  });

  it("writes unlabelled series even before anything happened", () => {
    const samples = parsePrometheus(fakeFleet().fleet.prometheus());
    expect(Object.fromEntries(samples)).toEqual({
      shop_bots_browser_restarts_total: 0,
      shop_bots_target: 0,
      shop_bots_achieved: 0,
      shop_bots_concurrency: 0,
      shop_bots_backlog: 0,
    });
  });

  it("never lets a counter go down", () => {
    const fake = fakeFleet();
    const isCounter = (key: string) => /^[^{]*(_total|_bucket|_count|_sum)(\{|$)/.test(key);
    let previous = new Map<string, number>();
    for (let round = 0; round < 20; round++) {
      fake.advance(3_000);
      fake.fleet.sessionStarted(round % 2 ? "buy" : "browse", "window_shopper");
      if (round % 3 === 0) fake.fleet.sessionEnded("browse", "window_shopper", "abandoned");
      for (let i = 0; i <= round; i++) fake.fleet.action("browse", `step${i % 4}`, 37 * i);
      if (round % 5 === 0) fake.fleet.error("browser_crash");
      if (round % 7 === 0) fake.fleet.browserRestarted();
      const current = parsePrometheus(fake.fleet.prometheus());
      for (const [key, value] of previous) {
        if (isCounter(key)) expect(current.get(key), key).toBeGreaterThanOrEqual(value);
      }
      previous = current;
    }
    expect([...previous.keys()].filter(isCounter).length).toBeGreaterThan(20);
  });
});

class TestReader extends MetricReader {
  protected override onShutdown(): Promise<void> {
    return Promise.resolve();
  }
  protected override onForceFlush(): Promise<void> {
    return Promise.resolve();
  }
}

describe("OpenTelemetry", () => {
  it("records the same numbers under the shop.bots.* names with their units", async () => {
    const reader = new TestReader();
    const provider = new MeterProvider({ readers: [reader] });
    let now = 0;
    const fleet = new FleetMetrics({ now: () => now, meter: provider.getMeter("@shop/e2e/bots") });
    fleet.setTarget(120);
    fleet.setConcurrency(5);
    fleet.setBacklog(2);
    fleet.sessionStarted("buy", "decisive_buyer");
    fleet.sessionEnded("buy", "decisive_buyer", "failed");
    now = 30_000;
    for (const ms of [40, 80, 300, 1200, 45_000]) fleet.action("buy", "checkout", ms);
    fleet.error("assertion");
    fleet.browserRestarted();

    const { resourceMetrics } = await reader.collect();
    const byName = new Map<string, MetricData>(
      resourceMetrics.scopeMetrics
        .flatMap((scope) => scope.metrics)
        .map((metric) => [metric.descriptor.name, metric]),
    );
    const points = (name: string) =>
      (byName.get(name)?.dataPoints ?? []).map((point: DataPoint<unknown>) => ({
        attributes: point.attributes,
        value: point.value,
      }));
    expect(Object.fromEntries([...byName].map(([name, metric]) => [name, metric.descriptor.unit]))).toEqual({
      "shop.bots.actions": "{action}",
      "shop.bots.sessions": "{session}",
      "shop.bots.errors": "{error}",
      "shop.bots.browser.restarts": "{restart}",
      "shop.bots.step.duration": "s",
      "shop.bots.target": "{action}/min",
      "shop.bots.achieved": "{action}/min",
      "shop.bots.concurrency": "{session}",
      "shop.bots.backlog": "{action}",
    });
    expect(points("shop.bots.actions")).toEqual([
      { attributes: { journey: "buy", step: "checkout" }, value: 5 },
    ]);
    expect(points("shop.bots.sessions")).toHaveLength(2);
    expect(points("shop.bots.sessions")).toEqual(
      expect.arrayContaining([
        { attributes: { journey: "buy", persona: "decisive_buyer", outcome: "started" }, value: 1 },
        { attributes: { journey: "buy", persona: "decisive_buyer", outcome: "failed" }, value: 1 },
      ]),
    );
    expect(points("shop.bots.errors")).toEqual([{ attributes: { kind: "assertion" }, value: 1 }]);
    expect(points("shop.bots.browser.restarts")).toEqual([{ attributes: {}, value: 1 }]);
    expect(points("shop.bots.target")).toEqual([{ attributes: {}, value: 120 }]);
    expect(points("shop.bots.achieved")).toEqual([{ attributes: {}, value: fleet.achievedPerMinute() }]);
    expect(points("shop.bots.concurrency")).toEqual([{ attributes: {}, value: 5 }]);
    expect(points("shop.bots.backlog")).toEqual([{ attributes: {}, value: 2 }]);
    const [duration] = points("shop.bots.step.duration");
    const histogram = duration?.value as Histogram;
    expect(histogram.buckets.boundaries).toEqual(STEP_DURATION_BUCKETS);
    expect(histogram.buckets.counts).toEqual([1, 1, 0, 1, 0, 1, 0, 0, 0, 1]);
    expect(histogram.count).toBe(5);
    expect(histogram.sum).toBeCloseTo(46.62, 10);
    await provider.shutdown();
  });
});
