// The OTLP v1 messages the sink decodes, declared in code (from opentelemetry-proto v1.x: common,
// resource, trace, metrics, logs and the collector services) so that nothing is fetched or read
// from disk at run time. Field names are the lowerCamel names protobufjs would derive from the
// .proto files, which are also the OTLP/JSON names. Only what the sink reads is declared in full;
// protobufjs skips unknown fields, so newer senders still decode.
//
// Enums (span kind, status code, severity number, temporality) are declared as int32, which is
// their wire encoding: the sink maps the numbers itself, and values newer than this schema survive.
// proto3 `optional double` fields (histogram sum/min/max) are declared as plain doubles: decoding
// only sets a field that is on the wire, which is all the presence information the sink needs.
import protobuf from "protobufjs";

type Fields = Record<string, { type: string; id: number; rule?: "repeated" }>;

function message(fields: Fields, oneofs?: Record<string, string[]>): protobuf.IType {
  const type: protobuf.IType = { fields };
  if (oneofs) {
    type.oneofs = Object.fromEntries(
      Object.entries(oneofs).map(([name, members]) => [name, { oneof: members }]),
    );
  }
  return type;
}

const COMMON = ".opentelemetry.proto.common.v1";
const RESOURCE = ".opentelemetry.proto.resource.v1";
const TRACE = ".opentelemetry.proto.trace.v1";
const METRICS = ".opentelemetry.proto.metrics.v1";
const LOGS = ".opentelemetry.proto.logs.v1";

const repeated = (type: string, id: number) => ({ type, id, rule: "repeated" as const });

const common = {
  AnyValue: message(
    {
      stringValue: { type: "string", id: 1 },
      boolValue: { type: "bool", id: 2 },
      intValue: { type: "int64", id: 3 },
      doubleValue: { type: "double", id: 4 },
      arrayValue: { type: `${COMMON}.ArrayValue`, id: 5 },
      kvlistValue: { type: `${COMMON}.KeyValueList`, id: 6 },
      bytesValue: { type: "bytes", id: 7 },
    },
    {
      value: [
        "stringValue",
        "boolValue",
        "intValue",
        "doubleValue",
        "arrayValue",
        "kvlistValue",
        "bytesValue",
      ],
    },
  ),
  ArrayValue: message({ values: repeated(`${COMMON}.AnyValue`, 1) }),
  KeyValueList: message({ values: repeated(`${COMMON}.KeyValue`, 1) }),
  KeyValue: message({ key: { type: "string", id: 1 }, value: { type: `${COMMON}.AnyValue`, id: 2 } }),
  InstrumentationScope: message({
    name: { type: "string", id: 1 },
    version: { type: "string", id: 2 },
    attributes: repeated(`${COMMON}.KeyValue`, 3),
    droppedAttributesCount: { type: "uint32", id: 4 },
  }),
};

const resource = {
  Resource: message({
    attributes: repeated(`${COMMON}.KeyValue`, 1),
    droppedAttributesCount: { type: "uint32", id: 2 },
  }),
};

const trace = {
  ResourceSpans: message({
    resource: { type: `${RESOURCE}.Resource`, id: 1 },
    scopeSpans: repeated(`${TRACE}.ScopeSpans`, 2),
    schemaUrl: { type: "string", id: 3 },
  }),
  ScopeSpans: message({
    scope: { type: `${COMMON}.InstrumentationScope`, id: 1 },
    spans: repeated(`${TRACE}.Span`, 2),
    schemaUrl: { type: "string", id: 3 },
  }),
  Span: {
    ...message({
      traceId: { type: "bytes", id: 1 },
      spanId: { type: "bytes", id: 2 },
      traceState: { type: "string", id: 3 },
      parentSpanId: { type: "bytes", id: 4 },
      flags: { type: "fixed32", id: 16 },
      name: { type: "string", id: 5 },
      kind: { type: "int32", id: 6 },
      startTimeUnixNano: { type: "fixed64", id: 7 },
      endTimeUnixNano: { type: "fixed64", id: 8 },
      attributes: repeated(`${COMMON}.KeyValue`, 9),
      droppedAttributesCount: { type: "uint32", id: 10 },
      events: repeated(`${TRACE}.Span.Event`, 11),
      droppedEventsCount: { type: "uint32", id: 12 },
      links: repeated(`${TRACE}.Span.Link`, 13),
      droppedLinksCount: { type: "uint32", id: 14 },
      status: { type: `${TRACE}.Status`, id: 15 },
    }),
    nested: {
      Event: message({
        timeUnixNano: { type: "fixed64", id: 1 },
        name: { type: "string", id: 2 },
        attributes: repeated(`${COMMON}.KeyValue`, 3),
        droppedAttributesCount: { type: "uint32", id: 4 },
      }),
      Link: message({
        traceId: { type: "bytes", id: 1 },
        spanId: { type: "bytes", id: 2 },
        traceState: { type: "string", id: 3 },
        attributes: repeated(`${COMMON}.KeyValue`, 4),
        droppedAttributesCount: { type: "uint32", id: 5 },
        flags: { type: "fixed32", id: 6 },
      }),
    },
  },
  Status: message({ message: { type: "string", id: 2 }, code: { type: "int32", id: 3 } }),
};

const exemplar = message(
  {
    filteredAttributes: repeated(`${COMMON}.KeyValue`, 7),
    timeUnixNano: { type: "fixed64", id: 2 },
    asDouble: { type: "double", id: 3 },
    asInt: { type: "sfixed64", id: 6 },
    spanId: { type: "bytes", id: 4 },
    traceId: { type: "bytes", id: 5 },
  },
  { value: ["asDouble", "asInt"] },
);

const metrics = {
  ResourceMetrics: message({
    resource: { type: `${RESOURCE}.Resource`, id: 1 },
    scopeMetrics: repeated(`${METRICS}.ScopeMetrics`, 2),
    schemaUrl: { type: "string", id: 3 },
  }),
  ScopeMetrics: message({
    scope: { type: `${COMMON}.InstrumentationScope`, id: 1 },
    metrics: repeated(`${METRICS}.Metric`, 2),
    schemaUrl: { type: "string", id: 3 },
  }),
  Metric: message(
    {
      name: { type: "string", id: 1 },
      description: { type: "string", id: 2 },
      unit: { type: "string", id: 3 },
      gauge: { type: `${METRICS}.Gauge`, id: 5 },
      sum: { type: `${METRICS}.Sum`, id: 7 },
      histogram: { type: `${METRICS}.Histogram`, id: 9 },
      exponentialHistogram: { type: `${METRICS}.ExponentialHistogram`, id: 10 },
      summary: { type: `${METRICS}.Summary`, id: 11 },
      metadata: repeated(`${COMMON}.KeyValue`, 12),
    },
    { data: ["gauge", "sum", "histogram", "exponentialHistogram", "summary"] },
  ),
  Gauge: message({ dataPoints: repeated(`${METRICS}.NumberDataPoint`, 1) }),
  Sum: message({
    dataPoints: repeated(`${METRICS}.NumberDataPoint`, 1),
    aggregationTemporality: { type: "int32", id: 2 },
    isMonotonic: { type: "bool", id: 3 },
  }),
  Histogram: message({
    dataPoints: repeated(`${METRICS}.HistogramDataPoint`, 1),
    aggregationTemporality: { type: "int32", id: 2 },
  }),
  ExponentialHistogram: message({
    dataPoints: repeated(`${METRICS}.ExponentialHistogramDataPoint`, 1),
    aggregationTemporality: { type: "int32", id: 2 },
  }),
  Summary: message({ dataPoints: repeated(`${METRICS}.SummaryDataPoint`, 1) }),
  NumberDataPoint: message(
    {
      attributes: repeated(`${COMMON}.KeyValue`, 7),
      startTimeUnixNano: { type: "fixed64", id: 2 },
      timeUnixNano: { type: "fixed64", id: 3 },
      asDouble: { type: "double", id: 4 },
      asInt: { type: "sfixed64", id: 6 },
      exemplars: repeated(`${METRICS}.Exemplar`, 5),
      flags: { type: "uint32", id: 8 },
    },
    { value: ["asDouble", "asInt"] },
  ),
  HistogramDataPoint: message({
    attributes: repeated(`${COMMON}.KeyValue`, 9),
    startTimeUnixNano: { type: "fixed64", id: 2 },
    timeUnixNano: { type: "fixed64", id: 3 },
    count: { type: "fixed64", id: 4 },
    sum: { type: "double", id: 5 },
    bucketCounts: repeated("fixed64", 6),
    explicitBounds: repeated("double", 7),
    exemplars: repeated(`${METRICS}.Exemplar`, 8),
    flags: { type: "uint32", id: 10 },
    min: { type: "double", id: 11 },
    max: { type: "double", id: 12 },
  }),
  ExponentialHistogramDataPoint: {
    ...message({
      attributes: repeated(`${COMMON}.KeyValue`, 1),
      startTimeUnixNano: { type: "fixed64", id: 2 },
      timeUnixNano: { type: "fixed64", id: 3 },
      count: { type: "fixed64", id: 4 },
      sum: { type: "double", id: 5 },
      scale: { type: "sint32", id: 6 },
      zeroCount: { type: "fixed64", id: 7 },
      positive: { type: `${METRICS}.ExponentialHistogramDataPoint.Buckets`, id: 8 },
      negative: { type: `${METRICS}.ExponentialHistogramDataPoint.Buckets`, id: 9 },
      flags: { type: "uint32", id: 10 },
      exemplars: repeated(`${METRICS}.Exemplar`, 11),
      min: { type: "double", id: 12 },
      max: { type: "double", id: 13 },
      zeroThreshold: { type: "double", id: 14 },
    }),
    nested: {
      Buckets: message({ offset: { type: "sint32", id: 1 }, bucketCounts: repeated("uint64", 2) }),
    },
  },
  SummaryDataPoint: {
    ...message({
      attributes: repeated(`${COMMON}.KeyValue`, 7),
      startTimeUnixNano: { type: "fixed64", id: 2 },
      timeUnixNano: { type: "fixed64", id: 3 },
      count: { type: "fixed64", id: 4 },
      sum: { type: "double", id: 5 },
      quantileValues: repeated(`${METRICS}.SummaryDataPoint.ValueAtQuantile`, 6),
      flags: { type: "uint32", id: 8 },
    }),
    nested: {
      ValueAtQuantile: message({ quantile: { type: "double", id: 1 }, value: { type: "double", id: 2 } }),
    },
  },
  Exemplar: exemplar,
};

const logs = {
  ResourceLogs: message({
    resource: { type: `${RESOURCE}.Resource`, id: 1 },
    scopeLogs: repeated(`${LOGS}.ScopeLogs`, 2),
    schemaUrl: { type: "string", id: 3 },
  }),
  ScopeLogs: message({
    scope: { type: `${COMMON}.InstrumentationScope`, id: 1 },
    logRecords: repeated(`${LOGS}.LogRecord`, 2),
    schemaUrl: { type: "string", id: 3 },
  }),
  LogRecord: message({
    timeUnixNano: { type: "fixed64", id: 1 },
    observedTimeUnixNano: { type: "fixed64", id: 11 },
    severityNumber: { type: "int32", id: 2 },
    severityText: { type: "string", id: 3 },
    body: { type: `${COMMON}.AnyValue`, id: 5 },
    attributes: repeated(`${COMMON}.KeyValue`, 6),
    droppedAttributesCount: { type: "uint32", id: 7 },
    flags: { type: "fixed32", id: 8 },
    traceId: { type: "bytes", id: 9 },
    spanId: { type: "bytes", id: 10 },
    eventName: { type: "string", id: 12 },
  }),
};

function partialSuccess(rejectedField: string): protobuf.IType {
  return message({ [rejectedField]: { type: "int64", id: 1 }, errorMessage: { type: "string", id: 2 } });
}

const collector = {
  trace: {
    ExportTraceServiceRequest: message({ resourceSpans: repeated(`${TRACE}.ResourceSpans`, 1) }),
    ExportTraceServiceResponse: message({
      partialSuccess: { type: ".opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess", id: 1 },
    }),
    ExportTracePartialSuccess: partialSuccess("rejectedSpans"),
  },
  metrics: {
    ExportMetricsServiceRequest: message({ resourceMetrics: repeated(`${METRICS}.ResourceMetrics`, 1) }),
    ExportMetricsServiceResponse: message({
      partialSuccess: {
        type: ".opentelemetry.proto.collector.metrics.v1.ExportMetricsPartialSuccess",
        id: 1,
      },
    }),
    ExportMetricsPartialSuccess: partialSuccess("rejectedDataPoints"),
  },
  logs: {
    ExportLogsServiceRequest: message({ resourceLogs: repeated(`${LOGS}.ResourceLogs`, 1) }),
    ExportLogsServiceResponse: message({
      partialSuccess: { type: ".opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess", id: 1 },
    }),
    ExportLogsPartialSuccess: partialSuccess("rejectedLogRecords"),
  },
};

// OTLP/HTTP error responses carry a google.rpc.Status in the request's encoding.
const rpc = {
  Status: message({ code: { type: "int32", id: 1 }, message: { type: "string", id: 2 } }),
};

const v1 = (types: Record<string, protobuf.AnyNestedObject>) => ({ nested: { v1: { nested: types } } });

const root = protobuf.Root.fromJSON({
  nested: {
    opentelemetry: {
      nested: {
        proto: {
          nested: {
            common: v1(common),
            resource: v1(resource),
            trace: v1(trace),
            metrics: v1(metrics),
            logs: v1(logs),
            collector: {
              nested: {
                trace: v1(collector.trace),
                metrics: v1(collector.metrics),
                logs: v1(collector.logs),
              },
            },
          },
        },
      },
    },
    google: { nested: { rpc: { nested: rpc } } },
  },
});

export const otlpTypes = {
  traceRequest: root.lookupType("opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest"),
  metricsRequest: root.lookupType("opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest"),
  logsRequest: root.lookupType("opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest"),
  traceResponse: root.lookupType("opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse"),
  metricsResponse: root.lookupType("opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse"),
  logsResponse: root.lookupType("opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse"),
  status: root.lookupType("google.rpc.Status"),
};
