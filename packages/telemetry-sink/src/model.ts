// The sink's normalized view of OTLP data: one flat record per span, log record and metric data
// point, each carrying its resource and service name, so that queries and tests never walk the
// resource → scope → item nesting of the wire format. Ids are lower-case hex, timestamps are
// nanoseconds since the epoch as decimal strings (they do not fit a double), attribute values are
// plain JSON values (int64 as a number when it is a safe integer, else as a decimal string).

export type SpanKindName = "INTERNAL" | "SERVER" | "CLIENT" | "PRODUCER" | "CONSUMER" | "UNSPECIFIED";

export type StatusCodeName = "UNSET" | "OK" | "ERROR";

export type Attributes = Record<string, unknown>;

export interface SinkScope {
  name: string;
  version?: string;
}

export interface SinkSpanEvent {
  name: string;
  timeUnixNano: string;
  attributes: Attributes;
}

export interface SinkSpanLink {
  traceId: string;
  spanId: string;
  attributes: Attributes;
}

export interface SinkSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: SpanKindName;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  durationMs: number;
  attributes: Attributes;
  status: { code: StatusCodeName; message?: string };
  events: SinkSpanEvent[];
  links: SinkSpanLink[];
  resource: Attributes;
  scope: SinkScope;
  serviceName: string;
}

export interface SinkLogRecord {
  timeUnixNano: string;
  observedTimeUnixNano: string;
  severityNumber: number;
  severityText: string;
  /** The decoded AnyValue body; null when the record has none. */
  body: unknown;
  attributes: Attributes;
  traceId?: string;
  spanId?: string;
  resource: Attributes;
  scope: SinkScope;
  serviceName: string;
}

export type MetricType = "sum" | "gauge" | "histogram" | "exponentialHistogram" | "summary";

export interface SinkMetricPoint {
  name: string;
  description: string;
  unit: string;
  type: MetricType;
  /** Only for sums. */
  monotonic?: boolean;
  attributes: Attributes;
  resource: Attributes;
  serviceName: string;
  startTimeUnixNano: string;
  timeUnixNano: string;
  /** Sums and gauges. */
  value?: number;
  /** Histograms, exponential histograms and summaries. */
  count?: number;
  sum?: number;
  min?: number;
  max?: number;
  /** Explicit-bucket histograms only: bucketCounts has one more entry than explicitBounds. */
  bucketCounts?: number[];
  explicitBounds?: number[];
}

/** One trace at a glance, as `GET /api/traces` lists them. */
export interface TraceSummary {
  traceId: string;
  /** The root span's name; without a root (not received yet), the earliest span whose parent is missing. */
  rootName: string;
  /** Services in the order they first appear (by start time). */
  services: string[];
  spanCount: number;
  /** From the earliest start to the latest end of the spans received. */
  durationMs: number;
  startTimeUnixNano: string;
  hasError: boolean;
}

export interface SinkTrace {
  traceId: string;
  /** Ordered by start time. */
  spans: SinkSpan[];
}

export interface MetricName {
  name: string;
  unit: string;
  type: MetricType;
  services: string[];
}

export interface SignalStats {
  held: number;
  /** Evicted because the window was full (oldest first). */
  dropped: number;
  capacity: number;
}

export interface SinkStats {
  spans: SignalStats & {
    /** Spans received again with a (traceId, spanId) already held, e.g. an exporter's retry. */
    duplicates: number;
  };
  logs: SignalStats;
  metrics: SignalStats;
  /** Distinct traces among the spans held. */
  traces: number;
}

export const SPAN_KINDS: readonly SpanKindName[] = [
  "UNSPECIFIED",
  "INTERNAL",
  "SERVER",
  "CLIENT",
  "PRODUCER",
  "CONSUMER",
];
