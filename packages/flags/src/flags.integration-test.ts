// Flags against a real Redis: a change reaches every process at once, a lease that is not renewed
// turns the flag off on its own, and each evaluation is recorded on the active span.
import { randomUUID } from "node:crypto";
import { context, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from "@opentelemetry/sdk-trace";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FEATURE_FLAG_ATTR, FEATURE_FLAG_EVENT, FlagStore, startFlags } from "./index.ts";
import type { Flags } from "./index.ts";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `test:flags:${randomUUID()}:`;

async function until(check: () => boolean, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let redis: Redis;
let store: FlagStore;
let catalog: Flags;
let checkout: Flags;
const exporter = new InMemorySpanExporter();
const tracer = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] }).getTracer(
  "test",
);

beforeAll(async () => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  redis = new Redis(REDIS_URL);
  store = new FlagStore(redis, { prefix });
  // The catalog's periodic reload is far away: what it sees, it saw through pub/sub.
  catalog = await startFlags({ source: "catalog", redis: REDIS_URL, prefix, refreshMs: 60_000 });
  checkout = await startFlags({ source: "checkout", redis: REDIS_URL, prefix, refreshMs: 100 });
});

afterAll(async () => {
  await store.clear();
  await catalog.stop();
  await checkout.stop();
  redis.disconnect();
  context.disable();
});

describe("flags", () => {
  it("are pushed to every process as they are set, and turn off when cleared", async () => {
    const changes: string[] = [];
    const unsubscribe = catalog.onChange((key, value) => changes.push(`${key}=${JSON.stringify(value)}`));
    await store.set("cache.disabled", true, { setBy: "test" });
    await until(() => catalog.current("cache.disabled") && checkout.current("cache.disabled"));
    expect(changes).toEqual(["cache.disabled=true"]);

    await store.clear("cache.disabled");
    await until(() => !catalog.current("cache.disabled") && !checkout.current("cache.disabled"));
    expect(changes).toEqual(["cache.disabled=true", "cache.disabled=false"]);
    unsubscribe();
  });

  it("turns a flag off by itself when its lease is not renewed, and says so", async () => {
    const changes: string[] = [];
    const unsubscribe = checkout.onChange((key, value) => changes.push(`${key}=${JSON.stringify(value)}`));
    await store.set(
      "payment.degraded",
      { extraLatencyMs: 500, errorRate: 0.2 },
      { setBy: "test", ttlMs: 300 },
    );
    await until(() => checkout.current("payment.degraded") !== false);
    expect(checkout.current("payment.degraded")).toEqual({ extraLatencyMs: 500, errorRate: 0.2 });
    // Nobody renews it: it reads as off once the lease ends, and the store drops it.
    await until(() => checkout.current("payment.degraded") === false, 2_000);
    // Listeners (the catalog's index reconciler) hear the lease end at the next reload.
    await until(() => changes.length === 2, 2_000);
    expect(changes).toEqual([
      `payment.degraded=${JSON.stringify({ extraLatencyMs: 500, errorRate: 0.2 })}`,
      "payment.degraded=false",
    ]);
    unsubscribe();
    expect(await store.list()).toEqual([]);
  });

  it("refuses parameters that do not fit the flag", async () => {
    await expect(
      store.set("service.errors", { service: "catalog", rate: 3 } as never, { setBy: "test" }),
    ).rejects.toThrow(/rate must be at most 1/);
    expect(await store.list()).toEqual([]);
  });

  it("records each evaluation on the active span, and the flag's attributes when it is on", async () => {
    await store.set("db.pool_exhaustion", { heldShare: 0.5, holdMs: 100 }, { setBy: "test" });
    await until(() => catalog.current("db.pool_exhaustion") !== false);

    const values = await tracer.startActiveSpan("catalog.list", async (span) => {
      const result = [await catalog.evaluate("db.pool_exhaustion"), await catalog.evaluate("cache.disabled")];
      span.end();
      return result;
    });
    expect(values).toEqual([{ heldShare: 0.5, holdMs: 100 }, false]);

    const span = exporter.getFinishedSpans().find((finished) => finished.name === "catalog.list");
    expect(
      span?.events.filter((event) => event.name === FEATURE_FLAG_EVENT).map((e) => e.attributes),
    ).toEqual([
      expect.objectContaining({
        [FEATURE_FLAG_ATTR.KEY]: "db.pool_exhaustion",
        [FEATURE_FLAG_ATTR.VARIANT]: "on",
        [FEATURE_FLAG_ATTR.VALUE]: JSON.stringify({ heldShare: 0.5, holdMs: 100 }),
        [FEATURE_FLAG_ATTR.PROVIDER]: "shop-redis-flags",
      }),
      expect.objectContaining({
        [FEATURE_FLAG_ATTR.KEY]: "cache.disabled",
        [FEATURE_FLAG_ATTR.VARIANT]: "off",
      }),
    ]);
    expect(span?.attributes[FEATURE_FLAG_ATTR.KEY]).toBe("db.pool_exhaustion");
    expect(trace.getActiveSpan()).toBeUndefined();
    await store.clear();
  });
});
