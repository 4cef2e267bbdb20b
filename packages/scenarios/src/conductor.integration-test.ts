// Scenarios against a real Redis: the conductor plays the timeline into the flags, stops and
// crashes leave nothing broken, and every turning point is a span.
import { randomUUID } from "node:crypto";
import { trace } from "@opentelemetry/api";
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from "@opentelemetry/sdk-trace";
import { FlagStore, startFlags } from "@shop/flags";
import type { FlagKey, Flags } from "@shop/flags";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Conductor, startConductor } from "./conductor.ts";
import { ScenarioAlreadyRunning, ScenarioControl } from "./scenario-control.ts";
import { SCENARIO_ATTR } from "@shop/telemetry/names";
import { SCENARIOS } from "./scenarios.ts";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const exporter = new InMemorySpanExporter();

async function until<T>(check: () => Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await check();
    if (result !== undefined && result !== false) return result;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let redis: Redis;
let prefix: string;
let store: FlagStore;
let control: ScenarioControl;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(() => {
  trace.setGlobalTracerProvider(
    new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] }),
  );
  redis = new Redis(REDIS_URL);
});

// Each test its own prefix: its own flags, run record and lease.
function fresh() {
  prefix = `test:scenarios:${randomUUID()}:`;
  store = new FlagStore(redis, { prefix });
  control = new ScenarioControl(redis, { prefix });
  exporter.reset();
}

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
});

afterAll(() => {
  redis.disconnect();
});

const scenarioFlags = async () =>
  (await store.list()).filter((state) => state.setBy.startsWith("scenario:")).map((state) => state.key);

describe("scenarios", () => {
  it("start: the step's flags appear within a tick, set by the scenario; a second start is refused", async () => {
    fresh();
    const conductor = startConductor({ redis, prefix, tickMs: 200 });
    cleanups.push(() => conductor.stop());
    const started = await control.start("normal-day", { startedBy: "test" });
    expect(started).toMatchObject({
      state: "running",
      name: "normal-day",
      timeScale: 1,
      stepIndex: 0,
      startedBy: "test",
    });
    const traffic = await until(async () =>
      (await store.list()).find((state) => state.key === "bots.traffic"),
    );
    expect(traffic).toMatchObject({ setBy: "scenario:normal-day", value: { perMinute: 30 } });
    expect(traffic.expiresAt - traffic.setAt).toBe(600);
    await expect(control.start("flash-sale")).rejects.toThrow(ScenarioAlreadyRunning);
    await expect(control.start("flash-sale")).rejects.toThrow("The normal-day scenario is running");
    const status = await control.status();
    expect(status).toMatchObject({ state: "running", name: "normal-day", conductor: conductor.instanceId });
    expect(status.traffic).toEqual({ perMinute: 30 });
    expect(status.narrative).toBe(SCENARIOS["normal-day"].steps[0]?.narrative);
  });

  it("a time-scaled black friday walks every step in order, completes and clears everything but the console's flags", async () => {
    fresh();
    const watcher: Flags = await startFlags({
      source: "scenario-test",
      redis: REDIS_URL,
      prefix,
      refreshMs: 100,
    });
    cleanups.push(() => watcher.stop());
    const seen: string[] = [];
    watcher.onChange((key, value) => {
      if (key !== "bots.traffic" && !seen.includes(`${key}:${value === false ? "off" : "on"}`))
        seen.push(`${key}:${value === false ? "off" : "on"}`);
    });
    await store.set("cache.disabled", true, { setBy: "console" });
    const conductor = startConductor({ redis, prefix, tickMs: 200 });
    cleanups.push(() => conductor.stop());
    await control.start("black-friday", { timeScale: 100 });
    const done = await until(async () => {
      const status = await control.status();
      return status.state === "running" ? undefined : status;
    }, 60_000);
    expect(done).toMatchObject({ state: "completed", progress: 1, reason: "the timeline ended" });
    expect(await scenarioFlags()).toEqual([]);
    expect((await store.list()).map((state) => `${state.key} by ${state.setBy}`)).toEqual([
      "cache.disabled by console",
    ]);
    expect(seen).toEqual([
      "cache.disabled:on",
      "db.missing_index:on",
      "db.pool_exhaustion:on",
      "inventory.contention:on",
      "db.missing_index:off",
      "db.pool_exhaustion:off",
      "inventory.contention:off",
    ]);
    const events = exporter
      .getFinishedSpans()
      .filter((span) => span.attributes[SCENARIO_ATTR.runId] !== undefined)
      .map(
        (span) =>
          `${span.name}${span.attributes[SCENARIO_ATTR.step] === undefined ? "" : ` ${String(span.attributes[SCENARIO_ATTR.step])}`}`,
      );
    const steps = SCENARIOS["black-friday"].steps.map((_, index) => `scenario step ${String(index)}`);
    expect(events).toEqual(["scenario started", ...steps, `scenario completed ${String(steps.length - 1)}`]);
  });

  it("stop clears every flag the scenario set at once, and a late tick does not bring them back", async () => {
    fresh();
    const conductor = new Conductor(redis, { prefix, tickMs: 200 });
    await control.start("black-friday");
    await conductor.tick();
    // Seven minutes into the timeline: the index is missing, the pool is leaking.
    await conductor.tick(Date.now() + 600_000);
    expect(await scenarioFlags()).toEqual([
      "db.missing_index",
      "db.pool_exhaustion",
      "bots.traffic",
    ] satisfies FlagKey[]);
    const stopped = await control.stop("presenter pressed stop");
    expect(stopped).toMatchObject({ state: "stopped", reason: "presenter pressed stop", flags: [] });
    expect(await scenarioFlags()).toEqual([]);
    await conductor.tick();
    expect(await scenarioFlags()).toEqual([]);
    expect((await control.status()).state).toBe("stopped");
  });

  it("a conductor that dies: its flags expire on their own and the next conductor aborts the run", async () => {
    fresh();
    const dying = new Conductor(redis, { prefix, tickMs: 200, instanceId: "dying" });
    const next = new Conductor(redis, { prefix, tickMs: 200, instanceId: "next" });
    await control.start("db-incident");
    await dying.tick();
    expect(await scenarioFlags()).toEqual(["bots.traffic"]);
    // `dying` never ticks again: no release, no renewal.
    await until(async () => (await scenarioFlags()).length === 0);
    const aborted = await until(async () => {
      await next.tick();
      const status = await control.status();
      return status.state === "aborted" ? status : undefined;
    });
    expect(aborted.reason).toContain("its conductor (dying) stopped");
    expect(await scenarioFlags()).toEqual([]);
    // The next run is played by the survivor as usual.
    await control.start("normal-day");
    await next.tick();
    expect(await scenarioFlags()).toEqual(["bots.traffic"]);
  });

  it("a conductor whose process stops aborts its run and clears the flags before it goes", async () => {
    fresh();
    const conductor = startConductor({ redis, prefix, tickMs: 200 });
    await control.start("flash-sale");
    await until(async () => (await scenarioFlags()).includes("bots.traffic"));
    await conductor.stop();
    expect(await control.status()).toMatchObject({
      state: "aborted",
      reason: "its conductor's process stopped",
      flags: [],
    });
  });

  it("a run no conductor takes up is aborted, not started half-way, when one appears", async () => {
    fresh();
    await control.start("flash-sale");
    expect(await control.conductor()).toBeUndefined();
    await new Conductor(redis, { prefix, tickMs: 200 }).tick(Date.now() + 30_000);
    expect(await control.status()).toMatchObject({ state: "aborted", flags: [] });
    expect((await control.status()).reason).toContain("no conductor took it up");
  });

  it("rejects a time scale out of range with a message naming the field", async () => {
    fresh();
    await expect(control.start("normal-day", { timeScale: 0 })).rejects.toThrow(
      "timeScale must be at least 1",
    );
    await expect(control.start("normal-day", { timeScale: 1_000 })).rejects.toThrow(
      "timeScale must be at most 100",
    );
    expect((await control.status()).state).toBe("idle");
  });
});
