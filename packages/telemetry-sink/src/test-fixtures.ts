// Small builders of normalized records for the unit tests.
import type { SinkLogRecord, SinkMetricPoint, SinkSpan } from "./model.ts";

export const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
export const BASE_NANOS = 1_700_000_000_000_000_000n;

/** A span starting `startMs` after BASE_NANOS and lasting `durationMs`. */
export function span(
  fields: Partial<SinkSpan> & { spanId: string; name: string },
  timing: { startMs?: number; durationMs?: number } = {},
): SinkSpan {
  const { startMs = 0, durationMs = 1 } = timing;
  const start = BASE_NANOS + BigInt(Math.round(startMs * 1_000_000));
  const end = start + BigInt(Math.round(durationMs * 1_000_000));
  const serviceName = fields.serviceName ?? "web";
  return {
    traceId: TRACE_ID,
    kind: "INTERNAL",
    startTimeUnixNano: start.toString(),
    endTimeUnixNano: end.toString(),
    durationMs,
    attributes: {},
    status: { code: "UNSET" },
    events: [],
    links: [],
    resource: { "service.name": serviceName },
    scope: { name: "test" },
    serviceName,
    ...fields,
  };
}

export function logRecord(fields: Partial<SinkLogRecord> = {}): SinkLogRecord {
  const serviceName = fields.serviceName ?? "web";
  return {
    timeUnixNano: BASE_NANOS.toString(),
    observedTimeUnixNano: BASE_NANOS.toString(),
    severityNumber: 9,
    severityText: "INFO",
    body: "hello",
    attributes: {},
    resource: { "service.name": serviceName },
    scope: { name: "test" },
    serviceName,
    ...fields,
  };
}

export function metricPoint(fields: Partial<SinkMetricPoint> = {}): SinkMetricPoint {
  const serviceName = fields.serviceName ?? "web";
  return {
    name: "http.server.request.duration",
    description: "",
    unit: "s",
    type: "gauge",
    attributes: {},
    resource: { "service.name": serviceName },
    serviceName,
    startTimeUnixNano: "0",
    timeUnixNano: BASE_NANOS.toString(),
    value: 1,
    ...fields,
  };
}
