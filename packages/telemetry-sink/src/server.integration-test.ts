// The sink's HTTP surface: status codes for what it refuses, the query API's filters and
// parameter checking, and the bounded window seen through the API.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SinkClient, SinkRequestError } from "./client.ts";
import type { SinkSpan } from "./model.ts";
import { decodeStatus } from "./otlp-decode.ts";
import type { RunningSink } from "./server.ts";
import { startSink } from "./server.ts";

const TRACE_A = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1";
const TRACE_B = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb2";

interface JsonSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startMs: number;
  endMs: number;
  attributes?: Record<string, string | number>;
  error?: string;
}

function attribute(key: string, value: string | number) {
  return { key, value: typeof value === "string" ? { stringValue: value } : { intValue: String(value) } };
}

/** An OTLP/JSON trace request with the spans grouped under their service's resource. */
function traceRequest(spansByService: Record<string, JsonSpan[]>) {
  const nanos = (ms: number) => (1_700_000_000_000_000_000n + BigInt(ms) * 1_000_000n).toString();
  return {
    resourceSpans: Object.entries(spansByService).map(([service, spans]) => ({
      resource: { attributes: [attribute("service.name", service)] },
      scopeSpans: [
        {
          scope: { name: "test" },
          spans: spans.map((span) => ({
            traceId: span.traceId,
            spanId: span.spanId,
            parentSpanId: span.parentSpanId,
            name: span.name,
            kind: span.kind,
            startTimeUnixNano: nanos(span.startMs),
            endTimeUnixNano: nanos(span.endMs),
            attributes: Object.entries(span.attributes ?? {}).map(([key, value]) => attribute(key, value)),
            status: span.error ? { code: 2, message: span.error } : {},
          })),
        },
      ],
    })),
  };
}

// Trace A: web → cart (with an error); trace B (started later): web → catalog.
const SHOP_TRAFFIC = traceRequest({
  web: [
    {
      traceId: TRACE_A,
      spanId: "a000000000000001",
      name: "POST /cart",
      kind: 2,
      startMs: 0,
      endMs: 50,
      attributes: { "http.request.method": "POST", "http.response.status_code": 500 },
    },
    {
      traceId: TRACE_B,
      spanId: "b000000000000001",
      name: "GET /products",
      kind: 2,
      startMs: 1000,
      endMs: 1030,
      attributes: { "http.request.method": "GET", "http.response.status_code": 200 },
    },
    {
      traceId: TRACE_B,
      spanId: "b000000000000002",
      parentSpanId: "b000000000000001",
      name: "catalog.list",
      kind: 3,
      startMs: 1005,
      endMs: 1025,
    },
  ],
  cart: [
    {
      traceId: TRACE_A,
      spanId: "a000000000000002",
      parentSpanId: "a000000000000001",
      name: "cart.add",
      kind: 2,
      startMs: 10,
      endMs: 45,
      error: "out of stock",
      attributes: { "rpc.method": "add" },
    },
  ],
  catalog: [
    {
      traceId: TRACE_B,
      spanId: "b000000000000003",
      parentSpanId: "b000000000000002",
      name: "catalog.list",
      kind: 2,
      startMs: 1010,
      endMs: 1020,
      attributes: { "rpc.method": "list" },
    },
  ],
});

describe("the sink's HTTP server", () => {
  let sink: RunningSink;
  let client: SinkClient;

  const request = (method: string, path: string, init: RequestInit = {}) =>
    fetch(`${sink.url}${path}`, { method, ...init });
  const postJson = (path: string, body: unknown) =>
    request("POST", path, { headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

  beforeAll(async () => {
    sink = await startSink({ limits: { maxRequestBytes: 64 * 1024 } });
    client = new SinkClient(`${sink.url}/`);
  });
  afterAll(async () => {
    await sink.close();
  });
  beforeEach(async () => {
    await client.clear();
  });

  it("listens on loopback at the URL it reports", async () => {
    expect(sink.url).toBe(`http://127.0.0.1:${sink.port}`);
    const response = await request("GET", "/healthz");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await response.json()).toEqual({ ok: true });
  });

  describe("refuses", () => {
    it("other content types with 415", async () => {
      const response = await request("POST", "/v1/traces", {
        headers: { "content-type": "text/plain" },
        body: "hi",
      });
      expect(response.status).toBe(415);
      expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect(await response.json()).toEqual({
        error:
          'unsupported Content-Type "text/plain": OTLP/HTTP takes application/x-protobuf or application/json',
      });
      const noType = await request("POST", "/v1/logs", { body: new Uint8Array([1, 2]) });
      expect(noType.status).toBe(415);
    });

    it("other content encodings with 415", async () => {
      const response = await request("POST", "/v1/traces", {
        headers: { "content-type": "application/json", "content-encoding": "br" },
        body: "{}",
      });
      expect(response.status).toBe(415);
      expect(await response.json()).toEqual({
        error: 'unsupported Content-Encoding "br": send gzip or no encoding',
      });
    });

    it("undecodable protobuf and broken gzip with 400 and a google.rpc.Status", async () => {
      const response = await request("POST", "/v1/traces", {
        headers: { "content-type": "application/x-protobuf" },
        body: new Uint8Array([0x0a, 0xff, 0xff, 0x01]),
      });
      expect(response.status).toBe(400);
      expect(response.headers.get("content-type")).toBe("application/x-protobuf");
      const status = decodeStatus(new Uint8Array(await response.arrayBuffer()));
      expect(status.code).toBe(3);
      expect(status.message).toMatch(/^invalid protobuf ExportTraceServiceRequest: index out of range/);

      const gzip = await request("POST", "/v1/metrics", {
        headers: { "content-type": "application/json", "content-encoding": "gzip" },
        body: "not gzip",
      });
      expect(gzip.status).toBe(400);
      expect(await gzip.json()).toMatchObject({
        message: expect.stringMatching(/^invalid gzip body/) as unknown,
      });
    });

    it("bodies over the limit with 413, compressed or not", async () => {
      const big = JSON.stringify({ resourceSpans: [], padding: "x".repeat(64 * 1024) });
      const response = await request("POST", "/v1/traces", {
        headers: { "content-type": "application/json" },
        body: big,
      });
      expect(response.status).toBe(413);
      expect(await response.json()).toEqual({ code: 8, message: "request body is larger than 65536 bytes" });

      const { gzipSync } = await import("node:zlib");
      const bomb = await request("POST", "/v1/traces", {
        headers: { "content-type": "application/json", "content-encoding": "gzip" },
        body: gzipSync(big),
      });
      expect(bomb.status).toBe(413);
      expect(await bomb.json()).toEqual({ code: 8, message: "gzip body inflates to more than 65536 bytes" });
      // The connection is still usable for the next export.
      expect((await postJson("/v1/traces", SHOP_TRAFFIC)).status).toBe(200);
    });

    it("unknown paths with 404 and wrong methods with 405", async () => {
      const missing = await request("GET", "/v1/profiles");
      expect(missing.status).toBe(404);
      expect(await missing.json()).toEqual({ error: "no such endpoint: GET /v1/profiles" });
      expect((await request("GET", "/api/nothing")).status).toBe(404);

      const get = await request("GET", "/v1/traces");
      expect(get.status).toBe(405);
      expect(get.headers.get("allow")).toBe("POST");
      const post = await request("POST", "/api/traces");
      expect(post.status).toBe(405);
      expect(post.headers.get("allow")).toBe("GET");
      expect(await post.json()).toEqual({ error: "POST /api/traces is not allowed; use GET" });
      expect((await request("GET", "/api/data")).status).toBe(405);
    });

    it("bad query parameters with 400 and a message", async () => {
      const cases: [string, string][] = [
        ["/api/spans?servce=cart", 'Unrecognized key: "servce"'],
        ["/api/spans?kind=sideways", "kind must be one of"],
        ["/api/spans?traceId=123", "traceId must be 32 hex characters"],
        ["/api/traces?limit=0", "limit must be at least 1"],
        ["/api/traces?limit=ten", "limit must be a positive integer"],
        ["/api/logs?minSeverity=LOUD", "minSeverity must be a severity number"],
        ["/api/logs?service=a&service=b", 'query parameter "service" is given more than once'],
        ["/api/metrics?service=", "service must not be empty"],
        ["/api/traces/not-a-trace-id", 'trace id "not-a-trace-id" must be 32 hex characters'],
        ["/api/stats?verbose=1", 'unknown query parameter "verbose"'],
      ];
      for (const [path, message] of cases) {
        const response = await request("GET", path);
        expect(response.status, path).toBe(400);
        expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
        const body = (await response.json()) as { error: string };
        expect(body.error, path).toContain(message);
      }
    });
  });

  describe("answers queries", () => {
    beforeEach(async () => {
      expect((await postJson("/v1/traces", SHOP_TRAFFIC)).status).toBe(200);
    });

    it("trace summaries, newest first, by service and limited", async () => {
      expect(await client.traces()).toEqual([
        {
          traceId: TRACE_B,
          rootName: "GET /products",
          services: ["web", "catalog"],
          spanCount: 3,
          durationMs: 30,
          startTimeUnixNano: "1700000001000000000",
          hasError: false,
        },
        {
          traceId: TRACE_A,
          rootName: "POST /cart",
          services: ["web", "cart"],
          spanCount: 2,
          durationMs: 50,
          startTimeUnixNano: "1700000000000000000",
          hasError: true,
        },
      ]);
      expect((await client.traces({ service: "cart" })).map((trace) => trace.traceId)).toEqual([TRACE_A]);
      expect((await client.traces({ limit: 1 })).map((trace) => trace.traceId)).toEqual([TRACE_B]);
      expect(await client.traces({ service: "payments" })).toEqual([]);
    });

    it("a trace's spans by start time, and 404 (undefined) for an unknown trace", async () => {
      const trace = await client.trace(TRACE_B.toUpperCase());
      expect(trace?.traceId).toBe(TRACE_B);
      expect(trace?.spans.map((span) => span.spanId)).toEqual([
        "b000000000000001",
        "b000000000000002",
        "b000000000000003",
      ]);
      const unknown = await request("GET", `/api/traces/${"c".repeat(32)}`);
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toEqual({ error: `trace ${"c".repeat(32)} not found` });
      expect(await client.trace("c".repeat(32))).toBeUndefined();
    });

    it("spans by trace, service, name, kind and attributes", async () => {
      const ids = (spans: SinkSpan[]) => spans.map((span) => span.spanId);
      expect(await client.spans()).toHaveLength(5);
      expect(ids(await client.spans({ traceId: TRACE_A }))).toEqual(["a000000000000001", "a000000000000002"]);
      expect(ids(await client.spans({ service: "catalog" }))).toEqual(["b000000000000003"]);
      expect(ids(await client.spans({ name: "catalog.list" }))).toEqual([
        "b000000000000002",
        "b000000000000003",
      ]);
      expect(ids(await client.spans({ name: "catalog.list", kind: "CLIENT" }))).toEqual(["b000000000000002"]);
      expect(
        ids(await client.spans({ kind: "SERVER", attributes: { "http.response.status_code": 500 } })),
      ).toEqual(["a000000000000001"]);
      expect(ids(await client.spans({ attributes: { "rpc.method": "add", "http.route": "/x" } }))).toEqual(
        [],
      );
      const byQueryString = await request("GET", "/api/spans?kind=server&attr.http.request.method=GET");
      expect(ids((await byQueryString.json()) as SinkSpan[])).toEqual(["b000000000000001"]);
      expect(ids(await client.spans({ limit: 1 }))).toEqual(["b000000000000003"]);
    });

    it("stats, and clearing everything", async () => {
      const duplicate = await postJson("/v1/traces", SHOP_TRAFFIC);
      expect(duplicate.status).toBe(200);
      expect(await client.stats()).toEqual({
        spans: { held: 5, dropped: 0, capacity: 50_000, duplicates: 5 },
        logs: { held: 0, dropped: 0, capacity: 20_000 },
        metrics: { held: 0, dropped: 0, capacity: 50_000 },
        traces: 2,
        rumEvents: { held: 0, dropped: 0, capacity: 20_000 },
        rumRecordings: { held: 0, dropped: 0, capacity: 5_000 },
      });
      const cleared = await request("DELETE", "/api/data");
      expect(cleared.status).toBe(200);
      expect(cleared.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect(await cleared.json()).toEqual({ cleared: true });
      expect(await client.traces()).toEqual([]);
      expect((await client.stats()).spans).toEqual({ held: 0, dropped: 0, capacity: 50_000, duplicates: 0 });
    });
  });

  it("reports failed requests from the client with the sink's message", async () => {
    const failure = client.spans({ kind: "sideways" as "SERVER" });
    await expect(failure).rejects.toThrow(SinkRequestError);
    await expect(failure).rejects.toThrow(
      /^GET \/api\/spans\?kind=sideways failed with 400: bad query parameters/,
    );
  });
});

/** A valid protobuf message of exactly `size` bytes that carries nothing: one unknown bytes field. */
function paddingMessage(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes[0] = (15 << 3) | 2; // field 15, length-delimited
  const length = size - 5; // after the tag and a 4-byte varint length
  for (let i = 0; i < 4; i++) bytes[1 + i] = ((length >>> (7 * i)) & 0x7f) | (i < 3 ? 0x80 : 0);
  return bytes;
}

describe("a sink with a small window", () => {
  it("drops the oldest records and counts them", async () => {
    const sink = await startSink({ limits: { spans: 3, logRecords: 2, metricPoints: 1 } });
    try {
      const client = new SinkClient(sink.url);
      const spans = Array.from({ length: 5 }, (_, index) => ({
        traceId: index < 2 ? TRACE_A : TRACE_B,
        spanId: `c00000000000000${index}`,
        name: `span ${index}`,
        kind: 1,
        startMs: index,
        endMs: index + 1,
      }));
      const post = (path: string, body: unknown) =>
        fetch(`${sink.url}${path}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        });
      expect((await post("/v1/traces", traceRequest({ web: spans }))).status).toBe(200);
      const records = ["one", "two", "three"].map((body) => ({ body: { stringValue: body } }));
      expect(
        (await post("/v1/logs", { resourceLogs: [{ scopeLogs: [{ logRecords: records }] }] })).status,
      ).toBe(200);
      const gauge = (value: number) => ({ name: "g", gauge: { dataPoints: [{ asDouble: value }] } });
      const metrics = { resourceMetrics: [{ scopeMetrics: [{ metrics: [gauge(1), gauge(2)] }] }] };
      expect((await post("/v1/metrics", metrics)).status).toBe(200);

      expect((await client.spans()).map((span) => span.name)).toEqual(["span 2", "span 3", "span 4"]);
      // Trace A lost both its spans to the window, so it is gone entirely.
      expect(await client.trace(TRACE_A)).toBeUndefined();
      expect((await client.traces()).map((trace) => trace.traceId)).toEqual([TRACE_B]);
      expect((await client.logs()).map((record) => record.body)).toEqual(["two", "three"]);
      expect((await client.logs())[0]?.serviceName).toBe("unknown_service");
      expect((await client.metrics()).map((point) => point.value)).toEqual([2]);
      expect(await client.stats()).toEqual({
        spans: { held: 3, dropped: 2, capacity: 3, duplicates: 0 },
        logs: { held: 2, dropped: 1, capacity: 2 },
        metrics: { held: 1, dropped: 1, capacity: 1 },
        traces: 1,
        rumEvents: { held: 0, dropped: 0, capacity: 20_000 },
        rumRecordings: { held: 0, dropped: 0, capacity: 5_000 },
      });
    } finally {
      await sink.close();
    }
  });

  it("accepts 32 MiB by default and answers 413 beyond", async () => {
    const sink = await startSink();
    try {
      const headers = { "content-type": "application/x-protobuf" };
      const limit = 32 * 1024 * 1024;
      const atLimit = paddingMessage(limit);
      const accepted = await fetch(`${sink.url}/v1/traces`, { method: "POST", headers, body: atLimit });
      expect(accepted.status).toBe(200);
      const over = await fetch(`${sink.url}/v1/traces`, {
        method: "POST",
        headers,
        body: paddingMessage(limit + 1),
      });
      expect(over.status).toBe(413);
    } finally {
      await sink.close();
    }
  });
});
