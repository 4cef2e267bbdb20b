import { describe, expect, it } from "vitest";
import { nextRequestAttributes } from "./next-request-metrics.ts";

describe("HTTP metrics from Next.js request spans", () => {
  it("maps the routed request span to the stable HTTP attributes", () => {
    const attributes = nextRequestAttributes({
      attributes: {
        "next.span_type": "BaseServer.handleRequest",
        "http.method": "POST",
        "http.route": "/api/trpc/[trpc]",
        "http.status_code": 503,
        "http.target": "/api/trpc/cart.add?batch=1",
      },
    });
    expect(attributes).toEqual({
      "http.request.method": "POST",
      "http.route": "/api/trpc/[trpc]",
      "http.response.status_code": 503,
      "error.type": "503",
    });
  });

  it("ignores Next's outer request span (no route) and every other span", () => {
    expect(
      nextRequestAttributes({
        attributes: {
          "next.span_type": "BaseServer.handleRequest",
          "http.method": "GET",
          "http.status_code": 200,
        },
      }),
    ).toBeUndefined();
    expect(nextRequestAttributes({ attributes: { "http.route": "/products" } })).toBeUndefined();
  });
});
