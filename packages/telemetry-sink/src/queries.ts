// What can be asked of the sink: the same filters in-process (SinkStore), over HTTP (query
// parameters) and through SinkClient.
import type { SpanKindName } from "./model.ts";

export type AttributeFilterValue = string | number | boolean;

export interface TraceQuery {
  /** Traces with at least one span from this service. */
  service?: string;
  /** How many of the newest traces (by start time); default 20. */
  limit?: number;
}

export interface SpanQuery {
  traceId?: string;
  service?: string;
  /** Exact span name. */
  name?: string;
  kind?: SpanKindName;
  /** Attribute equality: the attribute's value, as text, equals the given value as text. */
  attributes?: Record<string, AttributeFilterValue>;
  /** Only the most recently received matches. */
  limit?: number;
}

export interface LogQuery {
  traceId?: string;
  service?: string;
  /** Severity number (1-24); records below it (including unspecified, 0) are left out. */
  minSeverity?: number;
  /** Case-insensitive text the body contains (non-string bodies are searched as JSON). */
  contains?: string;
  limit?: number;
}

export interface MetricQuery {
  name?: string;
  service?: string;
  limit?: number;
}

export interface RumEventQuery {
  /** Exact event type (`event_context.type`), e.g. "network-request". */
  type?: string;
  /** Exact session id (`session_context.session_id`). */
  session?: string;
  /** Trace id (32 hex characters, any case) the event carries. */
  trace?: string;
  /** Only the newest matches. */
  limit?: number;
}

export interface RumRecordingQuery {
  session?: string;
  /** Only the most recently received matches. */
  limit?: number;
}

export const DEFAULT_TRACE_LIMIT = 20;
