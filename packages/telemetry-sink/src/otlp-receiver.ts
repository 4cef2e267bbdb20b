// OTLP/HTTP ingestion: POST /v1/traces, /v1/metrics, /v1/logs with protobuf or JSON bodies,
// optionally gzip-compressed. Answers as an OpenTelemetry Collector does: an empty
// Export*ServiceResponse on success and a google.rpc.Status on failure, both in the request's
// encoding.
import type { IncomingMessage, ServerResponse } from "node:http";
import { BodyTooLargeError, CorruptBodyError, contentCodingOf, decodeContent } from "./content-encoding.ts";
import { RequestAbortedError, readBody, sendBytes, sendError } from "./http-io.ts";
import {
  OtlpDecodeError,
  decodeLogs,
  decodeMetrics,
  decodeTraces,
  encodeExportResponse,
  encodeStatus,
} from "./otlp-decode.ts";
import type { ContentCoding } from "./content-encoding.ts";
import type { OtlpEncoding, OtlpSignal } from "./otlp-decode.ts";
import type { SinkStore } from "./store.ts";

export const OTLP_PATHS: Readonly<Record<string, OtlpSignal>> = {
  "/v1/traces": "traces",
  "/v1/metrics": "metrics",
  "/v1/logs": "logs",
};

const CONTENT_TYPES: Record<OtlpEncoding, string> = {
  protobuf: "application/x-protobuf",
  json: "application/json",
};

/** google.rpc.Code values. */
const INVALID_ARGUMENT = 3;
const RESOURCE_EXHAUSTED = 8;

function encodingOf(contentType: string | undefined): OtlpEncoding | undefined {
  const mediaType = (contentType ?? "").split(";")[0]?.trim().toLowerCase();
  if (mediaType === CONTENT_TYPES.protobuf) return "protobuf";
  if (mediaType === CONTENT_TYPES.json) return "json";
  return undefined;
}

function store(signal: OtlpSignal, body: Buffer, encoding: OtlpEncoding, sink: SinkStore): void {
  switch (signal) {
    case "traces":
      sink.addSpans(decodeTraces(body, encoding));
      return;
    case "metrics":
      sink.addMetricPoints(decodeMetrics(body, encoding));
      return;
    case "logs":
      sink.addLogRecords(decodeLogs(body, encoding));
      return;
  }
}

export async function receiveOtlp(
  request: IncomingMessage,
  response: ServerResponse,
  signal: OtlpSignal,
  sink: SinkStore,
  maxBodyBytes: number,
): Promise<void> {
  const encoding = encodingOf(request.headers["content-type"]);
  if (!encoding) {
    request.resume();
    sendError(
      response,
      415,
      `unsupported Content-Type "${request.headers["content-type"] ?? ""}": OTLP/HTTP takes application/x-protobuf or application/json`,
    );
    return;
  }
  let coding: ContentCoding;
  try {
    coding = contentCodingOf(request.headers["content-encoding"]);
  } catch (error) {
    request.resume();
    sendError(response, 415, (error as Error).message);
    return;
  }
  const fail = (status: number, code: number, message: string) => {
    sendBytes(response, status, CONTENT_TYPES[encoding], encodeStatus(code, message, encoding));
  };
  try {
    const raw = await readBody(request, maxBodyBytes);
    const body = await decodeContent(raw, coding, maxBodyBytes);
    store(signal, body, encoding, sink);
    sendBytes(response, 200, CONTENT_TYPES[encoding], encodeExportResponse(signal, encoding));
  } catch (error) {
    if (error instanceof RequestAbortedError) return;
    if (error instanceof BodyTooLargeError) fail(413, RESOURCE_EXHAUSTED, error.message);
    else if (error instanceof OtlpDecodeError || error instanceof CorruptBodyError) {
      fail(400, INVALID_ARGUMENT, error.message);
    } else throw error;
  }
}
