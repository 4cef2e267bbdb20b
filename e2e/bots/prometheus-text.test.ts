import { describe, expect, it } from "vitest";
import {
  counterText,
  escapeLabelValue,
  formatValue,
  gaugeText,
  histogramText,
  prometheusName,
} from "./prometheus-text.ts";

describe("prometheus text", () => {
  it("turns OpenTelemetry names into Prometheus names", () => {
    expect(prometheusName("shop.bots.step.duration")).toBe("shop_bots_step_duration");
    expect(prometheusName("http.server-requests/x")).toBe("http_server_requests_x");
    expect(prometheusName("2xx.count")).toBe("_2xx_count");
  });

  it("escapes label values and help text as the format says", () => {
    expect(escapeLabelValue('a\\b"c\nd')).toBe(String.raw`a\\b\"c\nd`);
    const text = gaugeText({ name: "g", description: 'back\\slash "quoted"\nsecond line' }, []);
    expect(text).toBe(String.raw`# HELP g back\\slash "quoted"\nsecond line` + "\n# TYPE g gauge\n");
  });

  it("writes special values the way Prometheus reads them", () => {
    expect(
      [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0.25, 3].map(formatValue),
    ).toEqual(["NaN", "+Inf", "-Inf", "0.25", "3"]);
  });

  it("suffixes counters with _total and writes one line per series", () => {
    const text = counterText({ name: "shop.bots.errors", description: "Errors" }, [
      { labels: { kind: "http_5xx" }, value: 2 },
      { labels: {}, value: 1 },
    ]);
    expect(text).toBe(
      "# HELP shop_bots_errors_total Errors\n# TYPE shop_bots_errors_total counter\n" +
        'shop_bots_errors_total{kind="http_5xx"} 2\nshop_bots_errors_total 1\n',
    );
  });

  it("accumulates histogram buckets and ends them with +Inf", () => {
    const text = histogramText(
      { name: "d", description: "D" },
      [0.1, 1],
      [{ labels: { step: "x" }, bucketCounts: [2, 0], sum: 7.5, count: 3 }],
    );
    expect(text.split("\n").slice(2)).toEqual([
      'd_bucket{step="x",le="0.1"} 2',
      'd_bucket{step="x",le="1"} 2',
      'd_bucket{step="x",le="+Inf"} 3',
      'd_sum{step="x"} 7.5',
      'd_count{step="x"} 3',
      "",
    ]);
  });
});
