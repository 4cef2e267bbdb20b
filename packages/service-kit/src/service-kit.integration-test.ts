// The kit over real HTTP on loopback: two services, one calling the other.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { DomainError } from "./domain-errors.ts";
import { createServiceClient } from "./service-client.ts";
import { startServiceServer } from "./service-server.ts";
import type { ServiceServer } from "./service-server.ts";
import { initServiceTRPC } from "./trpc.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const calls = { slow: 0, flaky: 0, failingMutation: 0 };

const b = initServiceTRPC("b");
const bRouter = b.router({
  item: b.procedure
    .input(z.object({ id: z.string().min(1), qty: z.number().int().positive() }))
    .query(({ input }) => {
      if (input.id === "gone") throw new DomainError("NOT_FOUND", "No item called gone");
      return { id: input.id, checkedAt: new Date("2026-11-26T00:00:00Z") };
    }),
  reserve: b.procedure.input(z.object({ id: z.string() })).mutation(({ input }) => {
    if (input.id === "sold-out") {
      throw new DomainError("OUT_OF_STOCK", "Sold out", { details: { id: input.id, available: 0 } });
    }
    return { reserved: true };
  }),
  crash: b.procedure.query(() => {
    throw new Error("connection string postgres://admin:hunter2@db leaked");
  }),
  slow: b.procedure.query(async () => {
    calls.slow++;
    await sleep(400);
    return { late: true };
  }),
  flaky: b.procedure.query(() => {
    calls.flaky++;
    if (calls.flaky < 3) throw new DomainError("DEPENDENCY_UNAVAILABLE", "warming up");
    return { attempt: calls.flaky };
  }),
  failingMutation: b.procedure.mutation(() => {
    calls.failingMutation++;
    throw new DomainError("DEPENDENCY_UNAVAILABLE", "not now");
  }),
});
type BRouter = typeof bRouter;

let bServer: ServiceServer;
let aServer: ServiceServer;

function buildA(bUrl: string) {
  const a = initServiceTRPC("a");
  const bClient = createServiceClient<BRouter>({
    service: "b",
    url: bUrl,
    timeoutMs: 150,
    retries: 2,
    backoffMs: { base: 5, cap: 20 },
  });
  return a.router({
    item: a.procedure
      .input(z.object({ id: z.string() }))
      .query(({ input }) => bClient.item.query({ ...input, qty: 1 })),
    reserve: a.procedure
      .input(z.object({ id: z.string() }))
      .mutation(({ input }) => bClient.reserve.mutate(input)),
    slow: a.procedure.query(() => bClient.slow.query()),
    flaky: a.procedure.query(() => bClient.flaky.query()),
    failingMutation: a.procedure.mutation(() => bClient.failingMutation.mutate()),
  });
}

async function call(server: ServiceServer, path: string, input?: unknown, method: "GET" | "POST" = "GET") {
  // superjson on the wire: { json: <input> }
  const body = input === undefined ? undefined : JSON.stringify({ json: input });
  const url =
    method === "GET" && body !== undefined
      ? `${server.url}/${path}?input=${encodeURIComponent(body)}`
      : `${server.url}/${path}`;
  const response = await fetch(url, {
    method,
    ...(method === "POST" ? { body: body ?? "{}", headers: { "content-type": "application/json" } } : {}),
  });
  const text = await response.text();
  return {
    status: response.status,
    text,
    json: JSON.parse(text) as { error?: { message: string; json?: unknown } } & Record<string, unknown>,
  };
}

function errorOf(result: Awaited<ReturnType<typeof call>>) {
  const error = (
    result.json.error as { json: { message: string; data: Record<string, unknown> } } | undefined
  )?.json;
  if (!error) throw new Error(`expected an error, got ${result.text}`);
  return error;
}

beforeAll(async () => {
  bServer = await startServiceServer({
    name: "b",
    router: bRouter,
    port: 0,
    readiness: { database: () => Promise.resolve() },
  });
  aServer = await startServiceServer({ name: "a", router: buildA(bServer.url), port: 0 });
});

afterAll(async () => {
  await aServer.stop();
  await bServer.stop();
});

describe("domain errors reach the caller with the right code", () => {
  it("maps domain codes to HTTP statuses, with the domain code and outcome flag in the data", async () => {
    const missing = await call(bServer, "item", { id: "gone", qty: 1 });
    expect(missing.status).toBe(404);
    expect(errorOf(missing).data).toMatchObject({
      code: "NOT_FOUND",
      domainCode: "NOT_FOUND",
      expected: false,
    });

    const soldOut = await call(bServer, "reserve", { id: "sold-out" }, "POST");
    expect(soldOut.status).toBe(409);
    expect(errorOf(soldOut).data).toMatchObject({
      domainCode: "OUT_OF_STOCK",
      expected: true,
      details: { id: "sold-out", available: 0 },
    });
  });

  it("answers bad input with 400 and a message per field", async () => {
    const bad = await call(bServer, "item", { id: "", qty: -2 });
    expect(bad.status).toBe(400);
    const error = errorOf(bad);
    expect(error.message).toBe("Invalid input");
    expect(Object.keys(error.data.fieldErrors as object).sort()).toEqual(["id", "qty"]);
  });

  it("hides internals of unexpected failures: 500, a generic message, no stack", async () => {
    const crash = await call(bServer, "crash");
    expect(crash.status).toBe(500);
    expect(errorOf(crash).message).toBe("Internal server error");
    expect(crash.text).not.toContain("hunter2");
    expect(crash.text).not.toContain("stack");
  });

  it("serializes with superjson: a Date stays a Date through a client", async () => {
    const client = createServiceClient<BRouter>({ service: "b", url: bServer.url });
    const item = await client.item.query({ id: "mug", qty: 1 });
    expect(item.checkedAt).toBeInstanceOf(Date);
  });
});

describe("calling another service", () => {
  it("relays a downstream domain error with its code and outcome flag", async () => {
    const relayed = await call(aServer, "reserve", { id: "sold-out" }, "POST");
    expect(relayed.status).toBe(409);
    expect(errorOf(relayed).data).toMatchObject({ domainCode: "OUT_OF_STOCK", expected: true });
    expect((await call(aServer, "item", { id: "gone" })).status).toBe(404);
  });

  it("times out, retries a query a bounded number of times, then answers 504", async () => {
    calls.slow = 0;
    const late = await call(aServer, "slow");
    expect(late.status).toBe(504);
    expect(errorOf(late).data).toMatchObject({ domainCode: "DEPENDENCY_TIMEOUT" });
    expect(calls.slow).toBe(3);
  });

  it("retries a query on 503 and succeeds when the dependency recovers", async () => {
    calls.flaky = 0;
    const recovered = await call(aServer, "flaky");
    expect(recovered.status).toBe(200);
    expect(calls.flaky).toBe(3);
  });

  it("never retries a mutation", async () => {
    calls.failingMutation = 0;
    const failed = await call(aServer, "failingMutation", undefined, "POST");
    expect(failed.status).toBe(503);
    expect(calls.failingMutation).toBe(1);
  });

  it("answers 503 when the dependency is not there at all", async () => {
    const orphan = await startServiceServer({ name: "a2", router: buildA("http://127.0.0.1:9"), port: 0 });
    try {
      const result = await call(orphan, "reserve", { id: "x" }, "POST");
      expect(result.status).toBe(503);
      expect(errorOf(result).data).toMatchObject({ domainCode: "DEPENDENCY_UNAVAILABLE" });
    } finally {
      await orphan.stop();
    }
  });
});

describe("health, readiness and shutdown", () => {
  it("is alive and ready when its checks pass; not ready, naming the failing check, otherwise", async () => {
    expect(await (await fetch(`${bServer.url}/healthz`)).json()).toEqual({ status: "ok", service: "b" });
    const ready = await fetch(`${bServer.url}/readyz`);
    expect(ready.status).toBe(200);

    const failing = await startServiceServer({
      name: "c",
      router: bRouter,
      port: 0,
      readiness: {
        database: () => Promise.reject(new Error("connection refused")),
        redis: () => new Promise(() => undefined),
        cache: () => Promise.resolve(),
      },
    });
    try {
      const notReady = await fetch(`${failing.url}/readyz`);
      expect(notReady.status).toBe(503);
      expect(await notReady.json()).toEqual({
        status: "not ready",
        service: "c",
        checks: { database: "connection refused", redis: "no answer within 1000 ms", cache: "ok" },
      });
    } finally {
      await failing.stop();
    }
  });

  it("finishes requests in flight before it stops, then refuses new connections", async () => {
    // Recorded on the server's side: the handler's end, then the service's own clean-up. (The
    // client may read the response after the server has already closed, so its side is no clock.)
    const order: string[] = [];
    const { promise: inHandler, resolve: handlerStarted } = Promise.withResolvers<undefined>();
    const d = initServiceTRPC("d");
    const dRouter = d.router({
      slow: d.procedure.query(async () => {
        handlerStarted(undefined);
        await sleep(300);
        order.push("request handled");
        return { late: true };
      }),
    });
    const server = await startServiceServer({
      name: "d",
      router: dRouter,
      port: 0,
      onShutdown: () => {
        order.push("resources closed");
        return Promise.resolve();
      },
    });
    const inFlight = fetch(`${server.url}/slow`).then((response) => response.json());
    await inHandler;
    await server.stop();
    expect(order).toEqual(["request handled", "resources closed"]);
    expect(await inFlight).toEqual({ result: { data: { json: { late: true } } } });
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});
