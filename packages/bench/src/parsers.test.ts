import { describe, expect, it } from "vitest";
import { componentOf } from "./demo-components.ts";
import { parseSkip } from "./sections.ts";
import { parseTrpcOverhead } from "./trpc-overhead.ts";

describe("parseTrpcOverhead", () => {
  it("reads the telemetry bench's printout", () => {
    const output = [
      "tRPC ping, concurrency 10, 3 x 4000 ms rounds each, service on CPU 1, load on CPU 0",
      "telemetry off     2500 req/s   p50 3.20 ms   p95 5.10 ms",
      "telemetry on      2100 req/s   p50 3.90 ms   p95 6.40 ms",
      "OTLP exported while on: 1.2 MiB",
      "per-round ratios: 0.830, 0.840, 0.850",
      "throughput ratio on/off: 0.840 (target >= 0.85)",
    ].join("\n");
    expect(parseTrpcOverhead(output)).toEqual({
      settings: "tRPC ping, concurrency 10, 3 x 4000 ms rounds each, service on CPU 1, load on CPU 0",
      on: { perSecond: 2100, p50: 3.9, p95: 6.4 },
      off: { perSecond: 2500, p50: 3.2, p95: 5.1 },
      ratio: 0.84,
    });
  });

  it("also reads the service's CPU per call when printed", () => {
    const output = [
      "tRPC ping, concurrency 10, 8 x 2500 ms rounds each, service on CPU 1, load on CPU 0",
      "telemetry off     5212 req/s   p50 1.14 ms   p95 5.19 ms",
      "telemetry on      3850 req/s   p50 1.66 ms   p95 12.37 ms",
      "service CPU per request: on 226 µs, off 156 µs",
      "requests per CPU-second ratio on/off: 0.737 (per round: 0.560, 0.755)",
      "throughput ratio on/off: 0.803 (target >= 0.85)",
    ].join("\n");
    expect(parseTrpcOverhead(output)?.cpu).toEqual({ onMicros: 226, offMicros: 156, ratio: 0.737 });
  });

  it("reads the sampled and spanless sides when printed", () => {
    const output = [
      "tRPC ping, concurrency 10, 20 x 1000 ms rounds each, service on CPU 1, load on CPU 0",
      "telemetry off        4556 req/s   p50 2.73 ms   p95 11.11 ms",
      "telemetry on         3243 req/s   p50 3.82 ms   p95 19.58 ms",
      "traces 10% sampled   4088 req/s   p50 2.09 ms   p95 6.86 ms",
      "no spans recorded    4319 req/s   p50 2.04 ms   p95 7.39 ms",
      "throughput ratio traces 10% sampled/off: 0.888 (per CPU-second 0.850; per round: 1.452, 0.912)",
      "throughput ratio no spans recorded/off: 0.962 (per CPU-second 0.951; per round: 1.711, 0.972)",
      "throughput ratio on/off: 0.702 (target >= 0.85)",
    ].join("\n");
    const numbers = parseTrpcOverhead(output);
    expect(numbers?.ratio).toBe(0.702);
    expect(numbers?.partial).toEqual([
      { label: "traces 10% sampled", ratio: 0.888, cpuRatio: 0.85 },
      { label: "no spans recorded", ratio: 0.962, cpuRatio: 0.951 },
    ]);
  });

  it("is undefined for anything else", () => {
    expect(parseTrpcOverhead("Error: listen EADDRINUSE")).toBeUndefined();
  });
});

describe("componentOf", () => {
  it("names the demo's parts from their command lines", () => {
    expect(componentOf("node --import @shop/telemetry/register /r/apps/services/catalog/src/main.ts")).toBe(
      "service catalog",
    );
    expect(componentOf("/usr/lib/chromium/chromium --type=renderer")).toBe("bots browser (Chromium)");
    expect(componentOf("node --import @shop/telemetry/register /r/e2e/bots/cli.ts --url x")).toBe(
      "bots driver (Node)",
    );
    expect(componentOf("node /r/node_modules/next/dist/bin/next start --port 3000")).toBe(
      "storefront (next start)",
    );
    expect(componentOf("next-server (v16.0.0)")).toBe("storefront (next start)");
    expect(componentOf("node /r/packages/telemetry-sink/src/cli.ts serve")).toBe("telemetry sink");
    expect(componentOf("/usr/bin/redis-server 127.0.0.1:6000")).toBe("redis");
    expect(componentOf("postgres: postgres shop_bench_x 127.0.0.1(5000) idle")).toBe(
      "database (PostgreSQL backends)",
    );
    expect(componentOf("node /r/packages/local-stack/src/demo.ts")).toBe("demo supervisor");
  });
});

describe("parseSkip", () => {
  it("accepts known sections and refuses a typo", () => {
    expect([...parseSkip("database, trpc")]).toEqual(["database", "trpc"]);
    expect(parseSkip("").size).toBe(0);
    expect(() => parseSkip("databse")).toThrow(/unknown section "databse"/);
  });
});
