// A busy service behind the storefront API: the browser gets 503 with Retry-After and the
// SERVICE_BUSY code (so the page says "busy", politely), and the request counts as a failure in
// the console's live numbers. The service is a real tRPC service over HTTP that sheds every call.
import { randomUUID } from "node:crypto";
import { LiveStatsReader, startProcessLiveStats, stopProcessLiveStats } from "@shop/live-stats";
import { DomainError, initServiceTRPC, startServiceServer } from "@shop/service-kit";
import type { ServiceServer } from "@shop/service-kit";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `test:web-busy:${randomUUID()}:`;

let server: ServiceServer;
let calls = 0;

beforeAll(async () => {
  const t = initServiceTRPC("catalog");
  const router = t.router({
    categories: t.procedure.query(() => {
      calls += 1;
      throw new DomainError("SERVICE_BUSY", "catalog is busy: try again in a moment", {
        details: { retryAfterSeconds: 3 },
      });
    }),
  });
  server = await startServiceServer({ name: "catalog", router, port: 0 });
  // The storefront reads its settings once, on first use: point it at this catalog first.
  process.env.CATALOG_URL = server.url;
  startProcessLiveStats({ redisUrl: REDIS_URL, prefix });
});

afterAll(async () => {
  await server.stop();
  await stopProcessLiveStats();
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

describe("a busy service behind the storefront API", () => {
  it("answers the browser 503 with Retry-After and SERVICE_BUSY, without retrying the busy service", async () => {
    const { GET } = await import("../app/api/trpc/[trpc]/route.ts");
    const response = await GET(new Request("http://shop.local/api/trpc/catalog.categories"));
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("3");
    const body = (await response.json()) as {
      error: { json: { message: string; data: Record<string, unknown> } };
    };
    expect(body.error.json.data).toMatchObject({ domainCode: "SERVICE_BUSY", httpStatus: 503 });
    expect(body.error.json.message).toContain("busy");
    // Backpressure is honoured, not multiplied: one call reached the service.
    expect(calls).toBe(1);

    // The failed request is in the storefront's live numbers once the writer flushes.
    await stopProcessLiveStats();
    const redis = new Redis(REDIS_URL);
    try {
      // The reader sums complete 10-second buckets: read as if the current one were complete.
      const [storefront] = await new LiveStatsReader(redis, { prefix }).summary(
        ["storefront"],
        60_000,
        Date.now() + 10_000,
      );
      expect(storefront).toMatchObject({ requests: 1, errorRate: 1 });
    } finally {
      redis.disconnect();
    }
  });
});
