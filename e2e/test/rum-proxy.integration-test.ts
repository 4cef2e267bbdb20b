// The RUM proxy is no open relay: only POSTs to Coralogix's RUM ingress hosts, within a size cap.
import { describe, expect, inject, it } from "vitest";

const ingress = "https://ingress.eu1.rum-ingress-coralogix.com/browser/v1beta/logs";

function proxy(cxforward: string | null, init: RequestInit = {}) {
  const url = new URL("/api/rum", inject("webUrl"));
  if (cxforward !== null) url.searchParams.set("cxforward", cxforward);
  return fetch(url, { method: "POST", headers: { "content-type": "application/json" }, ...init });
}

describe("the RUM proxy", () => {
  it("forwards a RUM batch for a Coralogix ingress host", async () => {
    const response = await proxy(ingress, {
      body: JSON.stringify({ logs: [], skip_enrichment_with_ip: true }),
    });
    expect(response.status).toBe(204);
  });

  it("refuses any other forward target", async () => {
    for (const target of [
      "https://example.com/browser/v1beta/logs",
      "https://ingress.eu1.rum-ingress-coralogix.com.evil.example/browser/v1beta/logs",
      "http://ingress.eu1.rum-ingress-coralogix.com/browser/v1beta/logs",
      "https://ingress.eu1.rum-ingress-coralogix.com/api/v1/logs",
      "https://127.0.0.1:4318/browser/v1beta/logs",
    ]) {
      const response = await proxy(target, { body: "{}" });
      expect(response.status, target).toBe(403);
    }
    expect((await proxy(null, { body: "{}" })).status).toBe(400);
    expect((await proxy("not a url", { body: "{}" })).status).toBe(400);
  });

  it("refuses oversized bodies and methods other than POST", async () => {
    const tooBig = new Uint8Array(3 * 1024 * 1024);
    expect((await proxy(ingress, { body: tooBig })).status).toBe(413);
    for (const method of ["GET", "PUT", "DELETE"]) {
      const url = new URL("/api/rum", inject("webUrl"));
      url.searchParams.set("cxforward", ingress);
      expect((await fetch(url, { method })).status, method).toBe(405);
    }
  });

  it("answers with the security headers, CSP included", async () => {
    const response = await fetch(inject("webUrl"));
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("x-powered-by")).toBeNull();
    // Next puts the same nonce on its own inline scripts.
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(await response.text()).toContain(`nonce="${nonce ?? "missing"}"`);
  });

  it("has liveness and readiness endpoints for Kubernetes", async () => {
    expect((await fetch(new URL("/api/healthz", inject("webUrl")))).status).toBe(200);
    const ready = await fetch(new URL("/api/readyz", inject("webUrl")));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true });
  });
});
