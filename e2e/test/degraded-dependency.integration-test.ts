// An optional service down: a second storefront process (the same production build) whose
// recommendations service is unreachable still renders product pages, without "Frequently bought
// together", and says so in its telemetry (a warning attribute and log, not a failed span).
import { spawn } from "node:child_process";
import path from "node:path";
import { demoServiceUrls } from "@shop/local-stack/testing";
import { freePortBlock, waitFor } from "@shop/service-kit/testing";
import { SinkClient } from "@shop/telemetry-sink";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { query } from "./shop-fixtures.ts";

const repoRoot = path.resolve(import.meta.dirname, "../..");

describe("a storefront whose recommendations service is down", () => {
  let child: ReturnType<typeof spawn> | undefined;
  let url = "";
  let output = "";

  beforeAll(async () => {
    const port = await freePortBlock();
    const nobodyListens = await freePortBlock();
    const urls = demoServiceUrls(inject("servicesPort"));
    child = spawn(
      process.execPath,
      [
        "--import",
        "@shop/telemetry/register",
        path.join(repoRoot, "node_modules/next/dist/bin/next"),
        "start",
        "--hostname",
        "127.0.0.1",
        "--port",
        String(port),
      ],
      {
        cwd: path.join(repoRoot, "apps/web"),
        env: {
          ...process.env,
          ...urls,
          RECOMMENDATIONS_URL: `http://127.0.0.1:${String(nobodyListens)}`,
          OTEL_SERVICE_NAME: "storefront-degraded",
          OTEL_EXPORTER_OTLP_ENDPOINT: inject("sinkUrl"),
          OTEL_BSP_SCHEDULE_DELAY: "200",
          OTEL_METRIC_EXPORT_INTERVAL: "1000",
          NEXT_OTEL_FETCH_DISABLED: "1",
          NEXT_TELEMETRY_DISABLED: "1",
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    for (const stream of [child.stdout, child.stderr])
      stream?.on("data", (chunk: Buffer) => {
        output += chunk.toString();
      });
    url = `http://127.0.0.1:${String(port)}`;
    await waitFor(
      () => Promise.resolve(output),
      (text) => text.includes("Ready in"),
      { timeoutMs: 30_000, description: "the second storefront to start" },
    );
  });

  afterAll(() => {
    child?.kill("SIGTERM");
  });

  it("renders the product page without recommendations and records the degradation", async () => {
    const [product] = await query<{ slug: string; name: string }>(
      "select slug, name from products order by id limit 1",
    );
    const response = await fetch(`${url}/p/${product?.slug ?? ""}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(product?.name.replaceAll("&", "&amp;") ?? "missing");
    expect(html).toContain("Add to cart");
    expect(html).not.toContain("Frequently bought together");

    const sink = new SinkClient(inject("sinkUrl"));
    const spans = await sink.waitFor(
      () => sink.spans({ service: "storefront-degraded" }),
      (found) => found.some((span) => span.attributes["shop.degraded.dependency"] === "recommendations"),
      { timeoutMs: 20_000, description: "the degraded span" },
    );
    const degraded = spans.find((span) => span.attributes["shop.degraded.dependency"] === "recommendations");
    expect(degraded?.name).toBe("storefront/catalog.boughtTogether");
    expect(degraded?.status.code).not.toBe("ERROR");
    expect(degraded?.events.map((event) => event.name)).toContain("shop.degraded");
    const logs = await sink.waitFor(
      () => sink.logs({ service: "storefront-degraded" }),
      (found) => found.some((log) => String(log.body).includes("recommendations failed")),
      { timeoutMs: 20_000, description: "the warning log" },
    );
    const warning = logs.find((log) => String(log.body).includes("recommendations failed"));
    expect(warning?.severityNumber).toBe(13); // WARN
    expect(warning?.traceId).toBe(degraded?.traceId);

    // Its requests count in the standard HTTP server metric, by route, like every service's.
    const points = await sink.waitFor(
      () => sink.metrics({ service: "storefront-degraded", name: "http.server.request.duration" }),
      (found) => found.some((point) => point.attributes["http.route"] === "/p/[slug]"),
      { timeoutMs: 20_000, description: "the storefront's HTTP metric" },
    );
    const productPage = points.find((point) => point.attributes["http.route"] === "/p/[slug]");
    expect(productPage?.attributes).toMatchObject({
      "http.request.method": "GET",
      "http.response.status_code": 200,
    });
    expect(productPage?.count).toBeGreaterThanOrEqual(1);
  });
});
