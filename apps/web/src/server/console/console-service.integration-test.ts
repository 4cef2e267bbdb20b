// The console service against real Redis (keys under a prefix of this run): scenarios started and
// stopped, flags switched by hand and recorded as the console's, and the live numbers read back.
import { randomUUID } from "node:crypto";
import { FlagStore } from "@shop/flags";
import { LiveStatsReader, LiveStatsWriter } from "@shop/live-stats";
import { ScenarioControl } from "@shop/scenarios";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConsoleConflict, ConsoleService } from "./console-service.ts";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `test:console:${randomUUID()}:`;

let redis: Redis;
let flags: FlagStore;
let service: ConsoleService;

beforeAll(() => {
  redis = new Redis(REDIS_URL);
  flags = new FlagStore(redis, { prefix });
  service = new ConsoleService({
    scenarios: new ScenarioControl(redis, { prefix }),
    flags,
    live: new LiveStatsReader(redis, { prefix }),
    recentOrders: () =>
      Promise.resolve({
        minutes: [
          { start: new Date(0), orders: 3, revenueMinor: { USD: 9_000 } },
          { start: new Date(60_000), orders: 1, revenueMinor: { USD: 500 } },
        ],
      }),
  });
});

afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

describe("the console service", () => {
  it("starts a scenario, refuses a second one with a conflict, and stops it clearing its flags", async () => {
    expect((await service.status()).scenario.state).toBe("idle");
    const started = await service.startScenario({ name: "db-incident", timeScale: 10 });
    expect(started).toMatchObject({
      state: "running",
      name: "db-incident",
      timeScale: 10,
      startedBy: "console",
    });
    expect(started.steps?.length).toBeGreaterThan(1);

    await expect(service.startScenario({ name: "flash-sale", timeScale: 1 })).rejects.toThrow(
      ConsoleConflict,
    );
    await expect(service.startScenario({ name: "flash-sale", timeScale: 1 })).rejects.toThrow(/db-incident/);

    const stopped = await service.stopScenario("rehearsal over");
    expect(stopped).toMatchObject({ state: "stopped", name: "db-incident", reason: "rehearsal over" });
    expect((await service.status()).scenario.state).toBe("stopped");
  });

  it("switches flags by hand, recorded as set by the console, and turns them off", async () => {
    await service.setFlag({ key: "payment.degraded", params: { extraLatencyMs: 800, errorRate: 0.1 } });
    await service.setBots({ perMinute: 120 });
    const on = (await service.status()).scenario.flags;
    expect(on.map((state) => [state.key, state.setBy, state.value])).toEqual(
      expect.arrayContaining([
        ["payment.degraded", "console", { extraLatencyMs: 800, errorRate: 0.1 }],
        ["bots.traffic", "console", { perMinute: 120 }],
      ]),
    );

    await service.clearFlag({ key: "payment.degraded" });
    await service.clearBots();
    expect(await flags.list()).toEqual([]);
  });

  it("reads the live numbers every process writes, the bots' gauges and orders per minute", async () => {
    const writer = new LiveStatsWriter(redis, { prefix, flushMs: 60_000 });
    // Twenty seconds ago: a complete 10-second bucket inside the last minute.
    const at = Date.now() - 20_000;
    for (let index = 0; index < 19; index++) writer.record("checkout", 40, false, at);
    writer.record("checkout", 3_000, true, at);
    writer.record("storefront", 12, false, at);
    await writer.setGauges("bots", "fleet-a", {
      targetPerMinute: 120,
      achievedPerMinute: 110,
      concurrency: 5,
    });
    await writer.stop();

    const { traffic } = await service.status();
    const checkout = traffic.services.find((row) => row.subject === "checkout");
    expect(checkout).toMatchObject({ requests: 20, perMinute: 20, errorRate: 0.05, p95Ms: 50 });
    expect(traffic.services.find((row) => row.subject === "storefront")).toMatchObject({ requests: 1 });
    expect(traffic.bots).toEqual({
      instances: 1,
      targetPerMinute: 120,
      achievedPerMinute: 110,
      concurrency: 5,
    });
    expect(traffic.orders).toMatchObject({ perMinute: 3, revenueMinorPerMinute: { USD: 9_000 } });
    expect(traffic.unavailable).toEqual([]);
  });
});
