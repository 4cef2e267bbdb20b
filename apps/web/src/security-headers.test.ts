// Covers the storefront's Content-Security-Policy and the other security headers.
import { describe, expect, it } from "vitest";
import { RUM_WORKER_SCRIPT_URLS, contentSecurityPolicy, securityHeaders } from "./security-headers.ts";

const NONCE = "bm9uY2UtMTIzNA==";

/** The CSP as directive name -> its sources. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(";").map((directive) => {
      const [name = "", ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe("contentSecurityPolicy", () => {
  const csp = directives(contentSecurityPolicy(NONCE, { https: true }));

  it("allows scripts from self, by this request's nonce, and the replay worker's two CDN files only", () => {
    const scripts = csp.get("script-src");
    expect(scripts).toContain("'self'");
    expect(scripts).toContain(`'nonce-${NONCE}'`);
    expect(RUM_WORKER_SCRIPT_URLS).toEqual([
      "https://cdn.rum-ingress-coralogix.com/coralogix/browser/latest/pako_deflate.es5.min.js",
      "https://cdnjs.cloudflare.com/ajax/libs/pako/2.1.0/pako_deflate.es5.min.js",
    ]);
    for (const host of RUM_WORKER_SCRIPT_URLS) expect(scripts).toContain(host);
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(scripts).toHaveLength(4);
  });

  it("puts a different nonce in each policy", () => {
    expect(contentSecurityPolicy("other", { https: true })).toContain("'nonce-other'");
    expect(contentSecurityPolicy("other", { https: true })).not.toContain(NONCE);
  });

  it("lets the replay recorder run in a blob: worker and sends data only to our own origin", () => {
    expect(csp.get("worker-src")).toEqual(["'self'", "blob:"]);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
  });

  it("locks down plugins, framing, base and forms", () => {
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
  });

  it("upgrades insecure requests only over https", () => {
    expect(csp.has("upgrade-insecure-requests")).toBe(true);
    expect(directives(contentSecurityPolicy(NONCE, { https: false })).has("upgrade-insecure-requests")).toBe(
      false,
    );
  });
});

describe("securityHeaders", () => {
  it("sends the CSP and the other headers", () => {
    const headers = securityHeaders(NONCE, { https: false });
    expect(headers["Content-Security-Policy"]).toBe(contentSecurityPolicy(NONCE, { https: false }));
    expect(headers).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "Cross-Origin-Opener-Policy": "same-origin",
    });
    expect(headers["Permissions-Policy"]).toContain("camera=()");
    expect(headers["Permissions-Policy"]).toContain("microphone=()");
    expect(headers["Permissions-Policy"]).toContain("geolocation=()");
  });

  it("sends HSTS only over https", () => {
    expect(securityHeaders(NONCE, { https: false })).not.toHaveProperty("Strict-Transport-Security");
    expect(securityHeaders(NONCE, { https: true })["Strict-Transport-Security"]).toMatch(
      /^max-age=31536000\b/,
    );
  });
});
