// The fleet follows the scenarios' bots.traffic flag through a real Redis: a new target arrives by
// pub/sub, and the fleet's own shape returns when the flag is cleared or its lease runs out.
import { randomUUID } from "node:crypto";
import { FlagStore, startFlags } from "@shop/flags";
import type { Flags } from "@shop/flags";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FleetMetrics } from "./fleet-metrics.ts";
import { FleetRunner } from "./fleet-runner.ts";
import { DEFAULT_JOURNEY_WEIGHTS, DEFAULT_PERSONA_WEIGHTS } from "./personas.ts";
import { followTrafficFlag } from "./traffic-flag.ts";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `test:bots:${randomUUID()}:`;

async function until(check: () => boolean, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let redis: Redis;
let flags: Flags;
let store: FlagStore;

beforeAll(async () => {
  redis = new Redis(REDIS_URL);
  store = new FlagStore(redis, { prefix });
  // The periodic reload is far away: what the fleet sees, it saw through pub/sub (or a lease ending).
  flags = await startFlags({ source: "bots-test", redis: REDIS_URL, prefix, refreshMs: 60_000 });
});

afterAll(async () => {
  await store.clear();
  await flags.stop();
  redis.disconnect();
});

describe("the fleet and the bots.traffic flag", () => {
  it("follows the flag while it is set, and returns to its own shape when it is cleared", async () => {
    const fleet = new FleetRunner({
      baseUrl: "http://127.0.0.1:1",
      shape: { kind: "steady", perMinute: 30 },
      maxSessions: 4,
      journeyWeights: DEFAULT_JOURNEY_WEIGHTS,
      personaWeights: DEFAULT_PERSONA_WEIGHTS,
      thinkScale: 1,
      metrics: new FleetMetrics(),
      log: () => undefined,
    });
    const unfollow = followTrafficFlag(flags, fleet);
    expect(fleet.targetPerMinute()).toBe(30);
    await store.set(
      "bots.traffic",
      { perMinute: 180, hotProducts: ["kettle"], hotShare: 0.5 },
      { setBy: "scenario:test" },
    );
    await until(() => fleet.targetPerMinute() === 180);
    expect(fleet.trafficOverride?.hotProducts).toEqual(["kettle"]);
    await store.set("bots.traffic", { perMinute: 90 }, { setBy: "scenario:test" });
    await until(() => fleet.targetPerMinute() === 90);
    await store.clear("bots.traffic");
    await until(() => fleet.targetPerMinute() === 30);
    expect(fleet.trafficOverride).toBeUndefined();

    // A conductor that dies stops renewing: the lease runs out and the fleet lets go by itself.
    await store.set("bots.traffic", { perMinute: 300 }, { setBy: "scenario:test", ttlMs: 300 });
    await until(() => fleet.targetPerMinute() === 300);
    await until(() => fleet.targetPerMinute() === 30);
    expect(fleet.trafficOverride).toBeUndefined();
    unfollow();
  });
});
