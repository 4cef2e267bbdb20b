// Request bodies under Content-Encoding: identity or gzip (what OTLP exporters send). The size
// limit applies after decompression too, so a small gzip bomb cannot exhaust memory.
import { gunzip } from "node:zlib";

export class UnsupportedEncodingError extends Error {
  override name = "UnsupportedEncodingError";
}

export class BodyTooLargeError extends Error {
  override name = "BodyTooLargeError";
}

export class CorruptBodyError extends Error {
  override name = "CorruptBodyError";
}

export type ContentCoding = "identity" | "gzip";

/** The body's coding from its Content-Encoding header; UnsupportedEncodingError for anything else. */
export function contentCodingOf(header: string | undefined): ContentCoding {
  const coding = (header ?? "").trim().toLowerCase();
  if (coding === "" || coding === "identity") return "identity";
  if (coding === "gzip" || coding === "x-gzip") return "gzip";
  throw new UnsupportedEncodingError(`unsupported Content-Encoding "${coding}": send gzip or no encoding`);
}

/** Whether the bytes start with the gzip magic number (1f 8b), whatever the headers claim. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

export async function decodeContent(body: Buffer, coding: ContentCoding, maxBytes: number): Promise<Buffer> {
  if (coding === "identity") return body;
  return new Promise((resolve, reject) => {
    gunzip(body, { maxOutputLength: maxBytes }, (error, result) => {
      if (!error) resolve(result);
      else if (
        (error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" ||
        error instanceof RangeError
      ) {
        reject(new BodyTooLargeError(`gzip body inflates to more than ${maxBytes} bytes`));
      } else reject(new CorruptBodyError(`invalid gzip body: ${error.message}`));
    });
  });
}
