// The sink's normalized view of OTLP data: one flat record per span, log record and metric data
// point, each carrying its resource and service name, so that queries and tests never walk the
// resource → scope → item nesting of the wire format. Ids are lower-case hex, timestamps are
// nanoseconds since the epoch as decimal strings (they do not fit a double), attribute values are
// plain JSON values (int64 as a number when it is a safe integer, else as a decimal string).
// Coralogix browser RUM data, which is not OTLP, is kept as sent with the fields queries need
// pulled out beside it.

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

/**
 * One event of a @coralogix/browser RUM batch (`POST /browser/v1beta/logs`). The SDK's events
 * vary by type and version, so each field is extracted only when present and `raw` keeps the event
 * exactly as sent.
 */
export interface SinkRumEvent {
  /** `event_context.type`: "network-request", "web-vitals", "user-interaction", "error", …. */
  type?: string;
  /** Coralogix severity: 1 debug, 2 verbose, 3 info, 4 warning, 5 error, 6 critical. */
  severity?: number;
  sessionId?: string;
  /** Lower-case, as the trace ids of spans. */
  traceId?: string;
  spanId?: string;
  pageUrl?: string;
  /** Network requests only: the URL the page requested. */
  networkRequestUrl?: string;
  /** Custom labels (`cx_rum.labels`); empty when the event has none. */
  labels: Record<string, unknown>;
  applicationName?: string;
  /** The event's timestamp (epoch milliseconds in the SDK) in nanoseconds; "0" when it has none. */
  timeUnixNano: string;
  /** When the sink received it, in nanoseconds since the epoch. */
  observedTimeUnixNano: string;
  /** The event as sent. */
  raw: unknown;
}

/**
 * One session-recording segment (`POST /browser/alpha/sessionrecording`): its metadata and the
 * size of its chunk. The recording bytes themselves are not kept.
 */
export interface SinkRumRecording {
  sessionId?: string;
  /** The segment's place in the session's recording (`segmentIndex`). */
  segmentIndex?: number;
  /** The `metaData` field as sent. */
  metadata: Record<string, unknown>;
  chunkBytes: number;
  /**
   * Whether the chunk starts with the gzip magic bytes. A segment too large for one request is
   * split into several chunks, and only the first of them starts like a gzip stream.
   */
  chunkIsGzip: boolean;
  /** When the sink received it, in nanoseconds since the epoch. */
  observedTimeUnixNano: string;
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
  rumEvents: SignalStats;
  rumRecordings: SignalStats;
}

export const SPAN_KINDS: readonly SpanKindName[] = [
  "UNSPECIFIED",
  "INTERNAL",
  "SERVER",
  "CLIENT",
  "PRODUCER",
  "CONSUMER",
];
