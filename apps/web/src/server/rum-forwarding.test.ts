// Covers the RUM proxy's rules: which cxforward targets are allowed, where they go, and the client IP.
import { describe, expect, it } from "vitest";
import { clientIp, destinationFor, parseForwardTarget } from "./rum-forwarding.ts";

// Every region of @coralogix/browser's CoralogixDomainsApiUrlMap, and the paths the SDK posts to.
const REGIONS = ["eu1", "eu2", "us1", "us2", "us3", "ap1", "ap2", "ap3", "staging"];
const PATHS = ["/browser/v1beta/logs", "/browser/alpha/sessionrecording"];
const LOGS = "https://ingress.eu1.rum-ingress-coralogix.com/browser/v1beta/logs";

function refusal(cxforward: string | null) {
  const target = parseForwardTarget(cxforward);
  return target.ok ? "accepted" : target.status;
}

describe("parseForwardTarget", () => {
  it("accepts every region's ingress host with the logs and session-recording paths", () => {
    for (const region of REGIONS) {
      for (const path of PATHS) {
        const url = `https://ingress.${region}.rum-ingress-coralogix.com${path}`;
        const target = parseForwardTarget(url);
        expect(target.ok ? target.url.toString() : target.message).toBe(url);
      }
    }
  });

  it("accepts the URL exactly as the SDK sends it, percent-encoded in the query", () => {
    const proxied = new URL(`https://shop.example/api/rum?cxforward=${encodeURIComponent(LOGS)}`);
    expect(refusal(proxied.searchParams.get("cxforward"))).toBe("accepted");
  });

  it("answers 400 when cxforward is missing or not a URL", () => {
    expect(refusal(null)).toBe(400);
    expect(refusal("")).toBe(400);
    expect(refusal("not a url")).toBe(400);
    expect(refusal("//ingress.eu1.rum-ingress-coralogix.com/browser/v1beta/logs")).toBe(400);
  });

  it("answers 403 to other schemes, userinfo and explicit ports", () => {
    expect(refusal(LOGS.replace("https:", "http:"))).toBe(403);
    expect(refusal(LOGS.replace("https:", "wss:"))).toBe(403);
    expect(refusal("https://user:pass@ingress.eu1.rum-ingress-coralogix.com/browser/v1beta/logs")).toBe(403);
    expect(refusal("https://ingress.eu1.rum-ingress-coralogix.com@evil.example/browser/v1beta/logs")).toBe(
      403,
    );
    expect(refusal("https://ingress.eu1.rum-ingress-coralogix.com:8443/browser/v1beta/logs")).toBe(403);
  });

  it("answers 403 to foreign and look-alike hosts", () => {
    for (const host of [
      "evil.example",
      "ingress.eu1.rum-ingress-coralogix.com.evil.example",
      "evil.ingress.eu1.rum-ingress-coralogix.com",
      "ingress.eu1.rum-ingress-coralogix.com.",
      "ingress.eu9.rum-ingress-coralogix.com",
      "ingress.eu1.rum-ingress-coralogix.co",
      "ingressXeu1.rum-ingress-coralogix.com",
      "cdn.rum-ingress-coralogix.com",
      "ingress.eu1.rum-ingress-coralogіx.com", // Cyrillic "і": punycode, not the real host
    ]) {
      expect(refusal(`https://${host}/browser/v1beta/logs`), host).toBe(403);
    }
    expect(refusal("https://evil.example/ingress.eu1.rum-ingress-coralogix.com/browser/v1beta/logs")).toBe(
      403,
    );
  });

  it("answers 403 to paths other than the RUM ingress paths", () => {
    const host = "https://ingress.eu1.rum-ingress-coralogix.com";
    for (const path of [
      "/",
      "/browser/v1beta/logs/",
      "/browser/v1beta/traces",
      "/browser/logs",
      "/browser/v1/beta/logs",
      "/browser/V1beta/logs",
      "/api/v1/logs",
      "/browser/v1beta/logs/../../../admin",
    ]) {
      expect(refusal(host + path), path).toBe(403);
    }
  });

  it("says why it refused", () => {
    const target = parseForwardTarget("https://evil.example/browser/v1beta/logs");
    expect(target).toEqual({
      ok: false,
      status: 403,
      message: "refusing to forward to evil.example: not a Coralogix RUM ingress",
    });
  });
});

describe("destinationFor", () => {
  const target = new URL("https://ingress.us2.rum-ingress-coralogix.com/browser/alpha/sessionrecording");

  it("goes to Coralogix, with the key, when a key is set (even with a sink)", () => {
    expect(destinationFor(target, { publicKey: "cxtp_key", sinkUrl: "http://localhost:4319" })).toEqual({
      kind: "coralogix",
      url: target.toString(),
      publicKey: "cxtp_key",
    });
  });

  it("goes to the local sink with the same path when there is no key", () => {
    expect(destinationFor(target, { publicKey: undefined, sinkUrl: "http://localhost:4319" })).toEqual({
      kind: "sink",
      url: "http://localhost:4319/browser/alpha/sessionrecording",
    });
    expect(destinationFor(target, { publicKey: "", sinkUrl: "http://localhost:4319/" })).toMatchObject({
      kind: "sink",
    });
  });

  it("goes nowhere with neither", () => {
    expect(destinationFor(target, { publicKey: undefined, sinkUrl: undefined })).toEqual({ kind: "none" });
  });
});

describe("clientIp", () => {
  it("takes the first x-forwarded-for address, trimmed", () => {
    const headers = new Headers({
      "x-forwarded-for": " 203.0.113.7 , 10.0.0.2, 10.0.0.1",
      "x-real-ip": "10.0.0.9",
    });
    expect(clientIp(headers)).toBe("203.0.113.7");
  });

  it("falls back to x-real-ip, then to nothing", () => {
    expect(clientIp(new Headers({ "x-real-ip": " 198.51.100.4 " }))).toBe("198.51.100.4");
    expect(clientIp(new Headers({ "x-forwarded-for": " ", "x-real-ip": "198.51.100.4" }))).toBe(
      "198.51.100.4",
    );
    expect(clientIp(new Headers({ "x-real-ip": "  " }))).toBeUndefined();
    expect(clientIp(new Headers())).toBeUndefined();
  });
});
