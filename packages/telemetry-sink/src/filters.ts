// Predicates and orderings behind the query API, kept apart from storage so they are easy to test.
import { jsonText } from "./json-text.ts";
import type { SinkLogRecord, SinkMetricPoint, SinkRumEvent, SinkRumRecording, SinkSpan } from "./model.ts";
import type {
  AttributeFilterValue,
  LogQuery,
  MetricQuery,
  RumEventQuery,
  RumRecordingQuery,
  SpanQuery,
} from "./queries.ts";

/** Orders decimal nanosecond strings (no leading zeros) without converting them to numbers. */
export function compareUnixNano(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function byStartTime(a: SinkSpan, b: SinkSpan): number {
  return compareUnixNano(a.startTimeUnixNano, b.startTimeUnixNano);
}

/** A record's own timestamp, or when it was observed when the sender set none ("0"). */
export function logTime(record: SinkLogRecord): string {
  return record.timeUnixNano === "0" ? record.observedTimeUnixNano : record.timeUnixNano;
}

export function byLogTime(a: SinkLogRecord, b: SinkLogRecord): number {
  return compareUnixNano(logTime(a), logTime(b));
}

/** Attribute values as the text a query parameter would carry. */
export function attributeText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return jsonText(value);
}

function attributesMatch(
  attributes: Record<string, unknown>,
  expected: Record<string, AttributeFilterValue> | undefined,
): boolean {
  if (!expected) return true;
  for (const [key, value] of Object.entries(expected)) {
    if (!Object.hasOwn(attributes, key) || attributeText(attributes[key]) !== String(value)) return false;
  }
  return true;
}

export function spanMatches(span: SinkSpan, query: SpanQuery): boolean {
  return (
    (query.traceId === undefined || span.traceId === query.traceId.toLowerCase()) &&
    (query.service === undefined || span.serviceName === query.service) &&
    (query.name === undefined || span.name === query.name) &&
    (query.kind === undefined || span.kind === query.kind) &&
    attributesMatch(span.attributes, query.attributes)
  );
}

function bodyText(body: unknown): string {
  return typeof body === "string" ? body : jsonText(body);
}

export function logMatches(record: SinkLogRecord, query: LogQuery): boolean {
  return (
    (query.traceId === undefined || record.traceId === query.traceId.toLowerCase()) &&
    (query.service === undefined || record.serviceName === query.service) &&
    (query.minSeverity === undefined || record.severityNumber >= query.minSeverity) &&
    (query.contains === undefined ||
      bodyText(record.body).toLowerCase().includes(query.contains.toLowerCase()))
  );
}

export function metricMatches(point: SinkMetricPoint, query: MetricQuery): boolean {
  return (
    (query.name === undefined || point.name === query.name) &&
    (query.service === undefined || point.serviceName === query.service)
  );
}

/** A RUM event's own timestamp, or when it was received when it has none ("0"). */
export function rumEventTime(event: SinkRumEvent): string {
  return event.timeUnixNano === "0" ? event.observedTimeUnixNano : event.timeUnixNano;
}

export function rumEventMatches(event: SinkRumEvent, query: RumEventQuery): boolean {
  return (
    (query.type === undefined || event.type === query.type) &&
    (query.session === undefined || event.sessionId === query.session) &&
    (query.trace === undefined || event.traceId === query.trace.toLowerCase())
  );
}

export function rumRecordingMatches(recording: SinkRumRecording, query: RumRecordingQuery): boolean {
  return query.session === undefined || recording.sessionId === query.session;
}

/**
 * Events in arrival order → newest first. Browsers batch and retry, so arrival order is not event
 * order; events of the same time stay newest received first.
 */
export function newestRumEventsFirst(events: SinkRumEvent[]): SinkRumEvent[] {
  return events.reverse().sort((a, b) => compareUnixNano(rumEventTime(b), rumEventTime(a)));
}

/** The last `limit` items (the most recently received), or all of them. */
export function newest<T>(items: T[], limit: number | undefined): T[] {
  return limit === undefined || items.length <= limit ? items : items.slice(items.length - limit);
}
