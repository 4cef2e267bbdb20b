// Reading request bodies with a size limit and writing responses.
import type { IncomingMessage, ServerResponse } from "node:http";
import { BodyTooLargeError } from "./content-encoding.ts";

/** Past this many times the limit the sender is not worth draining: the connection is cut. */
const DRAIN_FACTOR = 4;

/** The client went away (or was cut off) before sending its whole body: there is no one to answer. */
export class RequestAbortedError extends Error {
  override name = "RequestAbortedError";
}

/**
 * The whole body, or BodyTooLargeError once it exceeds maxBytes. An oversized body is still read
 * (and discarded) to its end, so the client finishes sending and then reads the 413 instead of
 * seeing its connection reset mid-upload.
 */
export function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = Number(request.headers["content-length"] ?? 0) > maxBytes;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        tooLarge = true;
        chunks.length = 0;
      }
      if (!tooLarge) chunks.push(chunk);
      else if (size > maxBytes * DRAIN_FACTOR) request.destroy();
    });
    request.on("end", () => {
      if (tooLarge) reject(new BodyTooLargeError(`request body is larger than ${maxBytes} bytes`));
      else resolve(Buffer.concat(chunks, size));
    });
    // "close" also follows a complete body, when settling again is a no-op; an "error" (the client
    // reset the connection) must be listened to, or it would crash the process.
    const aborted = () => {
      reject(new RequestAbortedError("the client closed the request before its body ended"));
    };
    request.on("close", aborted);
    request.on("error", aborted);
  });
}

export function sendBytes(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: Uint8Array,
  headers: Record<string, string> = {},
): void {
  if (response.headersSent || response.destroyed) return;
  response.writeHead(status, { ...headers, "content-type": contentType, "content-length": body.byteLength });
  response.end(body);
}

export function sendJson(
  response: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  sendBytes(response, status, "application/json; charset=utf-8", Buffer.from(JSON.stringify(value)), headers);
}

export function sendError(
  response: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  sendJson(response, status, { error: message }, headers);
}
