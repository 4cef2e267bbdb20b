// Coralogix RUM from a real page, through the storefront's RUM proxy to the local sink (standing
// in for Coralogix): page views, web vitals, a named action, network requests carrying the same
// trace ids the server saw, and session-recording chunks (gzip) from the replay worker.
import { SinkClient } from "@shop/telemetry-sink";
import type { SinkRumEvent } from "@shop/telemetry-sink";
import { describe, expect, inject, it } from "vitest";
import { labelRumSessions } from "../src/rum-labels.ts";
import { useShopSession } from "./shop-fixtures.ts";

const session = useShopSession();

describe("RUM through the storefront's proxy", () => {
  it("delivers page, vitals, action and traced network events, and session-replay chunks, for one session", async () => {
    const { context, page, shopper } = session;
    await labelRumSessions(context, { synthetic: "true", persona: "rum-test" });
    const traceIds: string[] = [];
    page.on("request", (request) => {
      const traceparent = request.headers().traceparent;
      if (request.url().includes("/api/trpc/cart.add") && traceparent)
        traceIds.push(traceparent.split("-")[1] ?? "");
    });

    await shopper.goto("/");
    await shopper.waitForRum();
    const sessionId = await page.evaluate(() => document.documentElement.dataset.rumSession ?? "");
    expect(sessionId).toMatch(/^[0-9a-f-]{36}$/);
    await shopper.openFirstProductCard();
    expect(await shopper.addToCart(1)).toContain("Added to your cart");
    expect(traceIds).toHaveLength(1);

    // The SDK sends a batch at most every 10 s (and when the tab is hidden); the page stays open.
    const sink = new SinkClient(inject("sinkUrl"));
    const has = (events: SinkRumEvent[], test: (event: SinkRumEvent) => boolean) => events.some(test);
    const events = await sink.waitFor(
      () => sink.rumEvents({ session: sessionId }),
      (found) =>
        has(found, (event) => event.type === "web-vitals") &&
        has(
          found,
          (event) =>
            event.type === "user-interaction" &&
            JSON.stringify(event.raw).includes('"cx_action_name":"add-to-cart"'),
        ) &&
        has(found, (event) => event.type === "network-request" && event.traceId === traceIds[0]),
      { timeoutMs: 60_000, intervalMs: 1_000, description: "RUM events of the session" },
    );
    expect(
      new Set(events.map((event) => event.pageUrl && new URL(event.pageUrl).pathname)).size,
    ).toBeGreaterThanOrEqual(2);
    const call = events.find((event) => event.type === "network-request" && event.traceId === traceIds[0]);
    expect(call?.networkRequestUrl).toMatch(/\/api\/trpc\/cart\.add$/);
    expect(call?.labels).toMatchObject({ synthetic: "true", persona: "rum-test" });

    // The browser's trace id is the one the storefront's server span carries.
    await sink.waitFor(
      () => sink.trace(traceIds[0] ?? ""),
      (trace) => Boolean(trace?.spans.some((span) => span.name === "storefront/cart.add")),
      { timeoutMs: 20_000, description: "the cart.add trace" },
    );

    // A full page load (the order confirmation is one) carries on the same RUM session.
    await shopper.goto("/cart");
    await shopper.waitForRum();
    expect(await page.evaluate(() => document.documentElement.dataset.rumSession)).toBe(sessionId);
    await sink.waitFor(
      () => sink.rumEvents({ session: sessionId }),
      (found) => found.some((event) => event.pageUrl?.endsWith("/cart") && event.type === "web-vitals"),
      { timeoutMs: 30_000, intervalMs: 1_000, description: "the cart page's events in the same session" },
    );

    const recordings = await sink.waitFor(
      () => sink.rumRecordings({ session: sessionId }),
      (found) => found.length > 0,
      { timeoutMs: 60_000, intervalMs: 1_000, description: "a session-recording chunk" },
    );
    expect(recordings[0]?.chunkIsGzip).toBe(true);
    expect(recordings[0]?.chunkBytes).toBeGreaterThan(100);
  });
});
