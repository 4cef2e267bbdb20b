// Session-recording segments (the body of `POST /browser/alpha/sessionrecording`) → a
// SinkRumRecording. @coralogix/browser posts multipart/form-data with a `chunk` file (rrweb
// events, gzip-compressed) and a `metaData` JSON text naming the session and the segment. The sink
// keeps the metadata and the chunk's size, not the recording itself: it is there to show that
// recordings arrive, not to replay them.
import { isGzip } from "./content-encoding.ts";
import { asObject, firstStringAt, numberAt } from "./json-fields.ts";
import type { SinkRumRecording } from "./model.ts";
import { RumDecodeError } from "./rum-events.ts";

/** The SDK's `sessionId`, or the spellings of other senders. */
const SESSION_ID_PATHS = [["sessionId"], ["session_id"], ["session", "id"]] as const;

async function fieldText(form: FormData, name: string): Promise<string | undefined> {
  const value = form.get(name);
  if (value === null) return undefined;
  return typeof value === "string" ? value : value.text();
}

function parseMetadata(text: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new RumDecodeError(`the "metaData" field is not JSON: ${(error as Error).message}`);
  }
  const metadata = asObject(parsed);
  if (!metadata) throw new RumDecodeError('the "metaData" field must be a JSON object');
  return metadata;
}

/**
 * Parses the multipart body with the platform's own parser (undici's, behind Request.formData);
 * RumDecodeError when the body or its fields are not what the SDK sends.
 */
export async function decodeRumRecording(
  body: Uint8Array,
  contentType: string,
  observedTimeUnixNano: string,
): Promise<SinkRumRecording> {
  const request = new Request("http://sink/", {
    method: "POST",
    headers: { "content-type": contentType },
    // A copy on its own ArrayBuffer: what a fetch body accepts under every lib setting.
    body: new Uint8Array(body),
  });
  let form: FormData;
  try {
    // Deprecated for servers because it holds the whole body in memory; this body is already in
    // memory, and bounded by the sink's request size limit.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    form = await request.formData();
  } catch (error) {
    throw new RumDecodeError(`invalid multipart/form-data body: ${(error as Error).message}`);
  }

  const chunk = form.get("chunk");
  if (chunk === null) throw new RumDecodeError('the multipart body has no "chunk" field (the recording)');
  if (typeof chunk === "string") {
    // A text part has already been decoded as UTF-8, so its bytes are lost.
    throw new RumDecodeError('the "chunk" field must be a file part (the gzip-compressed recording)');
  }
  const metadataText = (await fieldText(form, "metaData")) ?? (await fieldText(form, "metadata"));
  if (metadataText === undefined) throw new RumDecodeError('the multipart body has no "metaData" field');
  const metadata = parseMetadata(metadataText);

  const sessionId = firstStringAt(metadata, SESSION_ID_PATHS);
  const segmentIndex = numberAt(metadata, ["segmentIndex"]) ?? numberAt(metadata, ["segment_index"]);
  return {
    ...(sessionId === undefined ? {} : { sessionId }),
    ...(segmentIndex === undefined ? {} : { segmentIndex }),
    metadata,
    chunkBytes: chunk.size,
    chunkIsGzip: isGzip(new Uint8Array(await chunk.slice(0, 2).arrayBuffer())),
    observedTimeUnixNano,
  };
}
