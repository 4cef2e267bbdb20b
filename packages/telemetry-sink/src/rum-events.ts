// Coralogix browser RUM batches (the body of `POST /browser/v1beta/logs`) → SinkRumEvent records.
// @coralogix/browser sends `{ logs: [event, …], skip_enrichment_with_ip }`, each event a Coralogix
// log entry whose `text.cx_rum` holds the RUM context. Its shape varies by event type and SDK
// version, so extraction is lenient: every event is kept as sent, and a field that is missing or
// odd is left out rather than failing the batch.
import { asObject, firstStringAt, numberAt, stringAt, valueAt } from "./json-fields.ts";
import type { JsonObject } from "./json-fields.ts";
import type { SinkRumEvent } from "./model.ts";

/** The body is not a RUM batch at all (answered with 400). */
export class RumDecodeError extends Error {
  override name = "RumDecodeError";
}

/**
 * Where a trace id may be, most specific first: the SDK sets `traceId` when it maps an
 * OpenTelemetry span (network requests, custom spans); the rest are what other SDK versions and
 * hand-written senders use.
 */
const TRACE_ID_PATHS = [
  ["traceId"],
  ["trace_id"],
  ["network_request_context", "traceId"],
  ["network_request_context", "trace_id"],
] as const;
const SPAN_ID_PATHS = [
  ["spanId"],
  ["span_id"],
  ["network_request_context", "spanId"],
  ["network_request_context", "span_id"],
] as const;

/** version-traceid-parentid-flags, as a propagated request carries it. */
const TRACEPARENT = /^[\da-f]{2}-([\da-f]{32})-([\da-f]{16})-[\da-f]{2}/i;

/**
 * The event's `text.cx_rum`. Coralogix log entries may carry their text as a JSON string rather
 * than an object, so that is read too.
 */
export function cxRumOf(event: unknown): JsonObject | undefined {
  const text = valueAt(event, ["text"]);
  if (typeof text !== "string") return asObject(valueAt(text, ["cx_rum"]));
  try {
    return asObject(valueAt(JSON.parse(text), ["cx_rum"]));
  } catch {
    return undefined;
  }
}

/** The traceparent header of a network request, whatever the case of its name. */
function traceparentOf(rum: JsonObject | undefined): RegExpExecArray | undefined {
  const headers = asObject(valueAt(rum, ["network_request_context", "request_headers"]));
  if (!headers) return undefined;
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === "traceparent" && typeof value === "string") {
      return TRACEPARENT.exec(value.trim()) ?? undefined;
    }
  }
  return undefined;
}

/** Epoch milliseconds (as the SDK stamps events) → decimal nanoseconds; "0" for anything else. */
export function unixNanoFromMs(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms <= 0) return "0";
  const whole = Math.trunc(ms);
  return (BigInt(whole) * 1_000_000n + BigInt(Math.round((ms - whole) * 1_000_000))).toString();
}

/** Now, in decimal nanoseconds since the epoch. */
export function nowUnixNano(): string {
  return (BigInt(Date.now()) * 1_000_000n).toString();
}

/** Leaves out the fields an event did not have, rather than keeping them as undefined. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

/** What queries need from one event of a batch; `raw` is the event itself. */
export function rumEventOf(raw: unknown, observedTimeUnixNano: string): SinkRumEvent {
  const rum = cxRumOf(raw);
  const traceparent = traceparentOf(rum);
  const traceId =
    firstStringAt(rum, TRACE_ID_PATHS) ??
    stringAt(raw, ["instrumentation_data", "otelSpan", "traceId"]) ??
    traceparent?.[1];
  const spanId =
    firstStringAt(rum, SPAN_ID_PATHS) ??
    stringAt(raw, ["instrumentation_data", "otelSpan", "spanId"]) ??
    traceparent?.[2];
  return withoutUndefined({
    type: stringAt(rum, ["event_context", "type"]),
    severity: numberAt(raw, ["severity"]) ?? numberAt(rum, ["event_context", "severity"]),
    sessionId:
      stringAt(rum, ["session_context", "session_id"]) ??
      stringAt(raw, ["instrumentation_data", "otelSpan", "sessionId"]),
    traceId: traceId?.toLowerCase(),
    spanId: spanId?.toLowerCase(),
    pageUrl: stringAt(rum, ["page_context", "page_url"]),
    networkRequestUrl: stringAt(rum, ["network_request_context", "url"]),
    applicationName: stringAt(raw, ["applicationName"]) ?? stringAt(rum, ["version_metadata", "app_name"]),
    labels: { ...asObject(valueAt(rum, ["labels"])) },
    timeUnixNano: unixNanoFromMs(numberAt(raw, ["timestamp"]) ?? numberAt(rum, ["timestamp"])),
    observedTimeUnixNano,
    raw,
  });
}

/** A whole `/browser/v1beta/logs` body; RumDecodeError when it is not JSON or has no `logs` array. */
export function decodeRumLogs(body: Uint8Array, observedTimeUnixNano: string): SinkRumEvent[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString("utf8"));
  } catch (error) {
    throw new RumDecodeError(`invalid JSON RUM batch: ${(error as Error).message}`);
  }
  const logs = valueAt(parsed, ["logs"]);
  if (!Array.isArray(logs)) {
    throw new RumDecodeError(
      'a RUM batch must be a JSON object with a "logs" array ({ "logs": [...], "skip_enrichment_with_ip": … })',
    );
  }
  return logs.map((event: unknown) => rumEventOf(event, observedTimeUnixNano));
}
