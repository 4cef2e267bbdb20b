// The RUM proxy (/api/rum) is no open relay: what it refuses (foreign hosts, oversized bodies,
// methods other than POST) is refused before anything is sent anywhere. The proof: the refused
// requests carry a RUM batch marked with a session id of their own, and with no Coralogix key the
// proxy's only upstream is the local sink, so whatever it forwarded would show up there under that
// id. A control request that is allowed shows the marker does arrive when forwarded. One refused
// target is the sink's own address: a proxy that forwarded it would hand the marker straight over.
import { randomUUID } from "node:crypto";
import { SinkClient } from "@shop/telemetry-sink";
import { describe, expect, inject, it } from "vitest";

const INGRESS = "https://ingress.eu1.rum-ingress-coralogix.com/browser/v1beta/logs";
// The storefront's RUM_PROXY_MAX_BODY_BYTES default; the demo does not set it.
const MAX_BODY_BYTES = 2 * 1024 * 1024;

function markedBatch(sessionId: string, padding = 0) {
  const now = Date.now();
  return JSON.stringify({
    logs: [
      {
        severity: 3,
        timestamp: now,
        text: {
          cx_rum: {
            timestamp: now,
            session_context: { session_id: sessionId },
            event_context: { type: "custom", severity: 3 },
            padding: "x".repeat(padding),
          },
        },
      },
    ],
    skip_enrichment_with_ip: true,
  });
}

function proxyUrl(target: string) {
  const url = new URL("/api/rum", inject("webUrl"));
  url.searchParams.set("cxforward", target);
  return url;
}

function post(target: string, body: BodyInit, init: RequestInit = {}) {
  return fetch(proxyUrl(target), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    ...init,
  });
}

/** A body that arrives in pieces with no Content-Length, so the cap must hold while reading. */
function streamed(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  const piece = 64 * 1024;
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.subarray(offset, offset + piece));
      offset += piece;
    },
  });
}

describe("the RUM proxy refuses, and sends nothing for what it refuses", () => {
  const sink = new SinkClient(inject("sinkUrl"));
  const refused = `refused-${randomUUID()}`;

  it("foreign hosts, including the machine's own services (403)", async () => {
    const sinkIngress = new URL("/browser/v1beta/logs", inject("sinkUrl")).toString();
    for (const target of [
      "https://example.com/browser/v1beta/logs",
      "https://ingress.eu1.rum-ingress-coralogix.com.evil.example/browser/v1beta/logs",
      "https://evil.example/ingress.eu1.rum-ingress-coralogix.com/browser/v1beta/logs",
      "https://user@ingress.eu1.rum-ingress-coralogix.com@evil.example/browser/v1beta/logs",
      sinkIngress,
      "http://169.254.169.254/latest/meta-data/",
    ]) {
      const response = await post(target, markedBatch(refused));
      expect(response.status, target).toBe(403);
      await response.body?.cancel();
    }
  });

  it("bodies over the cap (413), whether announced by Content-Length or streamed", async () => {
    const oversized = markedBatch(refused, MAX_BODY_BYTES);
    expect(Buffer.byteLength(oversized)).toBeGreaterThan(MAX_BODY_BYTES);
    const announced = await post(INGRESS, oversized);
    expect(announced.status).toBe(413);
    await announced.body?.cancel();
    const chunked = await post(INGRESS, streamed(oversized), { duplex: "half" } as RequestInit);
    expect(chunked.status).toBe(413);
    await chunked.body?.cancel();
  });

  it("methods other than POST (405, with Allow: POST)", async () => {
    for (const method of ["GET", "PUT", "DELETE", "PATCH"]) {
      const response = await fetch(proxyUrl(INGRESS), {
        method,
        headers: { "content-type": "application/json" },
        ...(method === "GET" ? {} : { body: markedBatch(refused) }),
      });
      expect(response.status, method).toBe(405);
      expect(response.headers.get("allow") ?? "no Allow header", method).toMatch(/^POST\b/);
      await response.body?.cancel();
    }
  });

  it("while an allowed batch sent after them arrives, and none of the refused ones did", async () => {
    const allowed = `allowed-${randomUUID()}`;
    const response = await post(INGRESS, markedBatch(allowed));
    expect(response.status).toBe(204);
    // The proxy answers only after its upstream call, so once the allowed batch is in the sink,
    // every earlier request (all answered before it was sent) has had its chance to arrive.
    await sink.waitFor(
      () => sink.rumEvents({ session: allowed }),
      (events) => events.length === 1,
      { timeoutMs: 10_000, description: "the allowed batch in the sink" },
    );
    expect(await sink.rumEvents({ session: refused })).toEqual([]);
  });
});
