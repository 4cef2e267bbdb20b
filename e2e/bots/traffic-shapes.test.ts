import { describe, expect, it } from "vitest";
import { describeShape, formatShape, parseShape, targetAt, trafficShapeSchema } from "./traffic-shapes.ts";
import type { TrafficShape } from "./traffic-shapes.ts";

describe("targetAt", () => {
  it("holds a steady rate at every time", () => {
    const shape: TrafficShape = { kind: "steady", perMinute: 30 };
    expect([0, 1, 3600, 1e9].map((t) => targetAt(shape, t))).toEqual([30, 30, 30, 30]);
  });

  it("ramps linearly, then holds the end rate", () => {
    const up: TrafficShape = { kind: "ramp", from: 30, to: 300, durationSeconds: 120 };
    expect(targetAt(up, 0)).toBe(30);
    expect(targetAt(up, 30)).toBe(97.5);
    expect(targetAt(up, 60)).toBe(165);
    expect(targetAt(up, 120)).toBe(300);
    expect(targetAt(up, 10_000)).toBe(300);
    const down: TrafficShape = { kind: "ramp", from: 100, to: 0, durationSeconds: 10 };
    expect([targetAt(down, 5), targetAt(down, 10), targetAt(down, 11)]).toEqual([50, 0, 0]);
  });

  it("spikes: base, ramp up, hold the peak, ramp down, base again", () => {
    const sale: TrafficShape = {
      kind: "spike",
      base: 30,
      peak: 300,
      rampUpSeconds: 60,
      holdSeconds: 120,
      rampDownSeconds: 60,
    };
    const at = (t: number) => targetAt(sale, t);
    expect(at(0)).toBe(30);
    expect(at(30)).toBe(165); // middle of the way up
    expect(at(60)).toBe(300); // peak reached
    expect(at(120)).toBe(300); // holding
    expect(at(179.9)).toBe(300);
    expect(at(210)).toBe(165); // middle of the way down
    expect(at(240)).toBe(30); // back to base
    expect(at(100_000)).toBe(30);
  });

  it("follows a daily curve from min up to max at half the period and back", () => {
    const day: TrafficShape = { kind: "daily", min: 20, max: 60, periodMinutes: 1440 };
    const hours = (h: number) => targetAt(day, h * 3600);
    expect(hours(0)).toBe(20);
    expect(hours(6)).toBeCloseTo(40, 9);
    expect(hours(12)).toBeCloseTo(60, 9);
    expect(hours(18)).toBeCloseTo(40, 9);
    expect(hours(24)).toBeCloseTo(20, 9);
    expect(hours(36)).toBeCloseTo(60, 9); // the next day repeats
    for (let h = 0; h <= 48; h += 0.5) {
      expect(hours(h)).toBeGreaterThanOrEqual(20 - 1e-9);
      expect(hours(h)).toBeLessThanOrEqual(60 + 1e-9);
    }
  });

  it("treats times before the start (and NaN) as the start, and never goes negative", () => {
    const up: TrafficShape = { kind: "ramp", from: 10, to: 100, durationSeconds: 60 };
    expect(targetAt(up, -30)).toBe(10);
    expect(targetAt(up, Number.NaN)).toBe(10);
    const day: TrafficShape = { kind: "daily", min: 0, max: 10, periodMinutes: 1 };
    expect(targetAt(day, Number.POSITIVE_INFINITY)).toBe(0);
    for (let t = 0; t < 120; t += 0.7) expect(targetAt(day, t)).toBeGreaterThanOrEqual(0);
  });
});

describe("parseShape, formatShape and describeShape", () => {
  const examples: [string, TrafficShape, string][] = [
    ["steady:30", { kind: "steady", perMinute: 30 }, "steady 30 actions/min"],
    [
      "ramp:30:300:120",
      { kind: "ramp", from: 30, to: 300, durationSeconds: 120 },
      "ramp 30 -> 300 actions/min over 120 s, then steady",
    ],
    [
      "spike:30:300:60:120:60",
      { kind: "spike", base: 30, peak: 300, rampUpSeconds: 60, holdSeconds: 120, rampDownSeconds: 60 },
      "spike 30 -> 300 actions/min (up 60 s, hold 120 s, down 60 s)",
    ],
    [
      "daily:20:60:1440",
      { kind: "daily", min: 20, max: 60, periodMinutes: 1440 },
      "daily 20 -> 60 -> 20 actions/min every 1440 min",
    ],
  ];

  it.each(examples)("%s parses, formats back and describes itself", (text, shape, description) => {
    expect(parseShape(text)).toEqual(shape);
    expect(formatShape(shape)).toBe(text);
    expect(parseShape(formatShape(shape))).toEqual(shape);
    expect(describeShape(parseShape(text))).toBe(description);
  });

  it("accepts decimals, spaces around the text and an upper-case kind", () => {
    expect(parseShape("  Steady:12.5 ")).toEqual({ kind: "steady", perMinute: 12.5 });
    expect(parseShape("ramp:0:.5:1.")).toEqual({ kind: "ramp", from: 0, to: 0.5, durationSeconds: 1 });
    expect(formatShape({ kind: "steady", perMinute: 12.5 })).toBe("steady:12.5");
  });

  it("names every form when the kind is unknown", () => {
    expect(() => parseShape("wave:30")).toThrow(
      'Unknown traffic shape "wave:30": expected one of steady:<perMinute> (e.g. steady:30), ' +
        "ramp:<from>:<to>:<seconds> (e.g. ramp:30:300:120), " +
        "spike:<base>:<peak>:<upSeconds>:<holdSeconds>:<downSeconds> (e.g. spike:30:300:60:120:60), " +
        "daily:<min>:<max>:<periodMinutes> (e.g. daily:20:60:1440)",
    );
    expect(() => parseShape("")).toThrow(/^Unknown traffic shape "": expected one of steady:<perMinute>/);
  });

  it("names the expected form when the numbers are missing, extra or not numbers", () => {
    expect(() => parseShape("ramp:30")).toThrow(
      'Invalid traffic shape "ramp:30": ramp takes 3 numbers, expected ramp:<from>:<to>:<seconds> (e.g. ramp:30:300:120)',
    );
    expect(() => parseShape("steady:30:60")).toThrow("steady takes 1 number, expected steady:<perMinute>");
    expect(() => parseShape("spike")).toThrow("spike takes 5 numbers");
    expect(() => parseShape("steady:abc")).toThrow(
      'Invalid traffic shape "steady:abc": perMinute "abc" is not a number, expected steady:<perMinute> (e.g. steady:30)',
    );
    expect(() => parseShape("steady:")).toThrow('perMinute "" is not a number');
    expect(() => parseShape("steady:0x10")).toThrow('perMinute "0x10" is not a number');
    expect(() => parseShape("daily:20:60:1e3")).toThrow('periodMinutes "1e3" is not a number');
  });

  it("names the rule and the expected form when a number is out of range", () => {
    expect(() => parseShape("steady:20000")).toThrow(
      'Invalid traffic shape "steady:20000": perMinute must be at most 10000 actions/min, expected steady:<perMinute>',
    );
    expect(() => parseShape("ramp:-5:300:120")).toThrow(
      "from must be at least 0 actions/min, expected ramp:",
    );
    expect(() => parseShape("ramp:30:300:0")).toThrow("durationSeconds must be more than 0 seconds");
    expect(() => parseShape("spike:30:300:60:0:60")).toThrow("holdSeconds must be more than 0 seconds");
    expect(() => parseShape("daily:20:60:0")).toThrow(
      "periodMinutes must be more than 0 minutes, expected daily:",
    );
    expect(() => parseShape("daily:60:20:1440")).toThrow("min must not be above max");
  });
});

describe("trafficShapeSchema", () => {
  const messages = (input: unknown) =>
    trafficShapeSchema.safeParse(input).error?.issues.map((i) => i.message);

  it("accepts every kind of shape at the edges of its ranges", () => {
    expect(trafficShapeSchema.parse({ kind: "steady", perMinute: 0 })).toEqual({
      kind: "steady",
      perMinute: 0,
    });
    expect(trafficShapeSchema.safeParse({ kind: "steady", perMinute: 10_000 }).success).toBe(true);
    expect(trafficShapeSchema.safeParse({ kind: "daily", min: 5, max: 5, periodMinutes: 0.5 }).success).toBe(
      true,
    );
  });

  it("explains what is wrong in words", () => {
    expect(messages({ kind: "wave" })).toEqual(['kind must be one of "steady", "ramp", "spike", "daily"']);
    expect(messages(null)).toEqual(["a traffic shape must be an object with a kind"]);
    expect(messages({ kind: "steady", perMinute: "30" })).toEqual([
      "perMinute must be a number of actions per minute",
    ]);
    expect(messages({ kind: "steady", perMinute: Number.POSITIVE_INFINITY })).toEqual([
      "perMinute must be a number of actions per minute",
    ]);
    expect(messages({ kind: "ramp", from: 1, to: 10_001, durationSeconds: -1 })).toEqual([
      "to must be at most 10000 actions/min",
      "durationSeconds must be more than 0 seconds",
    ]);
    expect(messages({ kind: "spike", base: 1, peak: 2, rampUpSeconds: 1, holdSeconds: 1 })).toEqual([
      "rampDownSeconds must be a number of seconds",
    ]);
  });
});
