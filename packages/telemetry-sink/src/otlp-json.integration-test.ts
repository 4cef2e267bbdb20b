// Hand-written OTLP/JSON bodies POSTed as a browser exporter or curl would: every representation
// the JSON mapping allows (enum names and numbers, 64-bit integers as strings and numbers,
// snake_case field names, gzip) must arrive as the same normalized records.
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SinkClient } from "./client.ts";
import type { RunningSink } from "./server.ts";
import { startSink } from "./server.ts";

const TRACE_ID = "5b8efff798038103d269b633813fc60c";
const ROOT_ID = "eee19b7ec3c1b174";
const CHILD_ID = "eee19b7ec3c1b173";

const resource = {
  attributes: [
    { key: "service.name", value: { stringValue: "storefront" } },
    { key: "service.instance.id", value: { stringValue: "web-1" } },
  ],
};

const traceRequest = {
  resourceSpans: [
    {
      resource,
      scopeSpans: [
        {
          scope: { name: "@shop/web", version: "2.0.0" },
          spans: [
            {
              traceId: TRACE_ID,
              spanId: ROOT_ID,
              name: "GET /cart",
              kind: "SPAN_KIND_SERVER",
              startTimeUnixNano: "1700000000000000000",
              endTimeUnixNano: "1700000000250000000",
              attributes: [
                { key: "http.request.method", value: { stringValue: "GET" } },
                { key: "http.response.status_code", value: { intValue: "200" } },
                { key: "big.counter", value: { intValue: "9007199254740993" } },
                { key: "ratio", value: { doubleValue: 0.25 } },
                { key: "cached", value: { boolValue: false } },
                {
                  key: "tags",
                  value: { arrayValue: { values: [{ stringValue: "a" }, { intValue: 2 }] } },
                },
                {
                  key: "client",
                  value: {
                    kvlistValue: {
                      values: [
                        { key: "name", value: { stringValue: "bot-7" } },
                        { key: "bot", value: { boolValue: true } },
                      ],
                    },
                  },
                },
                { key: "raw", value: { bytesValue: "AQID" } },
                { key: "nothing", value: {} },
              ],
              status: { code: "STATUS_CODE_OK" },
            },
          ],
        },
      ],
    },
  ],
};

// The original proto field names, numeric enums and numbers for 64-bit integers: all allowed.
const snakeCaseTraceRequest = {
  resource_spans: [
    {
      resource,
      scope_spans: [
        {
          scope: { name: "@shop/web" },
          spans: [
            {
              trace_id: TRACE_ID.toUpperCase(),
              span_id: CHILD_ID,
              parent_span_id: ROOT_ID,
              name: "cart.get",
              kind: 3,
              start_time_unix_nano: 1700000000100000000,
              end_time_unix_nano: "1700000000200000000",
              status: { code: 2, message: "redis unavailable" },
              events: [
                {
                  time_unix_nano: "1700000000150000000",
                  name: "exception",
                  attributes: [{ key: "exception.type", value: { string_value: "ConnectionError" } }],
                },
              ],
            },
          ],
        },
      ],
    },
  ],
};

const metricsRequest = {
  resourceMetrics: [
    {
      resource,
      scopeMetrics: [
        {
          scope: { name: "@shop/web" },
          metrics: [
            {
              name: "shop.cart.items",
              unit: "{item}",
              sum: {
                aggregationTemporality: "AGGREGATION_TEMPORALITY_DELTA",
                isMonotonic: false,
                dataPoints: [
                  {
                    attributes: [{ key: "cart.kind", value: { stringValue: "guest" } }],
                    startTimeUnixNano: "1700000000000000000",
                    timeUnixNano: "1700000060000000000",
                    asInt: "-2",
                  },
                ],
              },
            },
            {
              name: "process.memory.usage",
              description: "Resident memory",
              unit: "By",
              gauge: { dataPoints: [{ timeUnixNano: "1700000060000000000", asDouble: 123456789.5 }] },
            },
            {
              name: "http.server.request.duration",
              unit: "s",
              histogram: {
                aggregationTemporality: 2,
                dataPoints: [
                  {
                    startTimeUnixNano: "1700000000000000000",
                    timeUnixNano: "1700000060000000000",
                    count: "4",
                    sum: 1.5,
                    min: 0.05,
                    max: 0.9,
                    bucketCounts: ["1", "2", 1],
                    explicitBounds: [0.1, 0.5],
                  },
                ],
              },
            },
            {
              name: "rpc.duration",
              unit: "ms",
              exponentialHistogram: {
                dataPoints: [
                  {
                    timeUnixNano: "1700000060000000000",
                    count: "3",
                    sum: 30,
                    scale: 2,
                    zeroCount: "0",
                    positive: { offset: 10, bucketCounts: ["1", "2"] },
                    min: 5,
                    max: 15,
                  },
                ],
              },
            },
            {
              name: "gc.pause",
              unit: "ms",
              summary: {
                dataPoints: [
                  {
                    timeUnixNano: "1700000060000000000",
                    count: 10,
                    sum: 12.5,
                    quantileValues: [{ quantile: 0.99, value: 4 }],
                  },
                ],
              },
            },
          ],
        },
      ],
    },
  ],
};

const logsRequest = {
  resourceLogs: [
    {
      resource,
      scopeLogs: [
        {
          scope: { name: "pino", version: "10.4.0" },
          logRecords: [
            {
              timeUnixNano: "1700000000150000000",
              observedTimeUnixNano: "1700000000160000000",
              severityNumber: "SEVERITY_NUMBER_ERROR",
              severityText: "error",
              body: { kvlistValue: { values: [{ key: "msg", value: { stringValue: "redis down" } }] } },
              attributes: [{ key: "attempt", value: { intValue: 3 } }],
              traceId: TRACE_ID,
              spanId: CHILD_ID,
            },
            {
              observedTimeUnixNano: "1700000000170000000",
              severityNumber: 9,
              body: { stringValue: "cart served" },
              traceId: "",
              spanId: "",
            },
          ],
        },
      ],
    },
  ],
};

const resourceAttributes = { "service.name": "storefront", "service.instance.id": "web-1" };

describe("OTLP/JSON over HTTP", () => {
  let sink: RunningSink;
  let client: SinkClient;

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${sink.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" || body instanceof Uint8Array ? body : JSON.stringify(body),
    });

  beforeAll(async () => {
    sink = await startSink();
    client = new SinkClient(sink.url);
  });
  afterAll(async () => {
    await sink.close();
  });
  beforeEach(async () => {
    await client.clear();
  });

  it("answers an empty JSON export response", async () => {
    const response = await post("/v1/traces", traceRequest);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toEqual({});
  });

  it("normalizes spans given in lowerCamel and snake_case, one of them gzip-compressed", async () => {
    expect((await post("/v1/traces", traceRequest)).status).toBe(200);
    const gzipped = gzipSync(JSON.stringify(snakeCaseTraceRequest));
    expect((await post("/v1/traces", gzipped, { "content-encoding": "gzip" })).status).toBe(200);

    expect(await client.trace(TRACE_ID)).toEqual({
      traceId: TRACE_ID,
      spans: [
        {
          traceId: TRACE_ID,
          spanId: ROOT_ID,
          name: "GET /cart",
          kind: "SERVER",
          startTimeUnixNano: "1700000000000000000",
          endTimeUnixNano: "1700000000250000000",
          durationMs: 250,
          attributes: {
            "http.request.method": "GET",
            "http.response.status_code": 200,
            "big.counter": "9007199254740993",
            ratio: 0.25,
            cached: false,
            tags: ["a", 2],
            client: { name: "bot-7", bot: true },
            raw: "AQID",
            nothing: null,
          },
          status: { code: "OK" },
          events: [],
          links: [],
          resource: resourceAttributes,
          scope: { name: "@shop/web", version: "2.0.0" },
          serviceName: "storefront",
        },
        {
          traceId: TRACE_ID,
          spanId: CHILD_ID,
          parentSpanId: ROOT_ID,
          name: "cart.get",
          kind: "CLIENT",
          startTimeUnixNano: "1700000000100000000",
          endTimeUnixNano: "1700000000200000000",
          durationMs: 100,
          attributes: {},
          status: { code: "ERROR", message: "redis unavailable" },
          events: [
            {
              name: "exception",
              timeUnixNano: "1700000000150000000",
              attributes: { "exception.type": "ConnectionError" },
            },
          ],
          links: [],
          resource: resourceAttributes,
          scope: { name: "@shop/web" },
          serviceName: "storefront",
        },
      ],
    });
  });

  it("normalizes every metric type", async () => {
    const response = await post("/v1/metrics", gzipSync(JSON.stringify(metricsRequest)), {
      "content-encoding": "gzip",
    });
    expect(response.status).toBe(200);
    const common = { resource: resourceAttributes, serviceName: "storefront" };
    expect(await client.metrics()).toEqual([
      {
        name: "shop.cart.items",
        description: "",
        unit: "{item}",
        type: "sum",
        monotonic: false,
        attributes: { "cart.kind": "guest" },
        ...common,
        startTimeUnixNano: "1700000000000000000",
        timeUnixNano: "1700000060000000000",
        value: -2,
      },
      {
        name: "process.memory.usage",
        description: "Resident memory",
        unit: "By",
        type: "gauge",
        attributes: {},
        ...common,
        startTimeUnixNano: "0",
        timeUnixNano: "1700000060000000000",
        value: 123456789.5,
      },
      {
        name: "http.server.request.duration",
        description: "",
        unit: "s",
        type: "histogram",
        attributes: {},
        ...common,
        startTimeUnixNano: "1700000000000000000",
        timeUnixNano: "1700000060000000000",
        count: 4,
        sum: 1.5,
        min: 0.05,
        max: 0.9,
        bucketCounts: [1, 2, 1],
        explicitBounds: [0.1, 0.5],
      },
      {
        name: "rpc.duration",
        description: "",
        unit: "ms",
        type: "exponentialHistogram",
        attributes: {},
        ...common,
        startTimeUnixNano: "0",
        timeUnixNano: "1700000060000000000",
        count: 3,
        sum: 30,
        min: 5,
        max: 15,
      },
      {
        name: "gc.pause",
        description: "",
        unit: "ms",
        type: "summary",
        attributes: {},
        ...common,
        startTimeUnixNano: "0",
        timeUnixNano: "1700000060000000000",
        count: 10,
        sum: 12.5,
      },
    ]);
  });

  it("normalizes log records, with and without trace context", async () => {
    expect((await post("/v1/logs", logsRequest)).status).toBe(200);
    const scope = { name: "pino", version: "10.4.0" };
    expect(await client.logs()).toEqual([
      {
        timeUnixNano: "1700000000150000000",
        observedTimeUnixNano: "1700000000160000000",
        severityNumber: 17,
        severityText: "error",
        body: { msg: "redis down" },
        attributes: { attempt: 3 },
        traceId: TRACE_ID,
        spanId: CHILD_ID,
        resource: resourceAttributes,
        scope,
        serviceName: "storefront",
      },
      {
        timeUnixNano: "0",
        observedTimeUnixNano: "1700000000170000000",
        severityNumber: 9,
        severityText: "",
        body: "cart served",
        attributes: {},
        resource: resourceAttributes,
        scope,
        serviceName: "storefront",
      },
    ]);
    expect(await client.logs({ minSeverity: 17 })).toHaveLength(1);
    expect(await client.logs({ traceId: TRACE_ID.toUpperCase() })).toHaveLength(1);
  });

  it("rejects bodies that are not OTLP with 400 and says where", async () => {
    const invalidJson = await post("/v1/traces", "{ not json");
    expect(invalidJson.status).toBe(400);
    expect(invalidJson.headers.get("content-type")).toBe("application/json");
    expect(await invalidJson.json()).toEqual({
      code: 3,
      message: expect.stringMatching(/^invalid JSON ExportTraceServiceRequest: /) as unknown,
    });

    const badId = structuredClone(traceRequest);
    const badSpan = badId.resourceSpans[0]?.scopeSpans[0]?.spans[0];
    if (badSpan) badSpan.spanId = "xyz";
    const response = await post("/v1/traces", badId);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      code: 3,
      message: 'resourceSpans[0].scopeSpans[0].spans[0].spanId: expected 16 hex characters, got "xyz"',
    });

    const notAnArray = await post("/v1/logs", { resourceLogs: { oops: true } });
    expect(await notAnArray.json()).toEqual({
      code: 3,
      message: "resourceLogs: expected an array, got an object",
    });
    expect((await post("/v1/metrics", [])).status).toBe(400);
    expect((await client.stats()).spans.held).toBe(0);
  });
});
