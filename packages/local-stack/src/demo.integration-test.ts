// `npm run demo` as a person runs it: from nothing to a seeded database and Redis, then Ctrl-C.
// Runs the real thing: the private PostgreSQL cluster (PGlite where PostgreSQL is not installed),
// private redis-server, migrations and full seed.
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePortBlock } from "@shop/service-kit/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pingRedis } from "./redis.ts";
import { pressCtrlC, processesUsing, startDemo, waitForOutput } from "./testing/index.ts";

interface SinkSpanLike {
  serviceName: string;
  name: string;
  attributes: Record<string, unknown>;
}

async function waitForSpans(
  sinkUrl: string,
  until: (spans: SinkSpanLike[]) => boolean,
): Promise<SinkSpanLike[]> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const spans = (await (await fetch(`${sinkUrl}/api/spans?service=catalog`)).json()) as SinkSpanLike[];
    if (until(spans)) return spans;
    if (Date.now() > deadline)
      throw new Error(`spans never arrived: ${JSON.stringify(spans.map((s) => s.name))}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe("npm run demo", () => {
  let dataDir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "shop-demo-"));
    env = {
      DEMO_DATA_DIR: dataDir,
      DEMO_DB_PORT: String(await freePortBlock()),
      DEMO_REDIS_PORT: String(await freePortBlock()),
      DEMO_SINK_PORT: String(await freePortBlock()),
      DEMO_SERVICES_PORT: String(await freePortBlock(8)),
      DEMO_WEB_PORT: String(await freePortBlock()),
      DEMO_BOTS_PORT: String(await freePortBlock()),
    };
  });
  afterAll(async () => {
    for (const line of await processesUsing(dataDir)) process.kill(Number(line.split(":")[0]), "SIGKILL");
    await rm(dataDir, { recursive: true, force: true });
  });

  it("starts the whole shop (seeded database, Redis, sink, services: an order goes through), and Ctrl-C leaves nothing", async () => {
    const started = performance.now();
    const demo = startDemo(env);
    await waitForOutput(demo, "Ctrl-C stops everything", 280_000);
    console.log(`demo ready from nothing in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const databaseUrl = `postgresql://postgres@127.0.0.1:${env.DEMO_DB_PORT}/postgres`;
    expect(demo.output()).toContain(databaseUrl);
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const counts = await client.query<{ products: number; categories: number; orders: number }>(
      `select (select count(*)::int from products) as products, (select count(*)::int from categories) as categories,
              (select count(*)::int from orders) as orders`,
    );
    await client.end();
    expect(counts.rows[0]?.products).toBeGreaterThanOrEqual(120);
    expect(counts.rows[0]?.categories).toBeGreaterThanOrEqual(8);
    expect(counts.rows[0]?.orders).toBeGreaterThanOrEqual(20_000);
    expect(await pingRedis(`redis://127.0.0.1:${env.DEMO_REDIS_PORT}`)).toBe(true);
    const sinkUrl = `http://127.0.0.1:${env.DEMO_SINK_PORT}`;
    expect(await (await fetch(`${sinkUrl}/healthz`)).json()).toEqual({ ok: true });
    // The catalog answers, and its trace reaches the sink: SQL and Redis spans included.
    const catalogUrl = `http://127.0.0.1:${env.DEMO_SERVICES_PORT}`;
    expect((await fetch(`${catalogUrl}/readyz`)).status).toBe(200);
    const listing = await fetch(
      `${catalogUrl}/products?input=${encodeURIComponent(JSON.stringify({ json: { limit: 3 } }))}`,
    );
    expect(listing.status).toBe(200);
    const spans = await waitForSpans(
      sinkUrl,
      (found) =>
        found.some((s) => s.serviceName === "catalog" && s.attributes["db.system.name"] === "postgresql") &&
        found.some((s) => s.serviceName === "catalog" && s.name === "catalog/products"),
    );
    expect(spans.some((s) => s.attributes["db.system.name"] === "redis")).toBe(true);

    // The services find each other: a cart and a checkout go through all of them.
    const service = (offset: number) => `http://127.0.0.1:${String(Number(env.DEMO_SERVICES_PORT) + offset)}`;
    const post = async (url: string, input: unknown) => {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: input }),
      });
      return {
        status: response.status,
        body: (await response.json()) as { result?: { data: { json: unknown } } },
      };
    };
    const cartId = `demo${randomUUID().replaceAll("-", "")}`;
    expect((await post(`${service(2)}/add`, { cartId, productId: 1, quantity: 1 })).status).toBe(200);
    const placed = await post(`${service(6)}/placeOrder`, {
      idempotencyKey: `demo-${randomUUID()}`,
      cartId,
      customer: { email: "demo.shopper@example.com", firstName: "Demo", lastName: "Shopper" },
      shippingAddress: {
        name: "Demo Shopper",
        line1: "1 Main Street",
        city: "Austin",
        postalCode: "78701",
        country: "US",
      },
      shippingMethod: "STANDARD",
      card: {
        number: "4242424242424242",
        expMonth: 12,
        expYear: 2034,
        cvc: "123",
        holderName: "Demo Shopper",
      },
    });
    expect(placed.status).toBe(200);
    expect(placed.body.result?.data.json).toMatchObject({ status: "PLACED" });
    // The storefront serves the shop, and its page render is one trace with the catalog's spans.
    const webUrl = `http://127.0.0.1:${env.DEMO_WEB_PORT}`;
    const home = await fetch(webUrl);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("Bestsellers");
    // The gentle bot fleet is shopping.
    const botsUrl = `http://127.0.0.1:${env.DEMO_BOTS_PORT}`;
    const stats = (await (await fetch(`${botsUrl}/stats`)).json()) as { targetPerMinute: number };
    expect(stats.targetPerMinute).toBe(30);
    for (const name of [
      "telemetry",
      "database",
      "redis",
      "migrate",
      "seed",
      "catalog",
      "checkout",
      "web",
      "bots",
    ])
      expect(demo.output()).toMatch(new RegExp(`^${name}\\s+\\| `, "m"));

    pressCtrlC(demo);
    expect(await demo.exited).toBe(0);
    expect(await processesUsing(dataDir)).toEqual([]);
    expect(await pingRedis(`redis://127.0.0.1:${env.DEMO_REDIS_PORT}`, 300)).toBe(false);
    await expect(fetch(`${sinkUrl}/healthz`)).rejects.toThrow();
    for (let offset = 0; offset < 8; offset++)
      await expect(fetch(`${service(offset)}/healthz`)).rejects.toThrow();
    await expect(fetch(webUrl)).rejects.toThrow();
    await expect(fetch(botsUrl)).rejects.toThrow();
  });

  it("starts again on the same data without seeding twice", async () => {
    const started = performance.now();
    const demo = startDemo({ ...env, DEMO_BOTS: "false" });
    await waitForOutput(demo, "Ctrl-C stops everything", 120_000);
    console.log(`demo restart ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    expect(demo.output()).toContain("database is up to date");
    expect(demo.output()).toContain("products: 128 (0 created, 0 updated)");
    expect(demo.output()).toContain("orders: 0 created");
    pressCtrlC(demo);
    expect(await demo.exited).toBe(0);
    expect(await processesUsing(dataDir)).toEqual([]);
  });

  it("without redis-server or REDIS_URL, stops with one sentence saying what to install", async () => {
    const demo = startDemo({
      ...env,
      DEMO_BOTS: "false",
      REDIS_SERVER_BIN: path.join(dataDir, "no-such-redis-server"),
    });
    expect(await demo.exited).toBe(1);
    expect(demo.output()).toContain("redis-server is not installed: install it");
    expect(await processesUsing(dataDir)).toEqual([]);
  });
});
