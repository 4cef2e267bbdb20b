// The console reads what the fleet publishes: gauges through a real Redis, under the "bots" subject.
import { randomUUID } from "node:crypto";
import { LiveStatsReader, LiveStatsWriter } from "@shop/live-stats";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { LIVE_SUBJECT, fleetGauges, publishFleetGauges } from "./fleet-gauges.ts";
import { FleetMetrics } from "./fleet-metrics.ts";

const redis = new Redis(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379");
const prefix = `test:bots-gauges:${randomUUID()}:`;

afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

describe("the fleet's gauges in live-stats", () => {
  it("are published for the console under the fleet's instance name, and kept current", async () => {
    const metrics = new FleetMetrics();
    metrics.setTarget(90);
    const writer = new LiveStatsWriter(redis, { prefix });
    const reader = new LiveStatsReader(redis, { prefix });
    const stop = publishFleetGauges({
      writer,
      instanceId: "bots-test",
      gauges: () => fleetGauges(metrics.stats(), true),
      everyMs: 50,
    });
    try {
      const first = await until(async () => (await reader.gauges(LIVE_SUBJECT))["bots-test"]);
      expect(first).toMatchObject({ targetPerMinute: 90, overrideActive: 1, sessionsFailed: 0 });
      metrics.setTarget(300);
      metrics.error("busy");
      const later = await until(async () => {
        const gauges = (await reader.gauges(LIVE_SUBJECT))["bots-test"];
        return gauges?.targetPerMinute === 300 ? gauges : undefined;
      });
      expect(later).toMatchObject({ busy: 1, errors: 1 });
    } finally {
      stop();
      await writer.stop();
    }
  });
});

async function until<T>(check: () => Promise<T | undefined>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await check();
    if (result !== undefined) return result;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
