// The bot fleet as it runs in the demo and in Kubernetes (its own process, telemetry preloaded),
// against the real shop: two minutes at 30 actions/min, then a new target while it runs, then its
// browser killed under it. Rates and the journey mix are checked against what was configured;
// every order it reports is in the database and is one trace that starts in the browser.
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { freePortBlock, waitFor } from "@shop/service-kit/testing";
import { SinkClient } from "@shop/telemetry-sink";
import type { SinkSpan } from "@shop/telemetry-sink";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { query } from "./shop-fixtures.ts";

interface Stats {
  uptimeSeconds: number;
  targetPerMinute: number;
  expectedJourneyMix: Record<string, number>;
  journeyMix: Record<string, number>;
  sessions: { total: { started: number; completed: number; abandoned: number; failed: number } };
  actions: { total: number };
  errors: { total: number; byKind: Record<string, number> };
  browserRestarts: number;
  orders: { placed: number; recent: { number: string; traceId?: string }[] };
}

const RUN_SECONDS = 120;

describe("the bot fleet", () => {
  let fleet: ChildProcess | undefined;
  let control = "";
  let output = "";
  const stats = async () => (await (await fetch(`${control}/stats`)).json()) as Stats;

  beforeAll(async () => {
    const port = await freePortBlock();
    control = `http://127.0.0.1:${String(port)}`;
    fleet = spawn(
      process.execPath,
      [
        "--import",
        "@shop/telemetry/register",
        path.join(import.meta.dirname, "../bots/cli.ts"),
        "--url",
        inject("webUrl"),
        "--rate",
        "30",
        "--port",
        String(port),
      ],
      {
        cwd: path.join(import.meta.dirname, ".."),
        env: { ...process.env, OTEL_SERVICE_NAME: "bots", OTEL_EXPORTER_OTLP_ENDPOINT: inject("sinkUrl") },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    for (const stream of [fleet.stdout, fleet.stderr]) {
      stream?.on("data", (chunk: Buffer) => {
        output += chunk.toString();
      });
    }
    await waitFor(
      () => Promise.resolve(output),
      (text) => text.includes("bots shopping at"),
      { timeoutMs: 30_000, description: "the fleet to start" },
    );
  });

  afterAll(async () => {
    fleet?.kill("SIGTERM");
    await new Promise((resolve) => fleet?.once("exit", resolve));
  });

  it(
    `keeps 30 actions/min for ${String(RUN_SECONDS)} s with the configured journey mix, no failures, and every order traced from the browser`,
    async () => {
      await waitFor(
        () => stats(),
        (found) => found.uptimeSeconds >= RUN_SECONDS,
        { timeoutMs: (RUN_SECONDS + 30) * 1000, intervalMs: 2_000, description: "two minutes of shopping" },
      );
      const found = await stats();
      const perMinute = found.actions.total / (found.uptimeSeconds / 60);
      console.log(
        `fleet: ${found.actions.total} actions in ${found.uptimeSeconds.toFixed(0)} s = ${perMinute.toFixed(1)}/min; sessions ${JSON.stringify(found.sessions.total)}`,
      );
      expect(perMinute).toBeGreaterThanOrEqual(25);
      expect(perMinute).toBeLessThanOrEqual(35);
      for (const [journey, expected] of Object.entries(found.expectedJourneyMix)) {
        expect(Math.abs((found.journeyMix[journey] ?? 0) - expected), journey).toBeLessThanOrEqual(0.1);
      }
      expect(found.sessions.total.failed, output.slice(-3000)).toBe(0);
      expect(found.errors.byKind).toEqual({});
      expect(found.sessions.total.completed).toBeGreaterThan(0);

      const orders = found.orders.recent;
      expect(orders.length).toBeGreaterThan(0);
      const inDatabase = await query<{ number: string }>("select number from orders where number = any($1)", [
        orders.map((order) => order.number),
      ]);
      expect(inDatabase.map((row) => row.number).sort()).toEqual(orders.map((order) => order.number).sort());
      const sink = new SinkClient(inject("sinkUrl"));
      for (const order of orders) {
        expect(order.traceId, order.number).toMatch(/^[0-9a-f]{32}$/);
        // One root: the storefront's server span, whose parent is the browser's span (not exported
        // to the sink: it lives in the RUM data). Each process exports its spans in batches of its
        // own, so until the last batch arrives a span can be there without its parent: wait for
        // the whole trace, not only its first spans.
        const rootsOf = (spans: SinkSpan[]) => {
          const ids = new Set(spans.map((span) => span.spanId));
          return spans.filter((span) => !span.parentSpanId || !ids.has(span.parentSpanId));
        };
        const trace = await sink.waitFor(
          () => sink.trace(order.traceId ?? ""),
          (candidate) =>
            Boolean(candidate?.spans.some((span) => span.name === "checkout/placeOrder")) &&
            rootsOf(candidate?.spans ?? []).length === 1,
          { timeoutMs: 20_000, description: `the whole trace of ${order.number}` },
        );
        const spans = trace?.spans ?? [];
        const roots = rootsOf(spans);
        // Synthetic traffic is marked on every span.
        expect(roots.map((span) => span.serviceName)).toEqual(["storefront"]);
        expect(roots[0]?.parentSpanId).toMatch(/^[0-9a-f]{16}$/);
        expect(
          spans
            .filter((span) => span.serviceName !== "storefront")
            .every((span) => span.attributes["shop.synthetic"] === true),
        ).toBe(true);
      }
    },
    (RUN_SECONDS + 120) * 1000,
  );

  it("follows a new target within 10 s", async () => {
    const response = await fetch(`${control}/control`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ rate: 60 }),
    });
    expect(response.status).toBe(200);
    expect((await stats()).targetPerMinute).toBe(60);
    const before = (await stats()).actions.total;
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    const at10s = (await stats()).actions.total;
    const from = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 20_000));
    const at30s = (await stats()).actions.total;
    // From 10 s after the change on, the fleet acts at (close to) the new rate. Twenty seconds of
    // actions (about 20 expected) rather than ten: a count of 7 in 10 s sits on the threshold.
    const rate = ((at30s - at10s) / ((Date.now() - from) / 1000)) * 60;
    console.log(
      `after the change: ${String(at10s - before)} actions in the first 10 s, then ${rate.toFixed(0)}/min`,
    );
    expect(rate).toBeGreaterThanOrEqual(42);

    const bad = await fetch(`${control}/control`, { method: "POST", body: JSON.stringify({ rate: -5 }) });
    expect(bad.status).toBe(400);
  });

  it("recovers on its own when its browser is killed, and the metrics show it", async () => {
    const pids = output.match(/"browserPid":(\d+)/g);
    const browserPid = Number(pids?.at(-1)?.split(":")[1]);
    expect(browserPid).toBeGreaterThan(0);
    const before = await stats();
    process.kill(browserPid, "SIGKILL");
    const after = await waitFor(
      () => stats(),
      (found) =>
        found.browserRestarts === before.browserRestarts + 1 &&
        found.actions.total >= before.actions.total + 5,
      { timeoutMs: 60_000, intervalMs: 1_000, description: "the fleet to restart its browser and shop on" },
    );
    expect(after.browserRestarts).toBe(1);
    const metrics = await (await fetch(`${control}/metrics`)).text();
    expect(metrics).toMatch(/^shop_bots_browser_restarts_total(\{[^}]*\})? 1$/m);
  });
});
