import { describe, expect, it } from "vitest";
import {
  OtlpDecodeError,
  decodeLogs,
  decodeMetrics,
  decodeTraces,
  encodeExportResponse,
} from "./otlp-decode.ts";
import { otlpTypes } from "./otlp-schema.ts";

const TRACE_ID = "0102030405060708090a0b0c0d0e0f10";
const SPAN_ID = "a1a2a3a4a5a6a7a8";

function protobufTraces(span: Record<string, unknown>): Uint8Array {
  const type = otlpTypes.traceRequest;
  return type.encode(type.fromObject({ resourceSpans: [{ scopeSpans: [{ spans: [span] }] }] })).finish();
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

describe("decodeTraces", () => {
  it("reads protobuf ids as bytes, 64-bit values as strings or safe numbers", () => {
    const [span] = decodeTraces(
      protobufTraces({
        traceId: Buffer.from(TRACE_ID, "hex"),
        spanId: Buffer.from(SPAN_ID, "hex"),
        parentSpanId: Buffer.alloc(8), // all zeros means "no parent"
        name: "work",
        kind: 1,
        startTimeUnixNano: "18446744073709551615",
        endTimeUnixNano: "18446744073709551615",
        attributes: [
          { key: "small", value: { intValue: -42 } },
          { key: "huge", value: { intValue: "-9223372036854775808" } },
          { key: "bytes", value: { bytesValue: Buffer.from([1, 2, 3]) } },
          { key: "empty", value: { stringValue: "" } },
          { key: "nan", value: { doubleValue: NaN } },
        ],
      }),
      "protobuf",
    );
    expect(span).toMatchObject({
      traceId: TRACE_ID,
      spanId: SPAN_ID,
      kind: "INTERNAL",
      startTimeUnixNano: "18446744073709551615",
      durationMs: 0,
      attributes: { small: -42, huge: "-9223372036854775808", bytes: "AQID", empty: "", nan: "NaN" },
      status: { code: "UNSET" },
      resource: {},
      scope: { name: "" },
      serviceName: "unknown_service",
    });
    expect(span).not.toHaveProperty("parentSpanId");
  });

  it("accepts base64 ids in JSON (the generic protobuf JSON mapping) and unknown enum values", () => {
    const [span] = decodeTraces(
      json({
        resourceSpans: [
          {
            scopeSpans: [
              {
                spans: [
                  {
                    traceId: Buffer.from(TRACE_ID, "hex").toString("base64"),
                    spanId: Buffer.from(SPAN_ID, "hex").toString("base64"),
                    kind: 9,
                    status: { code: "STATUS_CODE_ERROR" },
                  },
                ],
              },
            ],
          },
        ],
      }),
      "json",
    );
    expect(span).toMatchObject({
      traceId: TRACE_ID,
      spanId: SPAN_ID,
      kind: "UNSPECIFIED",
      status: { code: "ERROR" },
    });
  });

  it("refuses attribute values nested absurdly deep", () => {
    let value: object = { stringValue: "bottom" };
    for (let i = 0; i < 1000; i++) value = { arrayValue: { values: [value] } };
    const body = json({
      resourceSpans: [
        {
          scopeSpans: [
            { spans: [{ traceId: TRACE_ID, spanId: SPAN_ID, attributes: [{ key: "deep", value }] }] },
          ],
        },
      ],
    });
    expect(() => decodeTraces(body, "json")).toThrow("values nested more than 64 levels deep");
  });

  it("treats an empty protobuf body as an empty request", () => {
    expect(decodeTraces(new Uint8Array(), "protobuf")).toEqual([]);
    expect(decodeTraces(json({}), "json")).toEqual([]);
  });

  it("says which field is wrong", () => {
    const spanWith = (fields: object) => json({ resourceSpans: [{ scopeSpans: [{ spans: [fields] }] }] });
    const cases: [Uint8Array, "json" | "protobuf", string][] = [
      [
        spanWith({ spanId: SPAN_ID }),
        "json",
        "resourceSpans[0].scopeSpans[0].spans[0].traceId: a valid (non-zero) id is required",
      ],
      [
        spanWith({ traceId: TRACE_ID, spanId: SPAN_ID, startTimeUnixNano: -1 }),
        "json",
        "resourceSpans[0].scopeSpans[0].spans[0].startTimeUnixNano: expected nanoseconds since the epoch as an unsigned integer, got -1",
      ],
      [
        spanWith({ traceId: TRACE_ID, spanId: SPAN_ID, kind: "SPAN_KIND_SIDEWAYS" }),
        "json",
        'resourceSpans[0].scopeSpans[0].spans[0].kind: expected an enum number or name, got "SPAN_KIND_SIDEWAYS"',
      ],
      [
        spanWith({
          traceId: TRACE_ID,
          spanId: SPAN_ID,
          attributes: [{ key: "a", value: { intValue: 1.5 } }],
        }),
        "json",
        "resourceSpans[0].scopeSpans[0].spans[0].attributes[0].value.intValue: expected an integer, got 1.5",
      ],
      [json("spans"), "json", 'ExportTraceServiceRequest must be an object, got "spans"'],
      [
        new Uint8Array([0x0a, 0x05, 0x01]),
        "protobuf",
        "invalid protobuf ExportTraceServiceRequest: index out of range",
      ],
    ];
    for (const [body, encoding, message] of cases) {
      expect(() => decodeTraces(body, encoding)).toThrow(OtlpDecodeError);
      expect(() => decodeTraces(body, encoding)).toThrow(message);
    }
  });
});

describe("decodeMetrics and decodeLogs", () => {
  it("read protobuf histograms and log records", () => {
    const metricsType = otlpTypes.metricsRequest;
    const metrics = metricsType
      .encode(
        metricsType.fromObject({
          resourceMetrics: [
            {
              resource: { attributes: [{ key: "service.name", value: { stringValue: "cart" } }] },
              scopeMetrics: [
                {
                  metrics: [
                    {
                      name: "latency",
                      unit: "ms",
                      histogram: {
                        dataPoints: [
                          { count: 3, sum: 0, bucketCounts: [0, 3], explicitBounds: [1], min: 0, max: 0.5 },
                        ],
                      },
                    },
                  ],
                },
              ],
            },
          ],
        }),
      )
      .finish();
    expect(decodeMetrics(metrics, "protobuf")).toEqual([
      {
        name: "latency",
        description: "",
        unit: "ms",
        type: "histogram",
        attributes: {},
        resource: { "service.name": "cart" },
        serviceName: "cart",
        startTimeUnixNano: "0",
        timeUnixNano: "0",
        count: 3,
        sum: 0,
        min: 0,
        max: 0.5,
        bucketCounts: [0, 3],
        explicitBounds: [1],
      },
    ]);

    const logsType = otlpTypes.logsRequest;
    const logs = logsType
      .encode(
        logsType.fromObject({
          resourceLogs: [
            { scopeLogs: [{ logRecords: [{ severityNumber: 21, traceId: Buffer.alloc(16) }] }] },
          ],
        }),
      )
      .finish();
    const [record] = decodeLogs(logs, "protobuf");
    expect(record).toMatchObject({ severityNumber: 21, body: null, timeUnixNano: "0", severityText: "" });
    expect(record).not.toHaveProperty("traceId");
  });
});

describe("encodeExportResponse", () => {
  it("is an empty message in either encoding", () => {
    expect(encodeExportResponse("traces", "protobuf")).toHaveLength(0);
    expect(Buffer.from(encodeExportResponse("logs", "json")).toString()).toBe("{}");
  });
});
