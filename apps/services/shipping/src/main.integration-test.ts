// The service process as it runs in the shop (src/main.ts with the telemetry preload), exporting
// to the local sink that stands in for Coralogix: readiness, a quote's procedure span with its rpc
// attributes, a refused destination as a client error (never ERROR), configuration errors, shutdown.
import { randomBytes } from "node:crypto";
import { SinkClient, startSink } from "@shop/telemetry-sink";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runShipping, startShipping } from "../test/shipping-process.ts";
import type { ShippingProcess } from "../test/shipping-process.ts";

let sink: Awaited<ReturnType<typeof startSink>>;
let telemetry: SinkClient;
let shipping: ShippingProcess;

const processEnv = (): Record<string, string> => ({
  ...(process.env as Record<string, string>),
  OTEL_SERVICE_NAME: "shipping",
  OTEL_EXPORTER_OTLP_ENDPOINT: sink.url,
  OTEL_BSP_SCHEDULE_DELAY: "100",
  OTEL_BLRP_SCHEDULE_DELAY: "100",
  LOG_LEVEL: "info",
});

beforeAll(async () => {
  sink = await startSink({ port: 0 });
  telemetry = new SinkClient(sink.url);
  shipping = await startShipping(processEnv());
});

afterAll(async () => {
  await shipping.stop();
  await sink.close();
});

/** A quote sent as a client sends it (a GET), in a trace of the test's own. */
async function quoteInTrace(destination: { country: string; postalCode: string }) {
  const traceId = randomBytes(16).toString("hex");
  const input = {
    items: [{ weightGrams: 1_500, quantity: 2 }],
    subtotalMinor: 3_000,
    currency: "USD",
    destination,
  };
  const response = await fetch(
    `${shipping.url}/quote?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
    {
      headers: { traceparent: `00-${traceId}-${randomBytes(8).toString("hex")}-01` },
    },
  );
  await response.body?.cancel();
  const spans = await telemetry.waitFor(
    async () => (await telemetry.trace(traceId))?.spans ?? [],
    (found) => found.some((span) => span.name === "shipping/quote"),
    { description: "the quote span" },
  );
  const quote = spans.find((span) => span.name === "shipping/quote");
  if (!quote) throw new Error("the quote span went missing");
  return { status: response.status, spans, quote };
}

describe("the shipping process", () => {
  it("is ready as soon as it listens: it depends on nothing", async () => {
    const ready = await fetch(`${shipping.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", service: "shipping", checks: {} });
  });

  it("exports a quote's procedure span with its rpc attributes, inside the HTTP server span", async () => {
    const { status, spans, quote } = await quoteInTrace({ country: "DE", postalCode: "10115" });
    expect(status).toBe(200);
    expect(quote.serviceName).toBe("shipping");
    expect(quote.attributes).toMatchObject({
      "rpc.system": "trpc",
      "rpc.service": "shipping",
      "rpc.method": "quote",
      "trpc.procedure.type": "query",
    });
    expect(quote.status.code).not.toBe("ERROR");
    const server = spans.find((span) => span.kind === "SERVER");
    expect(server?.attributes).toMatchObject({ "http.request.method": "GET" });
    expect(quote.parentSpanId).toBe(server?.spanId);
  });

  it("exports a refused destination as a client error: error.type, never status ERROR", async () => {
    const { status, spans, quote } = await quoteInTrace({ country: "BR", postalCode: "01310-100" });
    expect(status).toBe(400);
    expect(quote.attributes).toMatchObject({
      "error.type": "INVALID_INPUT",
      "trpc.error_code": "BAD_REQUEST",
    });
    expect(spans.filter((span) => span.status.code === "ERROR")).toEqual([]);
  });

  it("refuses to start with a configuration it cannot use, saying why", async () => {
    const run = runShipping({ ...processEnv(), OTEL_SDK_DISABLED: "true", PORT: "not-a-port" });
    expect(await run.exited).not.toBe(0);
    expect(run.output()).toContain("Invalid shipping configuration: PORT");
  });

  it("stops on SIGTERM and exits cleanly", async () => {
    const other = await startShipping(processEnv());
    expect((await fetch(`${other.url}/healthz`)).status).toBe(200);
    expect(await other.stop()).toBe(0);
    expect(other.output()).toContain("shipping stopped");
  });
});
