import { describe, expect, it } from "vitest";
import { fleetConfig } from "./fleet-config.ts";

describe("the fleet's Redis and instance settings", () => {
  it("keep to the fleet's own shape without Redis, and follow the shop's Redis when given", () => {
    const alone = fleetConfig([], {});
    expect(alone).toMatchObject({ redisUrl: undefined });
    expect(alone !== "help" && alone.instance).toMatch(/^[\w.-]+-\d+$/);
    expect(fleetConfig([], { REDIS_URL: "redis://127.0.0.1:6379", BOTS_INSTANCE: "bots-0" })).toMatchObject({
      redisUrl: "redis://127.0.0.1:6379",
      instance: "bots-0",
    });
    expect(
      fleetConfig(["--redis", "redis://cache:6380"], { REDIS_URL: "redis://127.0.0.1:6379" }),
    ).toMatchObject({
      redisUrl: "redis://cache:6380",
    });
    expect(fleetConfig([], { REDIS_URL: "" })).toMatchObject({ redisUrl: undefined });
  });

  it("reject a Redis that is not a redis:// URL, and an instance name the console cannot key on", () => {
    expect(() => fleetConfig(["--redis", "localhost:6379"], {})).toThrow("must be a redis:// URL");
    expect(() => fleetConfig(["--instance", "a b:c"], {})).toThrow("--instance must be");
  });
});
