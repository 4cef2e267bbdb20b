// Counts from several writers (processes, replicas) add up in Redis, and the reader turns them
// into the console's numbers.
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { BUCKET_MS, LiveStatsReader, LiveStatsWriter } from "./index.ts";

const redis = new Redis(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379");
const prefix = `test:live:${randomUUID()}:`;

afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

describe("live stats", () => {
  it("adds up requests from several writers into rate, error rate and p95 per subject", async () => {
    const first = new LiveStatsWriter(redis, { prefix, flushMs: 60_000 });
    const second = new LiveStatsWriter(redis, { prefix, flushMs: 60_000 });
    // Two complete buckets before `now`: the reader ignores the one still filling.
    const now = Math.floor(Date.now() / BUCKET_MS) * BUCKET_MS + 5_000;
    const earlier = now - BUCKET_MS;
    for (let i = 0; i < 18; i++) first.record("catalog", 20, false, earlier);
    second.record("catalog", 900, true, earlier);
    second.record("catalog", 900, false, earlier - BUCKET_MS);
    second.record("checkout", 120, false, now);
    await Promise.all([first.stop(), second.stop()]);

    const reader = new LiveStatsReader(redis, { prefix });
    const [catalog, checkout] = await reader.summary(["catalog", "checkout"], 60_000, now);
    expect(catalog).toMatchObject({ subject: "catalog", requests: 20, perMinute: 20, p95Ms: 1_000 });
    expect(catalog?.errorRate).toBeCloseTo(1 / 20);
    // The checkout request sits in the bucket still filling: not counted yet.
    expect(checkout).toMatchObject({ requests: 0, perMinute: 0, errorRate: 0, p95Ms: undefined });
  });

  it("keeps each reporter's latest gauges until they expire", async () => {
    const writer = new LiveStatsWriter(redis, { prefix, flushMs: 60_000 });
    await writer.setGauges("bots", "fleet-a", { targetPerMinute: 30, achievedPerMinute: 28 });
    await writer.setGauges("bots", "fleet-b", { targetPerMinute: 30, achievedPerMinute: 31 }, 1);
    await writer.setGauges("bots", "fleet-a", { targetPerMinute: 60, achievedPerMinute: 40 });
    const reader = new LiveStatsReader(redis, { prefix });
    expect(await reader.gauges("bots")).toEqual({
      "fleet-a": { targetPerMinute: 60, achievedPerMinute: 40 },
      "fleet-b": { targetPerMinute: 30, achievedPerMinute: 31 },
    });
    const deadline = Date.now() + 3_000;
    while (Object.keys(await reader.gauges("bots")).length > 1 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(Object.keys(await reader.gauges("bots"))).toEqual(["fleet-a"]);
    await writer.stop();
  });
});
