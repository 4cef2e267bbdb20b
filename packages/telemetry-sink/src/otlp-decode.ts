// OTLP export requests, protobuf or JSON bytes → the sink's normalized records. Both encodings
// become the same loosely typed message first (protobufjs objects use the OTLP/JSON field names),
// so one normalizer per signal serves both.
import type { SinkLogRecord, SinkMetricPoint, SinkSpan } from "./model.ts";
import { normalizeLogsRequest } from "./otlp-logs.ts";
import { normalizeMetricsRequest } from "./otlp-metrics.ts";
import { otlpTypes } from "./otlp-schema.ts";
import { normalizeTraceRequest } from "./otlp-traces.ts";
import { OtlpDecodeError } from "./otlp-values.ts";

export { OtlpDecodeError } from "./otlp-values.ts";

export type OtlpSignal = "traces" | "metrics" | "logs";
export type OtlpEncoding = "protobuf" | "json";

const requestTypes = {
  traces: otlpTypes.traceRequest,
  metrics: otlpTypes.metricsRequest,
  logs: otlpTypes.logsRequest,
};

/** The request as a plain message with OTLP/JSON field names. */
function parseRequest(signal: OtlpSignal, body: Uint8Array, encoding: OtlpEncoding): unknown {
  const type = requestTypes[signal];
  if (encoding === "json") {
    try {
      return JSON.parse(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString("utf8"));
    } catch (error) {
      throw new OtlpDecodeError(`invalid JSON ${type.name}: ${(error as Error).message}`);
    }
  }
  try {
    // 64-bit integers as decimal strings (as in OTLP/JSON), and only the fields that were sent.
    return type.toObject(type.decode(body), { longs: String, defaults: false });
  } catch (error) {
    throw new OtlpDecodeError(`invalid protobuf ${type.name}: ${(error as Error).message}`);
  }
}

export function decodeTraces(body: Uint8Array, encoding: OtlpEncoding): SinkSpan[] {
  return normalizeTraceRequest(parseRequest("traces", body, encoding));
}

export function decodeMetrics(body: Uint8Array, encoding: OtlpEncoding): SinkMetricPoint[] {
  return normalizeMetricsRequest(parseRequest("metrics", body, encoding));
}

export function decodeLogs(body: Uint8Array, encoding: OtlpEncoding): SinkLogRecord[] {
  return normalizeLogsRequest(parseRequest("logs", body, encoding));
}

const responseTypes = {
  traces: otlpTypes.traceResponse,
  metrics: otlpTypes.metricsResponse,
  logs: otlpTypes.logsResponse,
};

/** An empty Export*ServiceResponse (full success) in the request's encoding. */
export function encodeExportResponse(signal: OtlpSignal, encoding: OtlpEncoding): Uint8Array {
  if (encoding === "json") return Buffer.from("{}");
  const type = responseTypes[signal];
  return type.encode(type.create({})).finish();
}

/** A google.rpc.Status, which is what OTLP/HTTP servers answer failures with. */
export function encodeStatus(code: number, message: string, encoding: OtlpEncoding): Uint8Array {
  if (encoding === "json") return Buffer.from(JSON.stringify({ code, message }));
  return otlpTypes.status.encode(otlpTypes.status.create({ code, message })).finish();
}

export function decodeStatus(body: Uint8Array): { code: number; message: string } {
  const status = otlpTypes.status.toObject(otlpTypes.status.decode(body), { defaults: true });
  return { code: Number(status.code), message: String(status.message) };
}
