import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { RumDecodeError } from "./rum-events.ts";
import { SESSION_ID, recordingMetadata } from "./rum-fixtures.ts";
import { decodeRumRecording } from "./rum-recording.ts";

const OBSERVED = "1700000009000000000";
const GZIP_CHUNK = gzipSync(JSON.stringify([{ type: 4, data: { href: "http://localhost:3000/" } }]));

/** The bytes and Content-Type a browser's fetch would send for the form. */
async function encode(form: FormData): Promise<[Uint8Array, string]> {
  const request = new Request("http://sink/", { method: "POST", body: form });
  return [new Uint8Array(await request.arrayBuffer()), request.headers.get("content-type") ?? ""];
}

function form(fields: Record<string, string | Blob>): FormData {
  const result = new FormData();
  for (const [name, value] of Object.entries(fields)) result.append(name, value);
  return result;
}

async function decode(fields: Record<string, string | Blob>) {
  const [body, contentType] = await encode(form(fields));
  return decodeRumRecording(body, contentType, OBSERVED);
}

describe("session-recording segments", () => {
  it("keep the metadata and the chunk's size, not its bytes", async () => {
    const metadata = recordingMetadata(3);
    const recording = await decode({
      chunk: new Blob([GZIP_CHUNK], { type: "application/octet-stream" }),
      metaData: JSON.stringify(metadata),
    });
    expect(recording).toEqual({
      sessionId: SESSION_ID,
      segmentIndex: 3,
      metadata,
      chunkBytes: GZIP_CHUNK.byteLength,
      chunkIsGzip: true,
      observedTimeUnixNano: OBSERVED,
    });
  });

  it("tell a split segment's later chunks, which are not gzip streams on their own", async () => {
    const recording = await decode({
      chunk: new Blob([GZIP_CHUNK.subarray(4)]),
      metaData: JSON.stringify({ session_id: "s-1", segment_index: "2", subIndex: 1 }),
    });
    expect(recording).toMatchObject({
      sessionId: "s-1",
      segmentIndex: 2,
      chunkBytes: GZIP_CHUNK.byteLength - 4,
      chunkIsGzip: false,
    });
  });

  it("need no session id to be kept", async () => {
    const recording = await decode({ chunk: new Blob([]), metaData: "{}" });
    expect(recording).toEqual({
      metadata: {},
      chunkBytes: 0,
      chunkIsGzip: false,
      observedTimeUnixNano: OBSERVED,
    });
  });

  it("are refused when the body or its fields are not what the SDK sends", async () => {
    const chunk = new Blob([GZIP_CHUNK]);
    const metaData = JSON.stringify(recordingMetadata(0));
    const cases: [Record<string, string | Blob>, string][] = [
      [{ metaData }, 'the multipart body has no "chunk" field'],
      [{ chunk }, 'the multipart body has no "metaData" field'],
      [{ chunk, metaData: "{ sessionId" }, 'the "metaData" field is not JSON'],
      [{ chunk, metaData: "[1]" }, 'the "metaData" field must be a JSON object'],
      [{ chunk: "text", metaData }, 'the "chunk" field must be a file part'],
    ];
    for (const [fields, message] of cases) {
      await expect(decode(fields)).rejects.toThrow(RumDecodeError);
      await expect(decode(fields)).rejects.toThrow(message);
    }
    const garbage = decodeRumRecording(
      Buffer.from("not multipart"),
      "multipart/form-data; boundary=x",
      OBSERVED,
    );
    await expect(garbage).rejects.toThrow(/^invalid multipart\/form-data body: /);
  });
});
