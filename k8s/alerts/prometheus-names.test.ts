import { describe, expect, it } from "vitest";
import { prometheusLabel, prometheusNames, selectorsOf } from "./prometheus-names.ts";

describe("prometheusNames", () => {
  it("drops annotation units, appends unit words, _total for counters, histogram series", () => {
    expect(prometheusNames({ name: "shop.revenue", unit: "{currency}", kind: "counter" })).toEqual([
      "shop_revenue_total",
    ]);
    expect(prometheusNames({ name: "http.server.request.duration", unit: "s", kind: "histogram" })).toEqual([
      "http_server_request_duration_seconds_bucket",
      "http_server_request_duration_seconds_sum",
      "http_server_request_duration_seconds_count",
    ]);
    expect(
      prometheusNames({
        name: "db.client.connection.pending_requests",
        unit: "{connection}",
        kind: "updowncounter",
      }),
    ).toEqual(["db_client_connection_pending_requests"]);
    expect(
      prometheusNames({ name: "db.client.connection.max", unit: "{connection}", kind: "updowncounter" }),
    ).toEqual(["db_client_connection_max"]);
    expect(prometheusNames({ name: "process.memory", unit: "By", kind: "gauge" })).toEqual([
      "process_memory_bytes",
    ]);
    expect(prometheusNames({ name: "cpu.utilization", unit: "1", kind: "gauge" })).toEqual([
      "cpu_utilization_ratio",
    ]);
    expect(prometheusNames({ name: "latency_seconds", unit: "s", kind: "gauge" })).toEqual([
      "latency_seconds",
    ]);
  });

  it("turns attribute names into label names", () => {
    expect(prometheusLabel("shop.checkout.outcome")).toBe("shop_checkout_outcome");
    expect(prometheusLabel("db.client.connection.state")).toBe("db_client_connection_state");
  });
});

describe("selectorsOf", () => {
  it("finds metrics and matcher labels, not functions, grouping labels, durations or strings", () => {
    const promql =
      'histogram_quantile(0.95, sum by (le) (rate(http_server_request_duration_seconds_bucket{http_route="/placeOrder"}[2m])))' +
      ' / sum(increase(shop_revenue_total[10m] offset 1h)) / clamp_min(sum(db_client_connection_count{db_client_connection_state="used", x!~"a b"}), 1)';
    expect(selectorsOf(promql)).toEqual([
      { metric: "http_server_request_duration_seconds_bucket", labels: ["http_route"] },
      { metric: "shop_revenue_total", labels: [] },
      { metric: "db_client_connection_count", labels: ["db_client_connection_state", "x"] },
    ]);
  });
});
