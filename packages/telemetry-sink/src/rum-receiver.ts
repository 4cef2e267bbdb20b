// Coralogix browser RUM ingestion, standing in for Coralogix's RUM ingress on the same paths:
// POST /browser/v1beta/logs (a JSON batch of events) and POST /browser/alpha/sessionrecording
// (a multipart recording segment). The storefront's RUM proxy forwards @coralogix/browser's
// requests here when no Coralogix account is configured. Answers `{}` on success, as the SDK only
// looks at the status, and `{ "error": … }` otherwise. The Authorization header the SDK sends
// (its public key) is accepted and never looked at, let alone stored.
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  BodyTooLargeError,
  CorruptBodyError,
  contentCodingOf,
  decodeContent,
  isGzip,
} from "./content-encoding.ts";
import type { ContentCoding } from "./content-encoding.ts";
import { RequestAbortedError, readBody, sendError, sendJson } from "./http-io.ts";
import { RumDecodeError, decodeRumLogs, nowUnixNano } from "./rum-events.ts";
import { decodeRumRecording } from "./rum-recording.ts";
import type { SinkStore } from "./store.ts";

export type RumEndpoint = "events" | "recording";

export const RUM_PATHS: Readonly<Record<string, RumEndpoint>> = {
  "/browser/v1beta/logs": "events",
  "/browser/alpha/sessionrecording": "recording",
};

function isMultipart(contentType: string | undefined): boolean {
  return (contentType ?? "").split(";")[0]?.trim().toLowerCase() === "multipart/form-data";
}

async function store(
  endpoint: RumEndpoint,
  raw: Buffer,
  coding: ContentCoding,
  contentType: string | undefined,
  sink: SinkStore,
  maxBodyBytes: number,
): Promise<void> {
  const observed = nowUnixNano();
  if (endpoint === "events") {
    // Any Content-Type: the SDK sends application/json, but a beacon or a proxy may say otherwise.
    sink.addRumEvents(decodeRumLogs(await decodeContent(raw, coding, maxBodyBytes), observed));
    return;
  }
  // The SDK labels its recording requests `Content-Encoding: gzip` although the multipart body is
  // sent as is (only the chunk inside it is compressed), so only a body that is gzip is inflated.
  const body = coding === "gzip" && isGzip(raw) ? await decodeContent(raw, coding, maxBodyBytes) : raw;
  sink.addRumRecordings([await decodeRumRecording(body, contentType ?? "", observed)]);
}

export async function receiveRum(
  request: IncomingMessage,
  response: ServerResponse,
  endpoint: RumEndpoint,
  sink: SinkStore,
  maxBodyBytes: number,
): Promise<void> {
  const contentType = request.headers["content-type"];
  if (endpoint === "recording" && !isMultipart(contentType)) {
    request.resume();
    sendError(
      response,
      415,
      `unsupported Content-Type "${contentType ?? ""}": session recordings are multipart/form-data`,
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
  try {
    const raw = await readBody(request, maxBodyBytes);
    await store(endpoint, raw, coding, contentType, sink, maxBodyBytes);
    sendJson(response, 200, {});
  } catch (error) {
    if (error instanceof RequestAbortedError) return;
    if (error instanceof BodyTooLargeError) sendError(response, 413, error.message);
    else if (error instanceof RumDecodeError || error instanceof CorruptBodyError) {
      sendError(response, 400, error.message);
    } else throw error;
  }
}
