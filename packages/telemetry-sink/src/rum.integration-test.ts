// The sink standing in for Coralogix's RUM ingress: requests shaped as @coralogix/browser sends
// them (through the storefront's proxy) are kept and answered through SinkClient, and what is not
// a RUM request is refused with a status that says why.
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SinkClient } from "./client.ts";
import { jsonText } from "./json-text.ts";
import {
  OTHER_SESSION_ID,
  RUM_TRACE_ID,
  SESSION_ID,
  clickEvent,
  errorEvent,
  networkRequestEvent,
  recordingMetadata,
  rumBatch,
  webVitalEvent,
} from "./rum-fixtures.ts";
import type { RunningSink } from "./server.ts";
import { startSink } from "./server.ts";

const MAX_REQUEST_BYTES = 64 * 1024;
const PUBLIC_KEY = "cxtp_PublicKeyThatMustNotBeStored";
/** What the SDK sends with every request. */
const SDK_HEADERS = { authorization: `Bearer ${PUBLIC_KEY}` };

/** A recording segment as the SDK posts it: the chunk as a gzip blob and its metaData as JSON text. */
function recordingForm(chunk: Uint8Array, metadata: unknown): FormData {
  const form = new FormData();
  form.append("chunk", new Blob([new Uint8Array(chunk)], { type: "application/octet-stream" }));
  form.append("metaData", JSON.stringify(metadata));
  return form;
}

describe("the sink's Coralogix browser RUM ingress", () => {
  let sink: RunningSink;
  let client: SinkClient;

  const post = (path: string, body: RequestInit["body"], headers: Record<string, string> = {}) =>
    fetch(`${sink.url}${path}`, { method: "POST", headers: { ...SDK_HEADERS, ...headers }, body });
  const postLogs = (body: RequestInit["body"], headers: Record<string, string> = {}) =>
    post("/browser/v1beta/logs", body, { "content-type": "application/json", ...headers });

  beforeAll(async () => {
    sink = await startSink({ limits: { maxRequestBytes: MAX_REQUEST_BYTES } });
    client = new SinkClient(sink.url);
  });
  afterAll(async () => {
    await sink.close();
  });
  beforeEach(async () => {
    await client.clear();
  });

  it("keeps batches of events, plain and gzip, and answers {}", async () => {
    const plain = await postLogs(JSON.stringify(rumBatch([clickEvent(0), networkRequestEvent(120)])));
    expect(plain.status).toBe(200);
    expect(plain.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await plain.json()).toEqual({});

    const otherSession = webVitalEvent(300);
    otherSession.text.cx_rum.session_context.session_id = OTHER_SESSION_ID;
    const gzip = await postLogs(gzipSync(JSON.stringify(rumBatch([errorEvent(200), otherSession]))), {
      "content-encoding": "gzip",
    });
    expect(gzip.status).toBe(200);
    expect(await gzip.json()).toEqual({});

    const events = await client.waitFor(
      () => client.rumEvents(),
      (found) => found.length === 4,
      { description: "four RUM events" },
    );
    expect(events.map((event) => event.type)).toEqual([
      "web-vitals",
      "error",
      "network-request",
      "user-interaction",
    ]);
    const request = events[2];
    expect(request).toMatchObject({
      type: "network-request",
      sessionId: SESSION_ID,
      traceId: RUM_TRACE_ID,
      networkRequestUrl: "http://localhost:3000/api/trpc/cart.add",
      applicationName: "storefront",
      labels: { team: "storefront" },
      timeUnixNano: "1700000000120000000",
      raw: networkRequestEvent(120),
    });
    expect(BigInt(request?.observedTimeUnixNano ?? "0")).toBeGreaterThan(1_700_000_000_000_000_000n);

    const bySession = await client.rumEvents({ session: SESSION_ID });
    expect(bySession.map((event) => event.type)).toEqual(["error", "network-request", "user-interaction"]);
    expect(await client.rumEvents({ trace: RUM_TRACE_ID, type: "network-request" })).toHaveLength(1);
    expect((await client.rumEvents({ type: "error", limit: 5 }))[0]?.severity).toBe(5);
    expect(await client.rumEvents({ session: SESSION_ID, limit: 1 })).toEqual([bySession[0]]);
    // The SDK's public key was accepted, and is nowhere in what the sink holds.
    expect(jsonText(await client.rumEvents())).not.toContain(PUBLIC_KEY);
  });

  it("keeps recording segments: metadata and chunk size", async () => {
    const chunk = gzipSync(JSON.stringify([{ type: 2, data: { node: {} }, timestamp: 1_700_000_000_000 }]));
    // The SDK labels the request gzip although only the chunk is compressed, not the multipart body.
    const response = await post(
      "/browser/alpha/sessionrecording",
      recordingForm(chunk, recordingMetadata(0)),
      {
        "content-encoding": "gzip",
      },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({});
    // A proxy that compresses the whole body is understood too.
    const form = new Request("http://sink/", {
      method: "POST",
      body: recordingForm(chunk.subarray(0, 10), recordingMetadata(1, OTHER_SESSION_ID)),
    });
    const compressed = await post("/browser/alpha/sessionrecording", gzipSync(await form.arrayBuffer()), {
      "content-type": form.headers.get("content-type") ?? "",
      "content-encoding": "gzip",
    });
    expect(compressed.status).toBe(200);

    const recordings = await client.waitFor(
      () => client.rumRecordings(),
      (found) => found.length === 2,
      { description: "two recording segments" },
    );
    expect(recordings.map((recording) => [recording.sessionId, recording.segmentIndex])).toEqual([
      [OTHER_SESSION_ID, 1],
      [SESSION_ID, 0],
    ]);
    expect(await client.rumRecordings({ session: SESSION_ID })).toEqual([
      {
        sessionId: SESSION_ID,
        segmentIndex: 0,
        metadata: recordingMetadata(0),
        chunkBytes: chunk.byteLength,
        chunkIsGzip: true,
        observedTimeUnixNano: recordings[1]?.observedTimeUnixNano,
      },
    ]);
    expect(recordings[0]?.chunkBytes).toBe(10);
    expect(await client.rumRecordings({ limit: 1 })).toEqual([recordings[0]]);
    expect(await client.stats()).toMatchObject({
      rumEvents: { held: 0, dropped: 0, capacity: 20_000 },
      rumRecordings: { held: 2, dropped: 0, capacity: 5_000 },
    });
  });

  describe("refuses", () => {
    const errorOf = async (response: Response) => ((await response.json()) as { error: string }).error;

    it("bodies that are not a RUM batch with 400", async () => {
      const malformed = await postLogs('{"logs": [');
      expect(malformed.status).toBe(400);
      expect(await errorOf(malformed)).toMatch(/^invalid JSON RUM batch: /);
      const noLogs = await postLogs(JSON.stringify({ events: [] }));
      expect(noLogs.status).toBe(400);
      expect(await errorOf(noLogs)).toContain('a RUM batch must be a JSON object with a "logs" array');
      const badGzip = await postLogs("{}", { "content-encoding": "gzip" });
      expect(badGzip.status).toBe(400);
      expect(await errorOf(badGzip)).toMatch(/^invalid gzip body/);
      expect(await client.rumEvents()).toEqual([]);
    });

    it("recordings without their fields, or not multipart, with 400 and 415", async () => {
      const noChunk = new FormData();
      noChunk.append("metaData", JSON.stringify(recordingMetadata(0)));
      const missing = await post("/browser/alpha/sessionrecording", noChunk);
      expect(missing.status).toBe(400);
      expect(await errorOf(missing)).toBe('the multipart body has no "chunk" field (the recording)');
      const broken = await post("/browser/alpha/sessionrecording", "--x\r\nnot really\r\n", {
        "content-type": "multipart/form-data; boundary=x",
      });
      expect(broken.status).toBe(400);
      expect(await errorOf(broken)).toMatch(/^invalid multipart\/form-data body: /);
      const json = await post("/browser/alpha/sessionrecording", "{}", {
        "content-type": "application/json",
      });
      expect(json.status).toBe(415);
      expect(await errorOf(json)).toBe(
        'unsupported Content-Type "application/json": session recordings are multipart/form-data',
      );
      expect(await client.rumRecordings()).toEqual([]);
    });

    it("bodies over the limit with 413, compressed or not", async () => {
      const big = JSON.stringify(rumBatch([{ padding: "x".repeat(MAX_REQUEST_BYTES) }]));
      const over = await postLogs(big);
      expect(over.status).toBe(413);
      expect(await errorOf(over)).toBe(`request body is larger than ${MAX_REQUEST_BYTES} bytes`);
      const bomb = await postLogs(gzipSync(big), { "content-encoding": "gzip" });
      expect(bomb.status).toBe(413);
      expect(await errorOf(bomb)).toBe(`gzip body inflates to more than ${MAX_REQUEST_BYTES} bytes`);
      const recording = await post(
        "/browser/alpha/sessionrecording",
        recordingForm(new Uint8Array(MAX_REQUEST_BYTES), recordingMetadata(0)),
      );
      expect(recording.status).toBe(413);
      expect(await client.stats()).toMatchObject({ rumEvents: { held: 0 }, rumRecordings: { held: 0 } });
    });

    it("other methods with 405, other encodings with 415 and bad query parameters with 400", async () => {
      const get = await fetch(`${sink.url}/browser/v1beta/logs`);
      expect(get.status).toBe(405);
      expect(get.headers.get("allow")).toBe("POST");
      const brotli = await postLogs("{}", { "content-encoding": "br" });
      expect(brotli.status).toBe(415);
      for (const [path, message] of [
        ["/api/rum/events?trace=abc", "trace must be 32 hex characters"],
        ["/api/rum/events?sesion=x", 'Unrecognized key: "sesion"'],
        ["/api/rum/recordings?limit=0", "limit must be at least 1"],
      ]) {
        const response = await fetch(`${sink.url}${path ?? ""}`);
        expect(response.status, path).toBe(400);
        expect(await errorOf(response), path).toContain(message);
      }
    });
  });
});

describe("a sink with small RUM windows", () => {
  it("drops the oldest events and segments and counts them", async () => {
    const sink = await startSink({ limits: { rumEvents: 2, rumRecordings: 1 } });
    try {
      const client = new SinkClient(sink.url);
      const batch = rumBatch([clickEvent(0), networkRequestEvent(1), webVitalEvent(2)]);
      const logs = await fetch(`${sink.url}/browser/v1beta/logs`, {
        method: "POST",
        body: JSON.stringify(batch),
      });
      expect(logs.status).toBe(200);
      for (const index of [0, 1]) {
        const response = await fetch(`${sink.url}/browser/alpha/sessionrecording`, {
          method: "POST",
          body: recordingForm(gzipSync("[]"), recordingMetadata(index)),
        });
        expect(response.status).toBe(200);
      }
      expect((await client.rumEvents()).map((event) => event.type)).toEqual([
        "web-vitals",
        "network-request",
      ]);
      expect((await client.rumRecordings()).map((recording) => recording.segmentIndex)).toEqual([1]);
      expect(await client.stats()).toMatchObject({
        rumEvents: { held: 2, dropped: 1, capacity: 2 },
        rumRecordings: { held: 1, dropped: 1, capacity: 1 },
      });
    } finally {
      await sink.close();
    }
  });
});
