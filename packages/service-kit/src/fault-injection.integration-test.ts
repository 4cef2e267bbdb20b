// service.errors end to end in one process, against a real Redis: while the flag names a service,
// that share of its calls fails with INJECTED_FAULT before the resolver runs (on an ERROR span
// carrying the flag's evaluation), other services are untouched, a caller relays the code, and
// rate 0 or the flag off lets everything through again.
import { randomUUID } from "node:crypto";
import { context, SpanStatusCode, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from "@opentelemetry/sdk-trace";
import type { ReadableSpan } from "@opentelemetry/sdk-trace";
import { FEATURE_FLAG_ATTR, FEATURE_FLAG_EVENT, FlagStore } from "@shop/flags";
import type { FlagParams } from "@shop/flags";
import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createServiceClient } from "./service-client.ts";
import { startServiceServer } from "./service-server.ts";
import type { ServiceServer } from "./service-server.ts";
import { waitFor } from "./testing/wait-for.ts";
import { initServiceTRPC } from "./trpc.ts";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const flagsPrefix = `test:fault-injection:${randomUUID()}:`;
const CALLS = 10;

const exporter = new InMemorySpanExporter();
const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
const resolved = { catalog: 0, orders: 0 };

let redis: Redis;
let store: FlagStore;
let catalog: ServiceServer;
let orders: ServiceServer;
let checkout: ServiceServer;

function buildRouter(service: "catalog" | "orders") {
  const t = initServiceTRPC(service);
  return t.router({
    item: t.procedure.query(() => {
      resolved[service]++;
      return { service };
    }),
  });
}
type CatalogRouter = ReturnType<typeof buildRouter>;

function buildCheckoutRouter(catalogUrl: string) {
  const t = initServiceTRPC("checkout");
  const client = createServiceClient<CatalogRouter>({ service: "catalog", url: catalogUrl });
  return t.router({ item: t.procedure.query(() => client.item.query()) });
}

async function callItem(server: ServiceServer) {
  const response = await fetch(`${server.url}/item`);
  const body = (await response.json()) as {
    error?: { json: { message: string; data: { domainCode?: string } } };
  };
  return { status: response.status, error: body.error?.json };
}

async function callMany(server: ServiceServer) {
  return Promise.all(Array.from({ length: CALLS }, () => callItem(server)));
}

function spansOf(name: string): ReadableSpan[] {
  return exporter.getFinishedSpans().filter((span) => span.name === name);
}

async function setServiceErrors(value: FlagParams<"service.errors"> | false) {
  if (value === false) await store.clear("service.errors");
  else await store.set("service.errors", value, { setBy: "test" });
  await waitFor(
    () => Promise.resolve(catalog.flags?.current("service.errors")),
    (current) => JSON.stringify(current) === JSON.stringify(value),
    { description: `service.errors = ${JSON.stringify(value)}` },
  );
}

beforeAll(async () => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(provider);
  redis = new Redis(REDIS_URL);
  store = new FlagStore(redis, { prefix: flagsPrefix });
  // One process, so one set of process flags: started by the first server, read by all three.
  catalog = await startServiceServer({
    name: "catalog",
    router: buildRouter("catalog"),
    port: 0,
    flagsRedisUrl: REDIS_URL,
    flagsPrefix,
  });
  orders = await startServiceServer({ name: "orders", router: buildRouter("orders"), port: 0 });
  checkout = await startServiceServer({
    name: "checkout",
    router: buildCheckoutRouter(catalog.url),
    port: 0,
  });
});

afterAll(async () => {
  await store.clear();
  await checkout.stop();
  await orders.stop();
  await catalog.stop();
  redis.disconnect();
  await provider.shutdown();
  trace.disable();
  context.disable();
});

beforeEach(() => {
  exporter.reset();
  resolved.catalog = 0;
  resolved.orders = 0;
});

describe("service.errors", () => {
  it("off: every call succeeds, and each span records the flag's evaluation", async () => {
    expect((await callMany(catalog)).map((result) => result.status)).toEqual(Array(CALLS).fill(200));
    expect(resolved.catalog).toBe(CALLS);
    const [span] = spansOf("catalog/item");
    expect(span?.status.code).not.toBe(SpanStatusCode.ERROR);
    const evaluation = span?.events.find((event) => event.name === FEATURE_FLAG_EVENT);
    expect(evaluation?.attributes).toMatchObject({
      [FEATURE_FLAG_ATTR.KEY]: "service.errors",
      [FEATURE_FLAG_ATTR.VARIANT]: "off",
    });
  });

  it("rate 1: every call to the named service fails with INJECTED_FAULT before its resolver runs", async () => {
    await setServiceErrors({ service: "catalog", rate: 1 });
    const results = await callMany(catalog);
    expect(results.map((result) => result.status)).toEqual(Array(CALLS).fill(500));
    for (const result of results) {
      expect(result.error?.data.domainCode).toBe("INJECTED_FAULT");
      expect(result.error?.message).toContain("service.errors flag");
    }
    expect(resolved.catalog).toBe(0);

    const spans = spansOf("catalog/item");
    expect(spans).toHaveLength(CALLS);
    for (const span of spans) {
      expect(span.status.code).toBe(SpanStatusCode.ERROR);
      expect(span.attributes["error.type"]).toBe("INJECTED_FAULT");
      expect(span.attributes[FEATURE_FLAG_ATTR.KEY]).toBe("service.errors");
      expect(span.attributes[FEATURE_FLAG_ATTR.VARIANT]).toBe("on");
      expect(span.attributes[FEATURE_FLAG_ATTR.VALUE]).toBe(JSON.stringify({ service: "catalog", rate: 1 }));
    }
  });

  it("rate 1: other services are untouched, and a caller relays the injected fault as itself", async () => {
    await setServiceErrors({ service: "catalog", rate: 1 });
    expect((await callMany(orders)).map((result) => result.status)).toEqual(Array(CALLS).fill(200));
    expect(resolved.orders).toBe(CALLS);
    for (const span of spansOf("orders/item")) expect(span.status.code).not.toBe(SpanStatusCode.ERROR);

    const relayed = await callItem(checkout);
    expect(relayed.status).toBe(500);
    expect(relayed.error?.data.domainCode).toBe("INJECTED_FAULT");
    expect(spansOf("checkout/item")[0]?.attributes["error.type"]).toBe("INJECTED_FAULT");
  });

  it("rate 0, then off: every call succeeds again", async () => {
    await setServiceErrors({ service: "catalog", rate: 0 });
    expect((await callMany(catalog)).map((result) => result.status)).toEqual(Array(CALLS).fill(200));
    await setServiceErrors(false);
    expect((await callMany(catalog)).map((result) => result.status)).toEqual(Array(CALLS).fill(200));
    expect(resolved.catalog).toBe(2 * CALLS);
    expect(spansOf("catalog/item").filter((span) => span.status.code === SpanStatusCode.ERROR)).toEqual([]);
  });
});
